using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;
using Keel.ApiServer.Apply.Fields;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>The fieldsV1 wire format must be byte-identical to a real API server's.</summary>
public sealed class FieldsV1EncodingTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Apply_entry_encodes_fields_keys_items_and_self_markers_like_the_api_server()
    {
        var manager = new FieldManager(TestSchemas.Deployment);
        var applied = Json.Obj("""
        {
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": { "name": "web", "namespace": "ns", "labels": { "app": "web" } },
          "spec": {
            "replicas": 2,
            "selector": { "matchLabels": { "app": "web" } },
            "template": {
              "metadata": { "labels": { "app": "web" } },
              "spec": {
                "containers": [{
                  "name": "vllm", "image": "vllm:1",
                  "ports": [{ "containerPort": 8000 }],
                  "env": [{ "name": "A", "value": "1" }]
                }]
              }
            }
          }
        }
        """);

        var result = manager.Apply(null, applied, "keel", force: false, subresource: null, Now).Result!;

        Assert.Equal(
            """{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"vllm\"}":{".":{},"f:env":{"k:{\"name\":\"A\"}":{".":{},"f:name":{},"f:value":{}}},"f:image":{},"f:name":{},"f:ports":{"k:{\"containerPort\":8000,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}}""",
            Json.Text(Json.FieldsOf(result, "keel")));
    }

    [Fact]
    public void Entry_carries_manager_operation_api_version_time_and_fields_type_in_server_order()
    {
        var manager = new FieldManager(TestSchemas.Deployment);
        var applied = Json.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":1}}""");

        var result = manager.Apply(null, applied, "keel", false, null, new DateTimeOffset(2025, 5, 1, 12, 0, 0, 750, TimeSpan.FromHours(2))).Result!;

        Assert.Equal(
            """[{"manager":"keel","operation":"Apply","apiVersion":"apps/v1","time":"2025-05-01T10:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}}}]""",
            Json.Text(Json.ManagedFields(result)));
    }

    [Fact]
    public void Set_items_are_encoded_by_value_and_compound_keys_sorted_by_field_name()
    {
        var manager = new FieldManager(TestSchemas.Widget);
        var applied = Json.Obj("""
        {"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","finalizers":["example.com/cleanup"]},
         "spec":{"tags":["b","a"],"ports":[80]}}
        """);

        var fields = Json.FieldsOf(manager.Apply(null, applied, "keel", false, null, Now).Result!, "keel")!;

        Assert.Equal(
            """{"f:metadata":{"f:finalizers":{"v:\"example.com/cleanup\"":{}}},"f:spec":{"f:ports":{"v:80":{}},"f:tags":{"v:\"a\"":{},"v:\"b\"":{}}}}""",
            Json.Text(fields));
        Assert.Equal("k:{\"containerPort\":80,\"protocol\":\"TCP\"}",
            PathElement.Keyed([new KeyField("protocol", "TCP"), new KeyField("containerPort", 80)]).Serialize());
    }

    [Fact]
    public void Update_of_a_new_map_marks_the_map_itself_with_a_dot()
    {
        var manager = new FieldManager(TestSchemas.Widget);
        var created = Json.Obj("""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w","labels":{"a":"1"}},"spec":{"size":1}}""");

        var result = manager.Update(null, created, "kubectl-create", null, Now);

        Assert.Equal("""{"f:metadata":{"f:labels":{".":{},"f:a":{}}},"f:spec":{".":{},"f:size":{}}}""",
            Json.Text(Json.FieldsOf(result, "kubectl-create", "Update")));
    }

    [Theory]
    [InlineData("f:spec", ".spec")]
    [InlineData("k:{\"name\":\"vllm\"}", "[name=\"vllm\"]")]
    [InlineData("k:{\"containerPort\":8000,\"protocol\":\"TCP\"}", "[containerPort=8000,protocol=\"TCP\"]")]
    [InlineData("v:\"a\"", "[=\"a\"]")]
    [InlineData("v:80", "[=80]")]
    [InlineData("i:3", "[3]")]
    public void Path_elements_parse_serialize_and_print_like_the_server(string serialized, string printed)
    {
        var element = PathElement.Parse(serialized);

        Assert.Equal(serialized, element.Serialize());
        Assert.Equal(printed, element.ToString());
    }

    [Fact]
    public void Key_values_are_escaped_the_way_go_escapes_json()
    {
        var element = PathElement.Keyed([new KeyField("name", "<a&b>\"")]);

        Assert.Equal("k:{\"name\":\"\\u003ca\\u0026b\\u003e\\\"\"}", element.Serialize());
        Assert.Equal(element, PathElement.Parse(element.Serialize()));
    }

    [Fact]
    public void Decoding_then_encoding_preserves_a_server_written_field_set()
    {
        const string written = """{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"a\"}":{".":{},"f:image":{},"f:name":{}},"k:{\"name\":\"b\"}":{".":{},"f:name":{}}}}}}}""";

        var set = FieldsV1.Decode(JsonNode.Parse(written));

        Assert.Equal(written, Json.Text(FieldsV1.Encode(set)));
        Assert.True(set.Has(new FieldPath([PathElement.Field("metadata"), PathElement.Field("labels")])));
        Assert.False(set.Has(FieldPath.Of("spec")));
    }

    [Theory]
    [InlineData("""{"x:spec":{}}""")]
    [InlineData("""{"f:spec":1}""")]
    [InlineData("""{"k:[1]":{}}""")]
    [InlineData("[]")]
    public void Malformed_fields_are_rejected(string fields) =>
        Assert.Throws<FormatException>(() => FieldsV1.Decode(JsonNode.Parse(fields)));
}
