using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;
using Keel.Model.Topology;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>The apply engine on the built-in schemas the model publishes (what the local server uses for Deployments).</summary>
public sealed class BuiltinSchemaTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static MergeTopology Topology(string apiVersion, string kind)
    {
        var schema = SchemaCatalog.Find(apiVersion, kind);
        Assert.NotNull(schema);
        return MergeTopology.FromSchema((JsonObject)JsonNode.Parse(schema.OpenApiV3SchemaJson)!);
    }

    private static JsonObject Deployment(string image, string ports) => Json.Obj($$"""
        {
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": { "name": "decode", "namespace": "ai", "labels": { "app": "decode" } },
          "spec": {
            "replicas": 2,
            "selector": { "matchLabels": { "app": "decode" } },
            "strategy": { "rollingUpdate": { "maxSurge": "25%" } },
            "template": {
              "metadata": { "labels": { "app": "decode" } },
              "spec": {
                "containers": [{
                  "name": "vllm", "image": "{{image}}", "args": ["--port", "8000"],
                  "ports": {{ports}},
                  "env": [{ "name": "HF_HOME", "value": "/cache" }],
                  "resources": { "limits": { "nvidia.com/gpu": 1 } }
                }]
              }
            }
          }
        }
        """);

    [Fact]
    public void Every_catalog_kind_yields_a_topology()
    {
        Assert.NotEmpty(SchemaCatalog.All);
        foreach (var kind in SchemaCatalog.All)
        {
            var topology = MergeTopology.FromSchema((JsonObject)JsonNode.Parse(kind.OpenApiV3SchemaJson)!);
            var applied = Json.Obj($$"""{"apiVersion":"{{kind.ApiVersion}}","kind":"{{kind.Kind}}","metadata":{"name":"x","labels":{"a":"b"} } }""");
            var result = new FieldManager(topology).Apply(null, applied, "keel", false, null, Now).Result!;
            Assert.Equal("""{"f:metadata":{"f:labels":{"f:a":{}}}}""", Json.Text(Json.FieldsOf(result, "keel")));
        }
    }

    [Fact]
    public void The_real_deployment_schema_keys_containers_ports_and_env_and_keeps_args_atomic()
    {
        var manager = new FieldManager(Topology("apps/v1", "Deployment"));

        var result = manager.Apply(null, Deployment("vllm:0.9", """[{"containerPort":8000,"name":"http"}]"""), "keel", false, null, Now).Result!;

        Assert.Equal(
            """{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:strategy":{"f:rollingUpdate":{"f:maxSurge":{}}},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"vllm\"}":{".":{},"f:args":{},"f:env":{"k:{\"name\":\"HF_HOME\"}":{".":{},"f:name":{},"f:value":{}}},"f:image":{},"f:name":{},"f:ports":{"k:{\"containerPort\":8000,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:name":{}}},"f:resources":{"f:limits":{"f:nvidia.com/gpu":{}}}}}}}}}""",
            Json.Text(Json.FieldsOf(result, "keel")));
    }

    [Fact]
    public void On_the_real_schema_an_explicit_tcp_port_is_the_same_item_as_a_defaulted_one()
    {
        var manager = new FieldManager(Topology("apps/v1", "Deployment"));
        var live = manager.Apply(null, Deployment("vllm:0.9", """[{"containerPort":8000}]"""), "keel", false, null, Now).Result!;

        var result = manager.Apply(live, Deployment("vllm:0.9", """[{"containerPort":8000,"protocol":"TCP"},{"containerPort":8000,"protocol":"UDP"}]"""), "keel", false, null, Now).Result!;

        Json.Equal("""[{"containerPort":8000,"protocol":"TCP"},{"containerPort":8000,"protocol":"UDP"}]""", result["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]);
    }

    [Fact]
    public void On_the_real_schema_an_hpa_keeps_replicas_and_the_operator_updates_the_image()
    {
        var manager = new FieldManager(Topology("apps/v1", "Deployment"));
        var live = manager.Apply(null, Deployment("vllm:0.9", "[]"), "keel", false, null, Now).Result!;
        var scaled = (JsonObject)live.DeepClone();
        scaled["spec"]!["replicas"] = 5;
        live = manager.Update(live, scaled, "hpa", "scale", Now);

        var applied = Deployment("vllm:1.0", "[]");
        ((JsonObject)applied["spec"]!).Remove("replicas");
        var result = manager.Apply(live, applied, "keel", false, null, Now).Result!;

        Assert.Equal(5, (int?)result["spec"]!["replicas"]);
        Assert.Equal("vllm:1.0", (string?)result["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", Json.Text(Json.FieldsOf(result, "hpa", "Update", "scale")));
    }

    [Fact]
    public void Strategic_merge_patch_on_the_real_schema_merges_containers_by_name()
    {
        var topology = Topology("apps/v1", "Deployment");
        var live = Deployment("vllm:0.9", """[{"containerPort":8000}]""");

        var patched = Patches.StrategicMerge(live, Json.Obj("""{"spec":{"template":{"spec":{"containers":[{"name":"vllm","image":"vllm:1.0"},{"name":"sidecar","image":"s:1"}]}}}}"""), topology);

        var containers = (JsonArray)patched["spec"]!["template"]!["spec"]!["containers"]!;
        Assert.Equal(["vllm", "sidecar"], containers.Select(c => (string?)c!["name"]));
        Assert.Equal("""["--port","8000"]""", Json.Text(containers[0]!["args"]));
        Assert.Equal("vllm:1.0", (string?)containers[0]!["image"]);
    }
}
