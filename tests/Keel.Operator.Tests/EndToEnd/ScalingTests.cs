using k8s;
using k8s.Models;
using Keel.Model.Api;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary>decoupleScaling (spec 5.6): the operator sets replicas at creation and then leaves them to the autoscaler.</summary>
public sealed class ScalingTests
{
    private static string SingleNode(string name, bool decouple) =>
        Repository.Read("samples", "single-node-hf", "modelservice.yaml")
            .Replace("name: opt-125m", $"name: {name}", StringComparison.Ordinal)
            .Replace("modelName: facebook/opt-125m", $"modelName: org/{name}", StringComparison.Ordinal)
            .Replace("  decode:\n    replicas: 1", $"  decoupleScaling: {(decouple ? "true" : "false")}\n  decode:\n    replicas: 2", StringComparison.Ordinal);

    private static bool Owns(V1Deployment d, string manager) =>
        d.Metadata.ManagedFields.Any(m => m.Manager == manager && KubernetesJson.Serialize(m.FieldsV1).Contains("\"f:replicas\"", StringComparison.Ordinal)
            && string.IsNullOrEmpty(m.Subresource));

    [Fact]
    public async Task With_decoupleScaling_a_replicas_change_by_another_field_manager_survives_reconciles_and_without_it_is_reverted()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml");
        await cluster.CreateAsync(SingleNode("scaled", decouple: true));
        await cluster.CreateAsync(SingleNode("owned", decouple: false));
        await using var op = RunningOperator.Start(cluster);
        await cluster.WaitForReadyAsync("scaled");
        await cluster.WaitForReadyAsync("owned");

        // Created with the rendered replicas; the operator's own manager does not keep them.
        var scaled = await Eventually.MatchesAsync(() => cluster.GetAsync<V1Deployment>("scaled-decode"),
            d => !Owns(d!, "modelservice-operator"), "the operator hands replicas over");
        Assert.Equal(2, scaled!.Spec.Replicas);
        Assert.True(Owns(scaled, "modelservice-operator-initial-replicas"));
        Assert.True(Owns((await cluster.GetAsync<V1Deployment>("owned-decode"))!, "modelservice-operator"));

        // An autoscaler scales both through the scale subresource.
        foreach (var name in new[] { "scaled-decode", "owned-decode" })
        {
            await cluster.Client.AppsV1.PatchNamespacedDeploymentScaleAsync(
                new V1Patch("{\"spec\":{\"replicas\":5}}", V1Patch.PatchType.MergePatch), name, "default", fieldManager: "horizontal-pod-autoscaler");
        }

        // Reconciles happen (a spec change of each ModelService, then a resync).
        foreach (var name in new[] { "scaled", "owned" })
        {
            await cluster.MergePatchAsync<ModelService>(name, new { metadata = new { labels = new Dictionary<string, string> { ["touched"] = "yes" } }, spec = new { modelArtifacts = new { size = "6Gi" } } });
        }

        await Eventually.MatchesAsync(() => cluster.GetAsync<V1Deployment>("owned-decode"), d => d!.Spec.Replicas == 2, "the owned replicas are restored");
        await Eventually.MatchesAsync(() => cluster.GetAsync<V1Deployment>("scaled-decode"),
            d => d!.Spec.Template.Spec.Volumes.Any(v => v.EmptyDir?.SizeLimit?.ToString() == "6Gi"), "the decoupled Deployment is reconciled");
        var before = op.Completed;
        op.Manager.Cache.GetInformer<ModelService>().Resync();
        await Eventually.TrueAsync(() => op.Completed >= before + 2, "a resync");
        await op.SettleAsync();

        Assert.Equal(5, (await cluster.GetAsync<V1Deployment>("scaled-decode"))!.Spec.Replicas);
        var status = await Eventually.MatchesAsync(() => cluster.ModelServiceAsync("scaled"), m => m!.Status?.DecodeReady == "5/5", "the status reports the autoscaler's replicas");
        Assert.Equal(5, status!.Status!.DecodeAvailable);
    }
}
