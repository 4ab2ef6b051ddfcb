using k8s.Models;
using Keel.Model.Api;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary>Two ModelServices claim one model name in a namespace: the older keeps it, the newer is not served (spec 6).</summary>
public sealed class ModelNameConflictTests
{
    private static string SingleNode(string name) =>
        Repository.Read("samples", "single-node-hf", "modelservice.yaml").Replace("name: opt-125m", $"name: {name}", StringComparison.Ordinal);

    [Fact]
    public async Task The_newer_claimant_gets_ModelNameConflict_and_no_children_until_the_older_is_deleted()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateNamespaceAsync("other");
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml", "other");
        await cluster.CreateAsync(SingleNode("first"));
        await using var op = RunningOperator.Start(cluster);
        await cluster.WaitForReadyAsync("first");

        await cluster.CreateAsync(SingleNode("second"));
        await cluster.CreateAsync(SingleNode("elsewhere"), "other"); // same name, another namespace: no conflict
        var second = await cluster.WaitForConditionAsync("second", ModelServiceConditions.ModelNameConflict, "True");
        var conflict = second!.Status!.Conditions!.Single(c => c.Type == ModelServiceConditions.ModelNameConflict);
        Assert.Contains("ModelService first", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(("False", "ModelNameConflict"), (second.Status.Conditions!.Single(c => c.Type == "Ready").Status, second.Status.Conditions!.Single(c => c.Type == "Ready").Reason));
        Assert.Null(second.Status.DecodeDeploymentRef);
        Assert.Null(await cluster.GetAsync<V1Deployment>("second-decode"));
        Assert.Null(await cluster.GetAsync<V1ServiceAccount>("second-sa"));
        await cluster.WaitForEventAsync("second", "ModelNameConflict");
        await cluster.WaitForReadyAsync("elsewhere", "other");
        Assert.Equal("True", (await cluster.ModelServiceAsync("first"))!.Status!.Conditions!.Single(c => c.Type == "Ready").Status);

        await cluster.DeleteAsync<ModelService>("first");
        second = await cluster.WaitForReadyAsync("second");
        Assert.DoesNotContain(second!.Status!.Conditions!, c => c.Type == ModelServiceConditions.ModelNameConflict);
        Assert.NotNull(await cluster.GetAsync<V1Deployment>("second-decode"));
    }
}
