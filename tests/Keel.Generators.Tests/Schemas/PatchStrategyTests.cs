using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;
using Keel.Generators.Tests.Infrastructure;
using Keel.Model.Topology;

namespace Keel.Generators.Tests.Schemas;

/// <summary>
/// Built-in schemas carry Kubernetes' strategic merge patch strategies (x-kubernetes-patch-strategy/-merge-key), so the
/// local API server patches exactly as Kubernetes does; CRD schemas never carry them (apiextensions has no such field).
/// </summary>
public sealed class PatchStrategyTests
{
    private static JsonNode Kind(string apiVersion, string kind) => JsonNode.Parse(SchemaCatalog.Find(apiVersion, kind)!.OpenApiV3SchemaJson)!;

    private static (string? Strategy, string? Key) Patch(JsonNode node) =>
        (node["x-kubernetes-patch-strategy"]?.GetValue<string>(), node["x-kubernetes-patch-merge-key"]?.GetValue<string>());

    [Fact]
    public void Deployment_schema_carries_the_published_patch_strategies()
    {
        var deployment = Kind("apps/v1", "Deployment");
        var pod = deployment["properties"]!["spec"]!["properties"]!["template"]!["properties"]!["spec"]!["properties"]!;
        var container = pod["containers"]!["items"]!["properties"]!;
        Assert.Equal(("merge", "name"), Patch(pod["containers"]!));
        Assert.Equal(("merge", "name"), Patch(pod["initContainers"]!));
        Assert.Equal(("merge,retainKeys", "name"), Patch(pod["volumes"]!));
        Assert.Equal(("merge", "name"), Patch(container["env"]!));
        Assert.Equal(("merge", "mountPath"), Patch(container["volumeMounts"]!));
        Assert.Equal(("merge", "containerPort"), Patch(container["ports"]!));
        Assert.Equal(("retainKeys", null), Patch(deployment["properties"]!["spec"]!["properties"]!["strategy"]!));
        Assert.Equal(("merge", null), Patch(deployment["properties"]!["metadata"]!["properties"]!["finalizers"]!));
        Assert.Equal(((string?)null, (string?)null), Patch(pod["tolerations"]!));
        Assert.Equal(((string?)null, (string?)null), Patch(container["args"]!));
    }

    [Fact]
    public void Service_ports_merge_by_port()
    {
        var ports = Kind("v1", "Service")["properties"]!["spec"]!["properties"]!["ports"]!;
        Assert.Equal(("merge", "port"), Patch(ports));
    }

    [Fact]
    public void Crd_schemas_carry_no_patch_strategy()
    {
        foreach (var crd in CrdCatalog.All)
        {
            Assert.DoesNotContain("x-kubernetes-patch", crd.Json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Job_conditions_are_an_atomic_list_that_a_strategic_merge_patch_merges_by_type()
    {
        // Server-side apply replaces the atomic list; a strategic merge patch merges by type, as Kubernetes does.
        var topology = MergeTopology.FromSchema(Kind("batch/v1", "Job").AsObject());
        var job = JsonNode.Parse("""
            {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "j"},
             "status": {"conditions": [{"type": "Complete", "status": "False"}, {"type": "Failed", "status": "False"}]}}
            """)!.AsObject();
        var patch = JsonNode.Parse("""{"status": {"conditions": [{"type": "Failed", "status": "True"}]}}""")!.AsObject();

        var patched = Keel.ApiServer.Apply.Patches.StrategicMerge(job, patch, topology);

        var conditions = patched["status"]!["conditions"]!.AsArray();
        Assert.Equal(["Complete:False", "Failed:True"], conditions.Select(c => $"{c!["type"]}:{c["status"]}"));
    }

    [Fact]
    public void A_merge_list_of_objects_needs_a_merge_key_that_its_items_have()
    {
        var result = GeneratorHarness.Run(Generator.Scenarios.Usings + """
            namespace Demo;

            [KubernetesTypeRules, ExternalRoot(typeof(V1Pod))]
            [PatchStrategyRule(typeof(V1PodSpec), nameof(V1PodSpec.Containers), "merge", MergeKey = "nope")]
            [PatchStrategyRule(typeof(V1PodSpec), nameof(V1PodSpec.Volumes), "merge,keepAll", MergeKey = "name")]
            [PatchStrategyRule(typeof(V1PodSpec), nameof(V1PodSpec.NodeName), "retainKeys")]
            internal static class Rules { }
            """);
        var messages = result.GeneratorDiagnostics.Where(d => d.Id == "KEEL040").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(messages, m => m.Contains("V1PodSpec.Containers", StringComparison.Ordinal) && m.Contains("'nope' is not a scalar field", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("V1PodSpec.Volumes", StringComparison.Ordinal) && m.Contains("unknown strategy 'keepAll'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("V1PodSpec.NodeName", StringComparison.Ordinal) && m.Contains("retainKeys applies to an object", StringComparison.Ordinal));
    }
}
