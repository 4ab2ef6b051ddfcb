using System.Text.Json.Nodes;
using Keel.ApiServer.Schema;
using static Keel.ApiServer.Tests.Schema.SchemaKit;

namespace Keel.ApiServer.Tests.Schema;

public sealed class PruningAndDefaultingTests
{
    private const string Nested = """
        {"type":"object","properties":{
          "name":{"type":"string"},
          "ports":{"type":"array","items":{"type":"object","properties":{"port":{"type":"integer"}}}},
          "labels":{"type":"object","additionalProperties":{"type":"object","properties":{"v":{"type":"string"}}}}}}
        """;

    [Fact]
    public void Unknown_fields_are_pruned_and_warned_with_their_paths_in_document_order()
    {
        var obj = Widget("""{"name":"a","foo":1,"ports":[{"port":1,"bar":2}],"labels":{"k":{"v":"x","baz":3}}}""");

        var result = Admit(Spec(Nested), obj);

        Assert.Empty(result.Errors);
        Assert.Equal(["spec.foo", "spec.ports[0].bar", "spec.labels.k.baz"], result.UnknownFields);
        Assert.Equal(["unknown field \"spec.foo\"", "unknown field \"spec.ports[0].bar\"", "unknown field \"spec.labels.k.baz\""], result.Warnings);
        Assert.Equal("""{"name":"a","ports":[{"port":1}],"labels":{"k":{"v":"x"}}}""", obj["spec"]!.ToJsonString());
    }

    [Fact]
    public void Ignore_mode_prunes_silently()
    {
        var obj = Widget("""{"foo":1}""");

        var result = Admit(Spec(Nested), obj, mode: FieldValidationMode.Ignore);

        Assert.Empty(result.Warnings);
        Assert.Equal(["spec.foo"], result.UnknownFields);
        Assert.Equal("{}", obj["spec"]!.ToJsonString());
    }

    [Fact]
    public void Strict_mode_turns_unknown_fields_into_a_strict_decoding_error_before_validation()
    {
        var result = Admit(Spec("""{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}"""), Widget("""{"foo":1,"bar":2}"""), mode: FieldValidationMode.Strict);

        Assert.Equal("strict decoding error: unknown field \"spec.foo\", unknown field \"spec.bar\"", result.StrictDecodingError);
        Assert.Equal(["spec.foo", "spec.bar"], result.Errors.Select(e => e.Field));
        Assert.DoesNotContain(result.Errors, e => e.Reason == "FieldValueRequired");
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Strict_mode_without_unknown_fields_validates_normally()
    {
        var result = Admit(Spec(Nested), Widget("""{"name":"a"}"""), mode: FieldValidationMode.Strict);

        Assert.True(result.IsValid);
        Assert.Null(result.StrictDecodingError);
    }

    [Fact]
    public void Root_type_and_object_meta_are_never_pruned_but_unknown_metadata_fields_are()
    {
        var obj = Json("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"a","labels":{"x":"y"},"bogus":1},"spec":{},"extra":true}""");

        var result = Admit(Spec(Nested), obj);

        Assert.Equal(["metadata.bogus", "extra"], result.UnknownFields);
        Assert.Equal("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"a","labels":{"x":"y"}},"spec":{}}""", obj.ToJsonString());
    }

    [Fact]
    public void Preserve_unknown_fields_keeps_everything_below_except_inside_declared_properties()
    {
        const string schema = """
            {"type":"object","x-kubernetes-preserve-unknown-fields":true,"properties":{
              "typed":{"type":"object","properties":{"a":{"type":"string"}}}}}
            """;
        var obj = Widget("""{"free":{"deep":[1,{"x":2}]},"typed":{"a":"1","b":"2"}}""");

        var result = Admit(Spec(schema), obj);

        Assert.Equal(["spec.typed.b"], result.UnknownFields);
        Assert.Equal("""{"free":{"deep":[1,{"x":2}]},"typed":{"a":"1"}}""", obj["spec"]!.ToJsonString());
    }

    [Fact]
    public void Preserve_unknown_fields_on_a_nested_node_only()
    {
        const string schema = """{"type":"object","properties":{"config":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}""";
        var obj = Widget("""{"config":{"anything":{"goes":true}},"other":1}""");

        var result = Admit(Spec(schema), obj);

        Assert.Equal(["spec.other"], result.UnknownFields);
        Assert.Equal("""{"config":{"anything":{"goes":true}}}""", obj["spec"]!.ToJsonString());
    }

    [Fact]
    public void Embedded_resource_keeps_type_and_object_meta_and_prunes_the_rest_by_schema()
    {
        const string schema = """
            {"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,
              "properties":{"spec":{"type":"object","properties":{"replicas":{"type":"integer"}}}}}}}
            """;
        var obj = Widget("""{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","junk":1},"spec":{"replicas":1,"x":2},"status":{}}}""");

        var result = Admit(Spec(schema), obj);

        Assert.Equal(["spec.template.metadata.junk", "spec.template.spec.x", "spec.template.status"], result.UnknownFields);
        Assert.Equal("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"replicas":1}}""", obj["spec"]!["template"]!.ToJsonString());
    }

    [Fact]
    public void Embedded_resource_with_preserve_unknown_fields_keeps_its_content()
    {
        const string schema = """{"type":"object","properties":{"raw":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}""";
        var obj = Widget("""{"raw":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"data":{"k":"v"}}}""");

        var result = Admit(Spec(schema), obj);

        Assert.Empty(result.UnknownFields);
        Assert.Empty(result.Errors);
        Assert.Equal("v", obj["spec"]!["raw"]!["data"]!["k"]!.GetValue<string>());
    }

    [Fact]
    public void Defaults_fill_absent_fields()
    {
        const string schema = """{"type":"object","properties":{"replicas":{"type":"integer","default":1},"mode":{"type":"string","default":"auto"}}}""";
        var obj = Widget("""{"mode":"manual"}""");

        Admit(Spec(schema), obj);

        Assert.Equal("""{"mode":"manual","replicas":1}""", obj["spec"]!.ToJsonString());
    }

    [Fact]
    public void Nested_defaults_apply_only_where_the_parent_exists()
    {
        const string schema = """
            {"type":"object","properties":{"parallelism":{"type":"object","properties":{"tensor":{"type":"integer","default":1}}}}}
            """;
        var absent = Widget("{}");
        var present = Widget("""{"parallelism":{}}""");

        Admit(Spec(schema), absent);
        Admit(Spec(schema), present);

        Assert.Equal("{}", absent["spec"]!.ToJsonString());
        Assert.Equal("""{"parallelism":{"tensor":1}}""", present["spec"]!.ToJsonString());
    }

    [Fact]
    public void A_defaulted_parent_receives_its_childrens_defaults()
    {
        const string schema = """
            {"type":"object","properties":{"routing":{"type":"object","default":{},"properties":{"port":{"type":"integer","default":8000}}}}}
            """;
        var obj = Widget("{}");

        Admit(Spec(schema), obj);

        Assert.Equal("""{"routing":{"port":8000}}""", obj["spec"]!.ToJsonString());
    }

    [Fact]
    public void Defaults_apply_inside_list_items_and_map_values()
    {
        const string schema = """
            {"type":"object","properties":{
              "ports":{"type":"array","items":{"type":"object","properties":{"protocol":{"type":"string","default":"TCP"}}}},
              "env":{"type":"object","additionalProperties":{"type":"object","properties":{"kind":{"type":"string","default":"plain"}}}}}}
            """;
        var obj = Widget("""{"ports":[{},{"protocol":"UDP"}],"env":{"a":{}}}""");

        Admit(Spec(schema), obj);

        Assert.Equal("""{"ports":[{"protocol":"TCP"},{"protocol":"UDP"}],"env":{"a":{"kind":"plain"}}}""", obj["spec"]!.ToJsonString());
    }

    [Fact]
    public void Non_nullable_null_with_default_is_replaced_by_the_default()
    {
        var obj = Widget("""{"replicas":null}""");

        Admit(Spec("""{"type":"object","properties":{"replicas":{"type":"integer","default":3}}}"""), obj);

        Assert.Equal(3, obj["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public void Nullable_null_with_default_stays_null()
    {
        var obj = Widget("""{"replicas":null}""");

        Admit(Spec("""{"type":"object","properties":{"replicas":{"type":"integer","nullable":true,"default":3}}}"""), obj);

        Assert.Null(obj["spec"]!["replicas"]);
        Assert.True(obj["spec"]!.AsObject().ContainsKey("replicas"));
    }

    [Fact]
    public void Defaults_are_deep_copies()
    {
        var admission = new CustomResourceAdmission(Spec("""{"type":"object","properties":{"tags":{"type":"array","items":{"type":"string"},"default":["a"]}}}"""));
        var first = Widget("{}");
        var second = Widget("{}");

        admission.Admit(first, null, FieldValidationMode.Warn);
        first["spec"]!["tags"]!.AsArray().Add("mutated");
        admission.Admit(second, null, FieldValidationMode.Warn);

        Assert.Equal("""["a"]""", second["spec"]!["tags"]!.ToJsonString());
    }

    [Fact]
    public void Pruning_happens_before_defaulting_and_defaults_are_validated_as_part_of_the_object()
    {
        var obj = Widget("""{"size":"x"}""");

        var result = Admit(Spec("""{"type":"object","properties":{"size":{"type":"string","enum":["s","m"]},"count":{"type":"integer","default":1}}}"""), obj);

        Assert.Equal("spec.size: Unsupported value: \"x\": supported values: \"s\", \"m\"", Single(result).ToString());
        Assert.Equal(1, obj["spec"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public void ApplyDefaults_defaults_without_validating()
    {
        var obj = Widget("""{"size":"x"}""");

        new CustomResourceAdmission(Spec("""{"type":"object","properties":{"size":{"type":"string","enum":["s"]},"count":{"type":"integer","default":2}}}""")).ApplyDefaults(obj);

        Assert.Equal("""{"size":"x","count":2}""", obj["spec"]!.ToJsonString());
    }

    [Fact]
    public void Schema_is_copied_on_parse_so_later_edits_do_not_leak_in()
    {
        var source = Json("""{"type":"object","properties":{"spec":{"type":"object","properties":{"a":{"type":"string"}}}}}""");
        var schema = StructuralSchema.Parse(source);
        source["properties"]!["spec"]!["properties"]!["b"] = new JsonObject { ["type"] = "string" };

        var result = Admit(schema, Widget("""{"a":"x","b":"y"}"""));

        Assert.Equal(["spec.b"], result.UnknownFields);
    }
}
