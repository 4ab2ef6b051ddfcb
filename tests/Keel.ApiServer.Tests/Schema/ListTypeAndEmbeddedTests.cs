using static Keel.ApiServer.Tests.Schema.SchemaKit;

namespace Keel.ApiServer.Tests.Schema;

public sealed class ListTypeAndEmbeddedTests
{
    private const string Ports = """
        {"type":"object","properties":{"ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
          "items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"port":{"type":"integer"}}}}}}
        """;

    [Fact]
    public void List_map_duplicate_key_is_FieldValueDuplicate_on_the_repeating_item()
    {
        var error = Single(AdmitSpec(Ports, """{"ports":[{"name":"http","port":80},{"name":"grpc","port":90},{"name":"http","port":81}]}"""));

        Assert.Equal("spec.ports[2]", error.Field);
        Assert.Equal("FieldValueDuplicate", error.Reason);
        Assert.Equal("Duplicate value: map[string]interface {}{\"name\":\"http\"}", error.Message);
    }

    [Fact]
    public void List_map_with_two_keys_prints_both()
    {
        const string schema = """
            {"type":"object","properties":{"ports":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["port","protocol"],
              "items":{"type":"object","required":["port"],"properties":{"port":{"type":"integer"},"protocol":{"type":"string","default":"TCP"}}}}}}
            """;

        var error = Single(AdmitSpec(schema, """{"ports":[{"port":80},{"port":80,"protocol":"TCP"},{"port":80,"protocol":"UDP"}]}"""));

        Assert.Equal("spec.ports[1]: Duplicate value: map[string]interface {}{\"port\":80, \"protocol\":\"TCP\"}", error.ToString());
    }

    [Fact]
    public void List_set_duplicates_are_reported_once_per_value()
    {
        const string schema = """{"type":"object","properties":{"tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}}}""";

        var messages = Messages(AdmitSpec(schema, """{"tags":["a","b","a","a","b"]}"""));

        Assert.Equal(["spec.tags[2]: Duplicate value: \"a\"", "spec.tags[4]: Duplicate value: \"b\""], messages);
    }

    [Fact]
    public void Atomic_lists_allow_duplicates()
    {
        Assert.Empty(AdmitSpec("""{"type":"object","properties":{"tags":{"type":"array","items":{"type":"string"}}}}""", """{"tags":["a","a"]}""").Errors);
    }

    [Fact]
    public void List_type_violations_already_stored_do_not_block_updates()
    {
        const string schema = """{"type":"object","properties":{"tags":{"type":"array","x-kubernetes-list-type":"set","items":{"type":"string"}}}}""";

        Assert.Empty(AdmitSpec(schema, """{"tags":["a","a","b"]}""", oldSpec: """{"tags":["a","a"]}""").Errors);
        Assert.Single(AdmitSpec(schema, """{"tags":["a","a"]}""", oldSpec: """{"tags":["a"]}""").Errors);
    }

    [Fact]
    public void Duplicates_inside_nested_map_lists_are_found_with_full_paths()
    {
        const string schema = """
            {"type":"object","properties":{"containers":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
              "items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},
                "env":{"type":"array","x-kubernetes-list-type":"map","x-kubernetes-list-map-keys":["name"],
                  "items":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}}}}}}}}
            """;

        var error = Single(AdmitSpec(schema, """{"containers":[{"name":"a","env":[{"name":"X"},{"name":"X"}]}]}"""));

        Assert.Equal("spec.containers[0].env[1]", error.Field);
    }

    private const string Embedded = """
        {"type":"object","properties":{"template":{"type":"object","x-kubernetes-embedded-resource":true,"x-kubernetes-preserve-unknown-fields":true}}}
        """;

    [Fact]
    public void Embedded_resource_requires_apiVersion_and_kind()
    {
        var messages = Messages(AdmitSpec(Embedded, """{"template":{"metadata":{"name":"x"}}}"""));

        Assert.Equal(["spec.template.apiVersion: Required value", "spec.template.kind: Required value"], messages);
    }

    [Fact]
    public void Embedded_resource_kind_must_be_a_dns_label_ignoring_case()
    {
        var error = Single(AdmitSpec(Embedded, """{"template":{"apiVersion":"v1","kind":"Config_Map"}}"""));

        Assert.Equal("spec.template.kind", error.Field);
        Assert.StartsWith("Invalid value: \"Config_Map\": may have mixed case, but should otherwise match: a DNS-1035 label must consist of", error.Message);
    }

    [Fact]
    public void Embedded_resource_apiVersion_must_parse()
    {
        var error = Single(AdmitSpec(Embedded, """{"template":{"apiVersion":"a/b/c","kind":"Pod"}}"""));

        Assert.Equal("spec.template.apiVersion: Invalid value: \"a/b/c\": unexpected GroupVersion string: a/b/c", error.ToString());
    }

    [Fact]
    public void Embedded_metadata_is_validated_loosely_as_object_meta()
    {
        var messages = Messages(AdmitSpec(Embedded, """{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"name":"a/b","labels":{"bad key!":"v"}}}}"""));

        Assert.Equal("spec.template.metadata.name: Invalid value: \"a/b\": may not contain '/'", messages[0]);
        Assert.StartsWith("spec.template.metadata.labels: Invalid value: \"bad key!\": name part must consist of alphanumeric characters", messages[1]);
    }

    [Fact]
    public void Embedded_metadata_that_does_not_decode_is_invalid_like_go_json()
    {
        var error = Single(AdmitSpec(Embedded, """{"template":{"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"a":1}}}}"""));

        Assert.Equal("spec.template.metadata", error.Field);
        Assert.EndsWith("json: cannot unmarshal number into Go struct field ObjectMeta.labels of type string", error.Message);
    }

    [Fact]
    public void Embedded_resource_without_name_is_fine()
    {
        Assert.Empty(AdmitSpec(Embedded, """{"template":{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"labels":{"app":"x"}}}}""").Errors);
    }
}
