using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using k8s;
using k8s.Models;
using Keel.Model.Merging;

namespace Keel.Benchmarks.Merging;

/// <summary>
/// Generated typed merge of a realistic decode Deployment against a JsonNode merge of the same inputs with
/// the same rules. Run: dotnet run -c Release --project tests/Keel.Benchmarks -- --filter '*DeploymentMerge*' --job short
/// </summary>
[MemoryDiagnoser]
public class DeploymentMergeBenchmark
{
    private V1Deployment preset = null!;
    private V1Deployment overlay = null!;
    private JsonNode presetJson = null!;
    private JsonNode overlayJson = null!;

    [GlobalSetup]
    public void Setup()
    {
        preset = DecodeDeployment.Preset();
        overlay = DecodeDeployment.Overlay();
        presetJson = JsonNode.Parse(KubernetesJson.Serialize(preset))!;
        overlayJson = JsonNode.Parse(KubernetesJson.Serialize(overlay))!;

        // Both merges must agree, or the comparison means nothing.
        var typed = JsonNode.Parse(KubernetesJson.Serialize(Generated()));
        if (!JsonNode.DeepEquals(typed, JsonNodeOnTrees()))
        {
            throw new InvalidOperationException("the JsonNode baseline and the generated merge disagree");
        }
    }

    [Benchmark(Baseline = true, Description = "JsonNode merge (parsed trees)")]
    public JsonNode? JsonNodeOnTrees() => JsonNodeMerge.Merge(presetJson, overlayJson, typeof(V1Deployment));

    [Benchmark(Description = "JsonNode merge (typed in, typed out)")]
    public V1Deployment JsonNodeRoundTrip()
    {
        var merged = JsonNodeMerge.Merge(JsonNode.Parse(KubernetesJson.Serialize(preset)), JsonNode.Parse(KubernetesJson.Serialize(overlay)), typeof(V1Deployment));
        return KubernetesJson.Deserialize<V1Deployment>(merged!.ToJsonString());
    }

    [Benchmark(Description = "Generated merge")]
    public V1Deployment Generated() => ObjectMerger.Merge(preset, overlay)!;

    [Benchmark(Description = "Generated merge, traced")]
    public V1Deployment GeneratedTraced() => ObjectMerger.Merge(preset, overlay, new MergeTrace())!;
}
