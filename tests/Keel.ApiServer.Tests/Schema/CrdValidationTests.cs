using System.Text.Json.Nodes;
using Keel.ApiServer.Schema;
using static Keel.ApiServer.Tests.Schema.CrdKit;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>CRD creation checks: each failure with the field path and message the real server reports.</summary>
public sealed class CrdValidationTests
{
    private const string Simple = """{"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}}}}}""";

    [Fact]
    public void A_well_formed_crd_has_no_errors() => Assert.Empty(Errors(Crd(Simple)));

    [Fact]
    public void Name_must_be_plural_dot_group()
    {
        var crd = Crd(Simple, c => c["metadata"]!["name"] = "gadgets.example.com");

        Assert.Equal(["metadata.name: Invalid value: \"gadgets.example.com\": must be spec.names.plural+\".\"+spec.group"], Errors(crd));
    }

    [Fact]
    public void Group_needs_a_dot_and_scope_a_known_value()
    {
        var crd = Crd(Simple, c =>
        {
            c["metadata"]!["name"] = "widgets.example";
            c["spec"]!["group"] = "example";
            c["spec"]!["scope"] = "Global";
        });

        Assert.Equal(
        [
            "spec.group: Invalid value: \"example\": should be a domain with at least one dot",
            "spec.scope: Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespaced\"",
        ], Errors(crd));
    }

    [Fact]
    public void Exactly_one_storage_version_and_unique_dns_names()
    {
        var crd = Crd(Simple, c =>
        {
            var versions = c["spec"]!["versions"]!.AsArray();
            var second = versions[0]!.DeepClone();
            second["name"] = "V2";
            versions.Add(second);
        });

        var errors = Errors(crd);

        Assert.Contains(errors, e => e.StartsWith("spec.versions[1].name: Invalid value: \"V2\": a DNS-1035 label must consist of lower case alphanumeric characters or '-'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("spec.versions: Invalid value: ", StringComparison.Ordinal) && e.EndsWith(": must have exactly one version marked as storage version", StringComparison.Ordinal));
    }

    [Fact]
    public void Names_are_required_and_well_formed()
    {
        var crd = Crd(Simple, c => c["spec"]!["names"] = JsonNode.Parse("""{"plural":"widgets","kind":"Widget","listKind":"Widget","shortNames":["W!"]}"""));

        Assert.Equal(
        [
            "spec.names.singular: Required value",
            "spec.names.shortNames[0]: Invalid value: \"W!\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
            "spec.names.listKind: Invalid value: \"Widget\": kind and listKind may not be the same",
        ], Errors(crd));
    }

    [Fact]
    public void Defaults_fill_singular_list_kind_and_conversion()
    {
        var crd = Crd(Simple, c => c["spec"]!["names"] = JsonNode.Parse("""{"plural":"widgets","kind":"Widget"}"""));

        CustomResourceDefinitionDefaults.Apply(crd);

        Assert.Empty(Errors(crd));
        Assert.Equal("widget", crd["spec"]!["names"]!["singular"]!.GetValue<string>());
        Assert.Equal("WidgetList", crd["spec"]!["names"]!["listKind"]!.GetValue<string>());
        Assert.Equal("None", crd["spec"]!["conversion"]!["strategy"]!.GetValue<string>());
    }

    [Fact]
    public void Schema_is_required_per_version()
    {
        var crd = Crd(Simple, c => c["spec"]!["versions"]![0]!.AsObject().Remove("schema"));

        Assert.Equal(["spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required"], Errors(crd));
    }

    [Fact]
    public void Differing_version_schemas_are_reported_per_version()
    {
        var crd = Crd(Simple, c =>
        {
            var versions = c["spec"]!["versions"]!.AsArray();
            var v2 = versions[0]!.DeepClone();
            v2["name"] = "v2";
            v2["storage"] = false;
            v2["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["a"]!["type"] = "strng";
            versions.Add(v2);
        });

        Assert.Equal(["spec.versions[1].schema.openAPIV3Schema.properties[spec].properties[a].type: Unsupported value: \"strng\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\""], Errors(crd));
    }

    [Fact]
    public void List_map_keys_need_list_type_map_and_required_or_defaulted_scalar_keys()
    {
        var errors = Errors(SpecCrd("""
            {"type":"object","properties":{
              "a":{"type":"array","x-kubernetes-list-map-keys":["name"],"items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}},
              "b":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name","meta"],
                   "items":{"type":"object","properties":{"name":{"type":"string","nullable":true},"meta":{"type":"object"}}}},
              "c":{"type":"array","x-kubernetes-list-type":"map","items":{"type":"string"}}}}
            """));

        Assert.Equal(
        [
            SpecPath + ".properties[a].x-kubernetes-list-type: Required value: must be map if x-kubernetes-list-map-keys is non-empty",
            SpecPath + ".properties[b].items.properties[meta].type: Invalid value: \"object\": must be a scalar type if parent array's x-kubernetes-list-type is map",
            SpecPath + ".properties[b].items.properties[name].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property",
            SpecPath + ".properties[b].items.properties[name].nullable: Forbidden: this property is in x-kubernetes-list-map-keys, so it cannot be nullable",
            SpecPath + ".properties[b].items.properties[meta].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property",
            SpecPath + ".properties[c].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map",
            SpecPath + ".properties[c].items.type: Invalid value: \"string\": must be object if parent array's x-kubernetes-list-type is map",
        ], errors);
    }

    [Fact]
    public void List_map_keys_must_name_item_properties()
    {
        var errors = Errors(SpecCrd("""
            {"type":"object","properties":{"a":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["id"],
              "items":{"type":"object","properties":{"name":{"type":"string"}}}}}}
            """));

        Assert.Equal([SpecPath + ".properties[a].x-kubernetes-list-map-keys: Invalid value: []string{\"id\"}: entries must all be names of item properties"], errors);
    }

    [Fact]
    public void Extension_placement_is_checked()
    {
        var errors = Errors(SpecCrd("""
            {"type":"object","properties":{
              "l":{"type":"string","x-kubernetes-list-type":"set"},
              "m":{"type":"array","items":{"type":"string"},"x-kubernetes-map-type":"atomic"},
              "s":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"object","properties":{"x":{"type":"string"}}}},
              "t":{"type":"array","x-kubernetes-list-type":"bag","items":{"type":"string"}},
              "p":{"type":"object","x-kubernetes-preserve-unknown-fields":false}}}
            """));

        Assert.Equal(
        [
            SpecPath + ".properties[l].type: Invalid value: \"string\": must be array if x-kubernetes-list-type is specified",
            SpecPath + ".properties[m].type: Invalid value: \"array\": must be object if x-kubernetes-map-type is specified",
            SpecPath + ".properties[s].items.x-kubernetes-map-type: Invalid value: \"null\": must be atomic as item of a list with x-kubernetes-list-type=set",
            SpecPath + ".properties[t].x-kubernetes-list-type: Unsupported value: \"bag\": supported values: \"atomic\", \"set\", \"map\"",
            SpecPath + ".properties[p].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined",
        ], errors);
    }

    [Fact]
    public void Structural_rules_are_reported_sorted()
    {
        var errors = Errors(SpecCrd("""
            {"type":"object","properties":{
              "untyped":{"description":"no type"},
              "list":{"type":"array"},
              "either":{"type":"string","anyOf":[{"type":"string","description":"x"},{"maxLength":3}]},
              "both":{"x-kubernetes-int-or-string":true,"x-kubernetes-preserve-unknown-fields":true},
              "embedded":{"type":"string","x-kubernetes-embedded-resource":true}}}
            """));

        Assert.Equal(
        [
            SpecPath + ".properties[both].x-kubernetes-preserve-unknown-fields: Invalid value: true: must be false if x-kubernetes-int-or-string is true",
            SpecPath + ".properties[either].anyOf[0].description: Forbidden: must be empty to be structural",
            SpecPath + ".properties[either].anyOf[0].type: Forbidden: must be empty to be structural",
            SpecPath + ".properties[embedded].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields",
            SpecPath + ".properties[embedded].type: Invalid value: \"string\": must be object if x-kubernetes-embedded-resource is true",
            SpecPath + ".properties[list].items: Required value: must be specified",
            SpecPath + ".properties[untyped].type: Required value: must not be empty for specified object fields",
        ], errors);
    }

    [Fact]
    public void Int_or_string_any_of_pattern_is_structural()
    {
        Assert.Empty(Errors(SpecCrd("""{"type":"object","properties":{"port":{"x-kubernetes-int-or-string":true,"anyOf":[{"type":"integer"},{"type":"string"}]}}}""")));
    }

    [Fact]
    public void Value_validations_may_not_name_fields_the_schema_lacks()
    {
        var errors = Errors(SpecCrd("""{"type":"object","properties":{"a":{"type":"string"}},"oneOf":[{"required":["a"]},{"properties":{"b":{"minLength":1}}}]}"""));

        Assert.Equal([SpecPath + ".properties[b]: Required value: because it is defined in oneOf[1].properties[b]"], errors);
    }

    [Fact]
    public void Root_metadata_may_only_restrict_name_and_generate_name()
    {
        Assert.Empty(Errors(Crd("""{"type":"object","properties":{"metadata":{"type":"object","properties":{"name":{"type":"string","maxLength":20}}}}}""")));
        Assert.Equal(
            ["spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified"],
            Errors(Crd("""{"type":"object","properties":{"metadata":{"type":"object","properties":{"labels":{"type":"object"}}}}}""")));
    }

    [Fact]
    public void Root_must_be_an_object_without_additional_properties()
    {
        var errors = Errors(Crd("""{"type":"object","additionalProperties":{"type":"string"}}"""));

        Assert.Equal(["spec.validation.openAPIV3Schema.additionalProperties: Forbidden: must not be used at the root"], errors);
    }

    [Fact]
    public void Unsupported_keywords_are_forbidden()
    {
        var errors = Errors(SpecCrd("""
            {"type":"object","uniqueItems":true,"patternProperties":{"^x":{"type":"string"}},"properties":{
              "r":{"$ref":"#/definitions/x"},"n":{"type":"null"},
              "ap":{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":{"type":"string"}}}}
            """));

        Assert.Contains(SpecPath + ".patternProperties: Forbidden: patternProperties is not supported", errors);
        Assert.Contains(SpecPath + ".uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic", errors);
        Assert.Contains(SpecPath + ".properties[r].$ref: Forbidden: $ref is not supported", errors);
        Assert.Contains(SpecPath + ".properties[n].type: Forbidden: type cannot be set to null, use nullable as an alternative", errors);
        Assert.Contains(SpecPath + ".properties[ap].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive", errors);
    }

    [Fact]
    public void Patterns_must_be_RE2()
    {
        var error = Assert.Single(Errors(SpecCrd("""{"type":"object","properties":{"a":{"type":"string","pattern":"^(?!x).*$"}}}""")));

        Assert.Equal(SpecPath + ".properties[a].pattern: Invalid value: \"^(?!x).*$\": must be a valid regular expression, but isn't: error parsing regexp: invalid or unsupported Perl syntax: `(?!`", error);
    }

    [Fact]
    public void Defaults_must_validate_against_their_schema_and_be_pruned()
    {
        var errors = Errors(SpecCrd("""
            {"type":"object","properties":{
              "replicas":{"type":"integer","minimum":1,"default":0},
              "mode":{"type":"string","enum":["a","b"],"default":"c"},
              "ref":{"type":"object","properties":{"name":{"type":"string"}},"default":{"name":"x","extra":1}}}}
            """));

        // The default is validated on its own, so kube-openapi names its root "" (hence " in body").
        Assert.Equal(
        [
            SpecPath + ".properties[replicas].default: Invalid value: 0:  in body should be greater than or equal to 1",
            SpecPath + ".properties[mode].default: Unsupported value: \"c\": supported values: \"a\", \"b\"",
            SpecPath + ".properties[ref].default: Invalid value: map[string]interface {}{\"extra\":1, \"name\":\"x\"}: must not have unknown fields",
        ], errors);
    }

    [Fact]
    public void Defaults_are_checked_against_cel_rules()
    {
        var error = Assert.Single(Errors(SpecCrd("""{"type":"object","properties":{"mode":{"type":"string","default":"x","x-kubernetes-validations":[{"rule":"self != 'x'","message":"not x"}]}}}""")));

        Assert.Equal(SpecPath + ".properties[mode].default: Invalid value: \"string\": not x", error);
    }

    [Fact]
    public void Defaults_in_top_level_metadata_are_forbidden()
    {
        var error = Assert.Single(Errors(Crd("""{"type":"object","properties":{"metadata":{"type":"object","properties":{"name":{"type":"string","default":"x"}}}}}""")));

        Assert.Equal("spec.validation.openAPIV3Schema.properties[metadata].properties[name].default: Forbidden: must not be set in top-level metadata", error);
    }

    [Fact]
    public void Root_nullable_and_status_subresource_root_keywords()
    {
        var errors = Errors(Crd("""{"type":"object","nullable":true,"enum":[{}]}""", c => c["spec"]!["versions"]![0]!["subresources"] = JsonNode.Parse("""{"status":{}}""")));

        Assert.Equal("spec.validation.openAPIV3Schema.nullable: Forbidden: nullable cannot be true at the root", errors[1]);
        Assert.StartsWith("spec.validation.openAPIV3Schema: Invalid value: ", errors[0]);
        Assert.EndsWith(": only [Description Type Format Title Maximum ExclusiveMaximum Minimum ExclusiveMinimum MaxLength MinLength Pattern MaxItems MinItems UniqueItems MultipleOf Required Items Properties ExternalDocs Example XPreserveUnknownFields XValidations] fields are allowed at the root of the schema if the status subresource is enabled", errors[0]);
    }

    [Fact]
    public void Cel_compile_errors_name_the_rule_like_the_server()
    {
        var error = Assert.Single(Errors(SpecCrd("""{"type":"object","properties":{"a":{"type":"string"}},"x-kubernetes-validations":[{"rule":"self.b == 'x'","message":"m"}]}""")));

        Assert.Equal(
            SpecPath + ".x-kubernetes-validations[0].rule: Invalid value: apiextensions.ValidationRule{Rule:\"self.b == 'x'\", Message:\"m\", MessageExpression:\"\", Reason:(*apiextensions.FieldValueErrorReason)(nil), FieldPath:\"\", OptionalOldSelf:(*bool)(nil)}: compilation failed: ERROR: <input>:1:5: undefined field 'b'\n | self.b == 'x'\n | ....^",
            error);
    }

    [Fact]
    public void Cel_rule_static_checks()
    {
        var errors = Errors(SpecCrd("""
            {"type":"object","properties":{"a":{"type":"string"}},"x-kubernetes-validations":[
              {"rule":""},
              {"rule":"true","message":"two\nlines"},
              {"rule":"true","reason":"FieldValueBad"},
              {"rule":"true","fieldPath":".nope"},
              {"rule":"self.a != ''","optionalOldSelf":true},
              {"rule":"true","messageExpression":"self.a + 1"}]}
            """));

        Assert.Equal(
        [
            SpecPath + ".x-kubernetes-validations[0].rule: Required value: rule is not specified",
            SpecPath + ".x-kubernetes-validations[1].message: Invalid value: \"two\\nlines\": message must not contain line breaks",
            SpecPath + ".x-kubernetes-validations[2].reason: Unsupported value: \"FieldValueBad\": supported values: \"FieldValueDuplicate\", \"FieldValueForbidden\", \"FieldValueInvalid\", \"FieldValueRequired\"",
            SpecPath + ".x-kubernetes-validations[3].fieldPath: Invalid value: \".nope\": fieldPath must be a valid path",
        ], errors);
    }

    [Fact]
    public void Cel_optional_old_self_and_message_expression_checks()
    {
        var errors = Errors(SpecCrd("""
            {"type":"object","properties":{"a":{"type":"string"}},"x-kubernetes-validations":[
              {"rule":"self.a != ''","optionalOldSelf":true},
              {"rule":"true","messageExpression":"self.a.size()"}]}
            """));

        Assert.Equal(2, errors.Length);
        Assert.Equal(SpecPath + ".x-kubernetes-validations[0].optionalOldSelf: Invalid value: true: may not be set if oldSelf is not used in rule", errors[0]);
        Assert.StartsWith(SpecPath + ".x-kubernetes-validations[1].messageExpression: Invalid value: apiextensions.ValidationRule{", errors[1]);
        Assert.EndsWith(": messageExpression must evaluate to a string", errors[1]);
    }

    [Fact]
    public void Transition_rules_are_refused_below_uncorrelatable_lists()
    {
        var error = Assert.Single(Errors(SpecCrd("""
            {"type":"object","properties":{"items":{"type":"array","items":{"type":"object","properties":{"a":{"type":"string"}},
              "x-kubernetes-validations":[{"rule":"self.a == oldSelf.a"}]}}}}
            """)));

        Assert.Equal(SpecPath + ".properties[items].items.x-kubernetes-validations[0].rule: Invalid value: \"self.a == oldSelf.a\": oldSelf cannot be used on the uncorrelatable portion of the schema within " + SpecPath + ".properties[items]", error);
    }

    [Fact]
    public void Unsupported_cel_is_refused_at_creation_rather_than_misread()
    {
        var error = Assert.Single(Errors(SpecCrd("""{"type":"object","properties":{"a":{"type":"string"}},"x-kubernetes-validations":[{"rule":"self.?a.orValue('') == ''"}]}""")));

        Assert.Contains("optional field selection ('.?') is not supported by this API server; use has() instead", error);
    }

    [Fact]
    public void Printer_columns_are_checked()
    {
        var crd = Crd(Simple, c => c["spec"]!["versions"]![0]!["additionalPrinterColumns"] = JsonNode.Parse("""
            [{"name":"A","type":"int","jsonPath":".spec.a"},{"name":"B","type":"string","format":"fancy","jsonPath":"spec.b"},{"type":"date"}]
            """));

        Assert.Equal(
        [
            "spec.additionalPrinterColumns[0].type: Invalid value: \"int\": must be one of boolean,date,integer,number,string",
            "spec.additionalPrinterColumns[1].format: Invalid value: \"fancy\": must be one of byte,date,date-time,double,float,int32,int64,password",
            "spec.additionalPrinterColumns[1].JSONPath: Invalid value: \"spec.b\": must be a simple json path starting with .",
            "spec.additionalPrinterColumns[2].name: Required value",
            "spec.additionalPrinterColumns[2].JSONPath: Required value",
        ], Errors(crd));
    }

    [Fact]
    public void Scale_subresource_paths_are_checked()
    {
        var crd = Crd(Simple, c => c["spec"]!["versions"]![0]!["subresources"] = JsonNode.Parse("""{"scale":{"specReplicasPath":".status.replicas","statusReplicasPath":"status.replicas"}}"""));

        Assert.Equal(
        [
            "spec.subresources.scale.specReplicasPath: Invalid value: \".status.replicas\": should be a json path under .spec",
            "spec.subresources.scale.statusReplicasPath: Invalid value: \"status.replicas\": must be a simple json path starting with .",
        ], Errors(crd));
    }

    [Fact]
    public void Selectable_fields_must_point_at_scalar_spec_fields()
    {
        var crd = Crd("""{"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"},"o":{"type":"object"}}}}}""",
            c => c["spec"]!["versions"]![0]!["selectableFields"] = JsonNode.Parse("""[{"jsonPath":".spec.a"},{"jsonPath":".spec.o"},{"jsonPath":".spec.x"},{"jsonPath":".spec.a"}]"""));

        Assert.Equal(
        [
            "spec.versions[0].selectableFields[1].jsonPath: Invalid value: \".spec.o\": must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed.",
            "spec.versions[0].selectableFields[2].jsonPath: Invalid value: \".spec.x\": is an invalid path: does not refer to a valid field",
            "spec.versions[0].selectableFields[3].jsonPath: Duplicate value: \".spec.a\"",
        ], Errors(crd));
    }

    [Fact]
    public void Webhook_conversion_needs_a_client_and_review_versions()
    {
        var crd = Crd(Simple, c => c["spec"]!["conversion"] = JsonNode.Parse("""{"strategy":"Webhook"}"""));

        Assert.Equal(["spec.conversion.webhookClientConfig: Required value: required when strategy is set to Webhook", "spec.conversion.conversionReviewVersions: Required value"], Errors(crd));
    }

    [Fact]
    public void Preserve_unknown_fields_true_is_refused()
    {
        var crd = Crd(Simple, c => c["spec"]!["preserveUnknownFields"] = true);

        Assert.Equal(["spec.preserveUnknownFields: Invalid value: true: cannot set to true, set x-preserve-unknown-fields to true in spec.versions[*].schema instead"], Errors(crd));
    }

    [Fact]
    public void Update_keeps_group_and_plural_immutable()
    {
        var old = Crd(Simple);
        var updated = Crd(Simple, c =>
        {
            c["metadata"]!["name"] = "gizmos.example.com";
            c["spec"]!["names"]!["plural"] = "gizmos";
        });

        Assert.Equal(["spec.names.plural: Invalid value: \"gizmos\": field is immutable"], CustomResourceDefinitionValidation.ValidateUpdate(updated, old).Select(e => e.ToString()));
    }
}
