using Keel.ApiServer.Schema;
using static Keel.ApiServer.Tests.Schema.SchemaKit;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>x-kubernetes-validations at admission: scopes, self/oldSelf, messages, reasons and field paths.</summary>
public sealed class CelRuleTests
{
    private const string ImmutableModel = """
        {"type":"object","properties":{"modelName":{"type":"string","maxLength":256,
          "x-kubernetes-validations":[{"rule":"self == oldSelf","message":"modelName is immutable"}]}}}
        """;

    [Fact]
    public void Immutable_field_rejects_a_change_on_update()
    {
        var error = Single(AdmitSpec(ImmutableModel, """{"modelName":"b"}""", oldSpec: """{"modelName":"a"}"""));

        Assert.Equal(new FieldError("spec.modelName", "FieldValueInvalid", "Invalid value: \"string\": modelName is immutable", "\"string\""), error);
    }

    [Fact]
    public void Immutable_field_accepts_the_same_value_and_creation()
    {
        Assert.Empty(AdmitSpec(ImmutableModel, """{"modelName":"a"}""", oldSpec: """{"modelName":"a"}""").Errors);
        Assert.Empty(AdmitSpec(ImmutableModel, """{"modelName":"a"}""").Errors);
    }

    [Fact]
    public void Transition_rule_is_skipped_when_the_field_is_new_on_update()
    {
        Assert.Empty(AdmitSpec(ImmutableModel, """{"modelName":"a"}""", oldSpec: "{}").Errors);
    }

    [Fact]
    public void Rule_without_message_reports_failed_rule()
    {
        var error = Single(AdmitSpec("""{"type":"object","x-kubernetes-validations":[{"rule":"self.min <= self.max"}],"properties":{"min":{"type":"integer"},"max":{"type":"integer"}}}""", """{"min":5,"max":1}"""));

        Assert.Equal("spec: Invalid value: \"object\": failed rule: self.min <= self.max", error.ToString());
    }

    private const string OneOfRefs = """
        {"type":"object","properties":{"baseConfigRef":{"type":"string"},"baseConfigMapRef":{"type":"string"}},
         "x-kubernetes-validations":[
           {"rule":"!(has(self.baseConfigRef) && has(self.baseConfigMapRef))","message":"at most one of baseConfigRef and baseConfigMapRef may be set"},
           {"rule":"has(self.baseConfigRef) || has(self.baseConfigMapRef)","message":"exactly one of baseConfigRef and baseConfigMapRef must be set"}]}
        """;

    [Fact]
    public void At_most_one_and_exactly_one_of_with_has()
    {
        Assert.Empty(AdmitSpec(OneOfRefs, """{"baseConfigRef":"a"}""").Errors);
        Assert.Equal(["spec: Invalid value: \"object\": at most one of baseConfigRef and baseConfigMapRef may be set"], Messages(AdmitSpec(OneOfRefs, """{"baseConfigRef":"a","baseConfigMapRef":"b"}""")));
        Assert.Equal(["spec: Invalid value: \"object\": exactly one of baseConfigRef and baseConfigMapRef must be set"], Messages(AdmitSpec(OneOfRefs, "{}")));
    }

    [Fact]
    public void Has_tests_presence_even_for_empty_values()
    {
        const string schema = """
            {"type":"object","properties":{"s":{"type":"string"},"l":{"type":"array","items":{"type":"string"}}},
             "x-kubernetes-validations":[{"rule":"has(self.s) && has(self.l)","message":"both present"}]}
            """;

        Assert.Empty(AdmitSpec(schema, """{"s":"","l":[]}""").Errors);
        Assert.Single(AdmitSpec(schema, """{"s":""}""").Errors);
    }

    private const string Ports = """
        {"type":"object","properties":{"ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
          "items":{"type":"object","required":["name","port"],"properties":{"name":{"type":"string"},"port":{"type":"integer"}},
            "x-kubernetes-validations":[{"rule":"self.port != 22","message":"port 22 is reserved"}]}}}}
        """;

    [Fact]
    public void Rules_in_list_items_report_the_item_path()
    {
        var error = Single(AdmitSpec(Ports, """{"ports":[{"name":"a","port":80},{"name":"b","port":22}]}"""));

        Assert.Equal("spec.ports[1]: Invalid value: \"object\": port 22 is reserved", error.ToString());
    }

    [Fact]
    public void Rules_on_scalar_items_and_map_values_use_index_and_key_paths()
    {
        const string schema = """
            {"type":"object","properties":{
              "tags":{"type":"array","items":{"type":"string","x-kubernetes-validations":[{"rule":"self.startsWith('t-')"}]}},
              "labels":{"type":"object","additionalProperties":{"type":"string","x-kubernetes-validations":[{"rule":"self.size() <= 3","message":"too long"}]}}}}
            """;

        var messages = Messages(AdmitSpec(schema, """{"tags":["t-a","x"],"labels":{"ok":"abc","app.kubernetes.io/name":"abcd"}}"""));

        Assert.Equal(
        [
            "spec.tags[1]: Invalid value: \"string\": failed rule: self.startsWith('t-')",
            "spec.labels[app.kubernetes.io/name]: Invalid value: \"string\": too long",
        ], messages);
    }

    [Fact]
    public void MessageExpression_builds_the_message()
    {
        const string schema = """
            {"type":"object","properties":{"port":{"type":"integer"}},
             "x-kubernetes-validations":[{"rule":"self.port < 1024","messageExpression":"'port ' + string(self.port) + ' must be below 1024'"}]}
            """;

        Assert.Equal("spec: Invalid value: \"object\": port 8080 must be below 1024", Single(AdmitSpec(schema, """{"port":8080}""")).ToString());
    }

    [Fact]
    public void MessageExpression_that_fails_falls_back_to_the_message()
    {
        const string schema = """
            {"type":"object","properties":{"port":{"type":"integer"},"name":{"type":"string"}},
             "x-kubernetes-validations":[{"rule":"self.port < 1024","message":"port too high","messageExpression":"'port of ' + self.name"}]}
            """;

        Assert.Equal("spec: Invalid value: \"object\": port too high", Single(AdmitSpec(schema, """{"port":8080}""")).ToString());
    }

    [Fact]
    public void Reason_and_fieldPath_shape_the_cause()
    {
        const string schema = """
            {"type":"object","properties":{"min":{"type":"integer"},"max":{"type":"integer"}},
             "x-kubernetes-validations":[
               {"rule":"self.min <= self.max","message":"max must not be below min","fieldPath":".max","reason":"FieldValueForbidden"},
               {"rule":"self.min >= 0","message":"min is required to be positive","fieldPath":".min","reason":"FieldValueRequired"},
               {"rule":"self.min != 3","fieldPath":".min","reason":"FieldValueDuplicate"}]}
            """;

        var errors = AdmitSpec(schema, """{"min":3,"max":1}""").Errors;
        Assert.Equal(new FieldError("spec.max", "FieldValueForbidden", "Forbidden: max must not be below min"), errors[0]);
        Assert.Equal(new FieldError("spec.min", "FieldValueDuplicate", "Duplicate value: \"object\"", "\"object\""), errors[1]);
        Assert.Equal(2, errors.Count);
        Assert.Equal("spec.min: Required value: min is required to be positive", Single(AdmitSpec(schema, """{"min":-1,"max":1}""")).ToString());
    }

    [Fact]
    public void Uri_scheme_rule()
    {
        const string schema = """
            {"type":"object","properties":{"uri":{"type":"string","x-kubernetes-validations":[
              {"rule":"self.startsWith('hf://') || self.startsWith('pvc://') || self.startsWith('oci://')","message":"uri must start with hf://, pvc:// or oci://"}]}}}
            """;

        foreach (var uri in new[] { "hf://meta-llama/Llama-3.1-8B", "pvc://models/llama", "oci://registry.example.com/llama:1" })
        {
            Assert.Empty(AdmitSpec(schema, $$"""{"uri":"{{uri}}"}""").Errors);
        }

        Assert.Equal("spec.uri: Invalid value: \"string\": uri must start with hf://, pvc:// or oci://", Single(AdmitSpec(schema, """{"uri":"s3://bucket/model"}""")).ToString());
    }

    [Fact]
    public void Rules_at_the_root_see_apiVersion_kind_and_metadata_name()
    {
        var schema = Root("""
            {"type":"object","properties":{"spec":{"type":"object","properties":{"prefix":{"type":"string"}}}},
             "x-kubernetes-validations":[{"rule":"self.metadata.name.startsWith(self.spec.prefix) && self.kind == 'Widget'","message":"name must start with spec.prefix"}]}
            """);

        Assert.Empty(Admit(schema, Widget("""{"prefix":"w"}""")).Errors);
        Assert.Equal("<nil>: Invalid value: \"object\": name must start with spec.prefix", Single(Admit(schema, Widget("""{"prefix":"z"}"""))).ToString());
    }

    [Fact]
    public void Numbers_are_doubles_even_when_written_as_integers()
    {
        const string schema = """{"type":"object","properties":{"ratio":{"type":"number","x-kubernetes-validations":[{"rule":"self <= 1.0"}]}}}""";

        Assert.Empty(AdmitSpec(schema, """{"ratio":1}""").Errors);
        Assert.Single(AdmitSpec(schema, """{"ratio":2}""").Errors);
    }

    [Fact]
    public void Int_or_string_is_dynamic()
    {
        const string schema = """
            {"type":"object","properties":{"maxSurge":{"x-kubernetes-int-or-string":true,"x-kubernetes-validations":[
              {"rule":"type(self) == int ? self >= 0 : self.endsWith('%')","message":"must be a non-negative count or a percentage"}]}}}
            """;

        Assert.Empty(AdmitSpec(schema, """{"maxSurge":1}""").Errors);
        Assert.Empty(AdmitSpec(schema, """{"maxSurge":"25%"}""").Errors);
        Assert.Equal("spec.maxSurge: Invalid value: \"\": must be a non-negative count or a percentage", Single(AdmitSpec(schema, """{"maxSurge":"lots"}""")).ToString());
    }

    [Fact]
    public void Escaped_property_names_are_reachable()
    {
        const string schema = """
            {"type":"object","properties":{"max-replicas":{"type":"integer"},"namespace":{"type":"string"}},
             "x-kubernetes-validations":[{"rule":"self.max__dash__replicas < 10 && self.__namespace__ != ''"}]}
            """;

        Assert.Empty(AdmitSpec(schema, """{"max-replicas":3,"namespace":"ns"}""").Errors);
        Assert.Single(AdmitSpec(schema, """{"max-replicas":30,"namespace":"ns"}""").Errors);
    }

    [Fact]
    public void Macros_over_lists_and_maps()
    {
        const string schema = """
            {"type":"object","properties":{
              "ports":{"type":"array","items":{"type":"integer"}},
              "labels":{"type":"object","additionalProperties":{"type":"string"}}},
             "x-kubernetes-validations":[
               {"rule":"self.ports.all(p, p > 0)","message":"all"},
               {"rule":"self.ports.exists(p, p == 80)","message":"exists"},
               {"rule":"self.ports.exists_one(p, p > 1000)","message":"exists_one"},
               {"rule":"self.ports.filter(p, p < 100).size() == 1","message":"filter"},
               {"rule":"self.ports.map(p, p * 2).exists(p, p == 160)","message":"map"},
               {"rule":"self.labels.all(k, k.startsWith('app'))","message":"map keys"},
               {"rule":"'app' in self.labels && 80 in self.ports","message":"in"}]}
            """;

        Assert.Empty(AdmitSpec(schema, """{"ports":[80,443,8080],"labels":{"app":"x","app.version":"1"}}""").Errors);
        Assert.Equal(
        [
            "spec: Invalid value: \"object\": exists",
            "spec: Invalid value: \"object\": exists_one",
            "spec: Invalid value: \"object\": filter",
            "spec: Invalid value: \"object\": map",
            "spec: Invalid value: \"object\": map keys",
            "spec: Invalid value: \"object\": in",
        ], Messages(AdmitSpec(schema, """{"ports":[443,8080,9090],"labels":{"team":"x"}}""")));
    }

    [Fact]
    public void Missing_field_without_has_is_a_no_such_key_error()
    {
        const string schema = """{"type":"object","properties":{"a":{"type":"string"}},"x-kubernetes-validations":[{"rule":"self.a == 'x'"}]}""";

        Assert.Equal("spec: Invalid value: \"object\": no such key: a evaluating rule: self.a == 'x'", Single(AdmitSpec(schema, "{}")).ToString());
    }

    [Fact]
    public void Has_below_an_absent_parent_is_a_no_such_key_error_for_the_parent()
    {
        const string schema = """{"type":"object","properties":{"a":{"type":"object","properties":{"b":{"type":"string"}}}},"x-kubernetes-validations":[{"rule":"has(self.a.b)"}]}""";

        Assert.Equal("spec: Invalid value: \"object\": no such key: a evaluating rule: has(self.a.b)", Single(AdmitSpec(schema, "{}")).ToString());
        Assert.Empty(AdmitSpec(schema, """{"a":{"b":""}}""").Errors);
    }

    [Fact]
    public void Runtime_overload_errors_on_dynamic_values_are_reported_like_the_server()
    {
        const string schema = """{"type":"object","properties":{"v":{"x-kubernetes-int-or-string":true,"x-kubernetes-validations":[{"rule":"self.startsWith('a')"}]}}}""";

        Assert.Equal("spec.v: Invalid value: \"\": 'no such overload': call arguments did not match a supported operator, function or macro signature for rule: self.startsWith('a')",
            Single(AdmitSpec(schema, """{"v":3}""")).ToString());
    }

    [Fact]
    public void Blocking_schema_errors_skip_rules_with_the_servers_notice()
    {
        const string schema = """
            {"type":"object","required":["name"],"properties":{"name":{"type":"string"}},"x-kubernetes-validations":[{"rule":"self.name != ''"}]}
            """;

        Assert.Equal(["spec.name: Required value", "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation"],
            Messages(AdmitSpec(schema, "{}")));
    }

    [Fact]
    public void Non_blocking_schema_errors_do_not_stop_rules()
    {
        const string schema = """
            {"type":"object","properties":{"name":{"type":"string","pattern":"^[a-z]+$"}},"x-kubernetes-validations":[{"rule":"self.name.size() > 3","message":"short"}]}
            """;

        Assert.Equal(2, AdmitSpec(schema, """{"name":"A"}""").Errors.Count);
    }

    [Fact]
    public void Transition_rules_on_list_map_items_correlate_by_key()
    {
        const string schema = """
            {"type":"object","properties":{"ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
              "items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"port":{"type":"integer"}},
                "x-kubernetes-validations":[{"rule":"self.port == oldSelf.port","message":"port is immutable"}]}}}}
            """;

        Assert.Empty(AdmitSpec(schema, """{"ports":[{"name":"b","port":2},{"name":"a","port":1}]}""", oldSpec: """{"ports":[{"name":"a","port":1},{"name":"b","port":2}]}""").Errors);
        Assert.Equal("spec.ports[0]: Invalid value: \"object\": port is immutable",
            Single(AdmitSpec(schema, """{"ports":[{"name":"a","port":9},{"name":"c","port":3}]}""", oldSpec: """{"ports":[{"name":"a","port":1}]}""")).ToString());
    }

    [Fact]
    public void Optional_old_self_runs_on_create_with_no_value()
    {
        const string schema = """
            {"type":"object","properties":{"mode":{"type":"string","x-kubernetes-validations":[
              {"rule":"oldSelf.hasValue() ? oldSelf.value() == self : self == 'initial'","optionalOldSelf":true,"message":"starts as initial and never changes"}]}}}
            """;

        Assert.Empty(AdmitSpec(schema, """{"mode":"initial"}""").Errors);
        Assert.Single(AdmitSpec(schema, """{"mode":"other"}""").Errors);
        Assert.Empty(AdmitSpec(schema, """{"mode":"other"}""", oldSpec: """{"mode":"other"}""").Errors);
        Assert.Single(AdmitSpec(schema, """{"mode":"x"}""", oldSpec: """{"mode":"other"}""").Errors);
        Assert.Empty(AdmitSpec("""{"type":"object","properties":{"n":{"type":"integer","x-kubernetes-validations":[{"rule":"self >= oldSelf.orValue(0)","optionalOldSelf":true}]}}}""", """{"n":1}""").Errors);
    }

    [Fact]
    public void Unchanged_values_ratchet_rule_errors_into_warnings_on_update()
    {
        const string schema = """{"type":"object","properties":{"name":{"type":"string","x-kubernetes-validations":[{"rule":"self.size() <= 3","message":"too long"}]},"other":{"type":"string"}}}""";

        var result = AdmitSpec(schema, """{"name":"toolong","other":"b"}""", oldSpec: """{"name":"toolong","other":"a"}""");

        Assert.Empty(result.Errors);
        Assert.Equal(["spec.name: Invalid value: \"string\": too long"], result.Warnings);
        Assert.Single(AdmitSpec(schema, """{"name":"toolong2"}""", oldSpec: """{"name":"toolong"}""").Errors);
    }

    [Fact]
    public void Unchanged_values_ratchet_schema_errors_on_update()
    {
        const string schema = """{"type":"object","properties":{"name":{"type":"string","maxLength":3},"other":{"type":"string"}}}""";

        Assert.Empty(AdmitSpec(schema, """{"name":"toolong","other":"b"}""", oldSpec: """{"name":"toolong","other":"a"}""").Errors);
        Assert.Single(AdmitSpec(schema, """{"name":"toolong2"}""", oldSpec: """{"name":"toolong"}""").Errors);
    }

    [Fact]
    public void Date_time_strings_are_timestamps()
    {
        const string schema = """
            {"type":"object","properties":{"start":{"type":"string","format":"date-time"},"end":{"type":"string","format":"date-time"}},
             "x-kubernetes-validations":[{"rule":"self.start < self.end","message":"start must be before end"},{"rule":"self.end - self.start <= duration('24h')","message":"at most a day"}]}
            """;

        Assert.Empty(AdmitSpec(schema, """{"start":"2024-01-01T00:00:00Z","end":"2024-01-01T12:00:00Z"}""").Errors);
        Assert.Equal(["spec: Invalid value: \"object\": start must be before end"], Messages(AdmitSpec(schema, """{"start":"2024-01-02T00:00:00Z","end":"2024-01-01T12:00:00Z"}""")));
        Assert.Equal(["spec: Invalid value: \"object\": at most a day"], Messages(AdmitSpec(schema, """{"start":"2024-01-01T00:00:00Z","end":"2024-01-03T00:00:00Z"}""")));
    }

    [Fact]
    public void Rule_compile_errors_surface_at_admission_as_the_server_does()
    {
        var error = Single(AdmitSpec("""{"type":"object","properties":{"a":{"type":"string"}},"x-kubernetes-validations":[{"rule":"self.b == 1"}]}""", """{"a":"x"}"""));

        Assert.Equal("spec", error.Field);
        Assert.StartsWith("Invalid value: \"object\": rule compile error: compilation failed: ERROR: <input>:1:5: undefined field 'b'", error.Message);
    }

    [Fact]
    public void Schema_compiles_rules_once_and_is_reusable_across_threads()
    {
        var schema = Spec(ImmutableModel);
        var admission = new CustomResourceAdmission(schema);

        Parallel.For(0, 64, i =>
        {
            var result = admission.Admit(Widget($$"""{"modelName":"m{{i % 2}}"}"""), Widget("""{"modelName":"m0"}"""), FieldValidationMode.Warn);
            Assert.Equal(i % 2 == 0 ? 0 : 1, result.Errors.Count);
        });
        Assert.Equal(1, schema.ValidationRuleCount);
    }
}
