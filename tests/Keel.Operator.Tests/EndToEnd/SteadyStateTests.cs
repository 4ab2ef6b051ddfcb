using Keel.Model.Api;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary>Once converged, reconciling again changes nothing and sends nothing (spec 6, fix).</summary>
public sealed class SteadyStateTests
{
    [Fact]
    public async Task A_resync_of_every_sample_sends_zero_writes_to_the_api_server()
    {
        await using var cluster = await TestCluster.StartAsync();
        foreach (var sample in new[] { "pd-disaggregation", "single-node-hf", "pvc-tensor-parallel" })
        {
            await cluster.CreateSampleAsync(sample, "preset-baseconfig.yaml");
        }

        await cluster.CreateSampleAsync("oci-legacy-preset", "preset-configmap.yaml");
        foreach (var sample in new[] { "pd-disaggregation", "single-node-hf", "pvc-tensor-parallel", "oci-legacy-preset" })
        {
            await cluster.CreateSampleAsync(sample, "modelservice.yaml");
        }

        await using var op = RunningOperator.Start(cluster);
        foreach (var name in new[] { "llama-pd", "opt-125m", "llama-70b", "granite-oci" })
        {
            await cluster.WaitForReadyAsync(name);
        }

        await op.SettleAsync();
        var mark = cluster.Server.Requests.Mark();
        var before = op.Completed;
        op.Manager.Cache.GetInformer<ModelService>().Resync();
        await Eventually.TrueAsync(() => op.Completed >= before + 4, "every ModelService reconciled again");
        await op.SettleAsync();

        var writes = cluster.Server.Requests.WritesSince(mark);
        Assert.True(writes.Count == 0, "writes after a resync: " + string.Join("; ", writes.Select(w => $"{w.Verb} {w.Resource}/{w.Subresource} {w.Name} by {w.User}")));
        Assert.True(op.Manager.Metrics.ApplyTotal.WithLabels("deployments.apps", "skipped").Value >= 4);
    }
}
