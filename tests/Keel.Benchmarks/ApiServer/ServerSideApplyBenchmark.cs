using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Keel.ApiServer.Apply;
using Keel.Model.Topology;

namespace Keel.Benchmarks.ApiServer;

/// <summary>
/// The local API server's field manager on a realistic decode Deployment with the real apps/v1 schema: what every
/// operator reconcile costs the server. Run:
/// dotnet run -c Release --project tests/Keel.Benchmarks -- --filter '*ServerSideApply*' --job short
/// </summary>
[MemoryDiagnoser]
public class ServerSideApplyBenchmark
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private FieldManager manager = null!;
    private JsonObject live = null!;
    private JsonObject sameConfiguration = null!;
    private JsonObject newImage = null!;
    private JsonObject edited = null!;

    [GlobalSetup]
    public void Setup()
    {
        var schema = SchemaCatalog.Find("apps/v1", "Deployment") ?? throw new InvalidOperationException("no apps/v1 Deployment schema");
        manager = new FieldManager(MergeTopology.FromSchema((JsonObject)JsonNode.Parse(schema.OpenApiV3SchemaJson)!));
        sameConfiguration = Deployment("vllm/vllm-openai:v0.11.2", replicas: 2);
        newImage = Deployment("vllm/vllm-openai:v0.11.3", replicas: 2);
        edited = Deployment("vllm/vllm-openai:v0.11.2", replicas: 3);
        live = manager.Apply(null, sameConfiguration, "modelservice-operator", force: false, subresource: null, Now).Result
            ?? throw new InvalidOperationException("the first apply produced nothing");
        edited["metadata"] = live["metadata"]!.DeepClone();

        // A re-apply of the same configuration must be a no-op the server can detect, or the numbers mean nothing.
        if (!FieldManager.SemanticallyEqual(live, ReapplyUnchanged()))
        {
            throw new InvalidOperationException("re-applying the same configuration changed the object");
        }
    }

    [Benchmark(Baseline = true, Description = "apply: unchanged configuration (no-op)")]
    public JsonObject? ReapplyUnchanged() => manager.Apply(live, sameConfiguration, "modelservice-operator", force: false, subresource: null, Now).Result;

    [Benchmark(Description = "apply: new image")]
    public JsonObject? ApplyNewImage() => manager.Apply(live, newImage, "modelservice-operator", force: false, subresource: null, Now).Result;

    [Benchmark(Description = "update: another manager edits replicas")]
    public JsonObject UpdateByAnotherManager() => manager.Update(live, edited, "kubectl-edit", subresource: null, Now);

    private static JsonObject Deployment(string image, int replicas) => (JsonObject)JsonNode.Parse($$"""
        {
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": { "name": "llama-decode", "namespace": "ai", "labels": { "app": "llama", "llm-d.ai/role": "decode" } },
          "spec": {
            "replicas": {{replicas}},
            "selector": { "matchLabels": { "app": "llama", "llm-d.ai/role": "decode" } },
            "template": {
              "metadata": { "labels": { "app": "llama", "llm-d.ai/role": "decode" } },
              "spec": {
                "serviceAccountName": "llama-sa",
                "containers": [
                  {
                    "name": "vllm", "image": "{{image}}",
                    "args": ["--port", "8000", "--max-model-len", "2048"],
                    "ports": [{ "name": "http", "containerPort": 8000, "protocol": "TCP" }],
                    "env": [{ "name": "HF_HOME", "value": "/cache" }, { "name": "VLLM_LOGGING_LEVEL", "value": "INFO" }],
                    "resources": { "limits": { "nvidia.com/gpu": "1" }, "requests": { "cpu": "4", "memory": "16Gi", "nvidia.com/gpu": "1" } },
                    "volumeMounts": [{ "name": "model-cache", "mountPath": "/cache" }],
                    "readinessProbe": { "httpGet": { "path": "/health", "port": 8000 }, "periodSeconds": 5 }
                  },
                  {
                    "name": "routing-proxy", "image": "ghcr.io/llm-d/llm-d-routing-sidecar:v0.2.0",
                    "args": ["--port=8000", "--vllm-port=8200"],
                    "ports": [{ "containerPort": 8000, "protocol": "TCP" }]
                  }
                ],
                "volumes": [{ "name": "model-cache", "emptyDir": {} }]
              }
            }
          }
        }
        """)!;
}
