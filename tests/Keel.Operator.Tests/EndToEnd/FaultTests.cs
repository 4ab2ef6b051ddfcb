using k8s.Models;
using Keel.ApiServer.Faults;
using Keel.Model.Api;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary>Dropped watches, 410 Gone, conflicts and server errors: the operator converges and loses nothing.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task Conflicts_server_errors_dropped_watches_and_gone_watches_end_in_convergence_with_nothing_lost()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateSampleAsync("pd-disaggregation", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("pd-disaggregation", "modelservice.yaml");
        await cluster.CreateSampleAsync("single-node-hf", "modelservice.yaml");
        var faults = cluster.Server.Faults;
        var serverErrors = faults.Add(new FaultRule(FaultAction.Status(500)) { Verb = "patch", Resource = "deployments", Times = 3 });
        var conflicts = faults.Add(new FaultRule(FaultAction.Status(409)) { Verb = "patch", Resource = "modelservices", Subresource = "status", Times = 2 });
        var throttled = faults.Add(new FaultRule(FaultAction.Status(429)) { Verb = "patch", Resource = "services", Times = 1 });
        await using var op = RunningOperator.Start(cluster);

        await cluster.WaitForReadyAsync("llama-pd");
        await cluster.WaitForReadyAsync("opt-125m");
        Assert.Equal((3, 2, 1), (serverErrors.Hits, conflicts.Hits, throttled.Hits));
        Assert.True(op.Manager.Metrics.ReconcileErrors.WithLabels("modelservice").Value >= 6);

        // Watches break: every stream is dropped, and the Deployment watch then answers 410 Gone so its informer must
        // re-list. Meanwhile a child is deleted by hand and a ModelService changes.
        await op.SettleAsync();
        var gone = faults.Add(new FaultRule(FaultAction.Status(410)) { Verb = "watch", Resource = "deployments", Times = 1 });
        var deploymentsWatch = faults.Add(new FaultRule(FaultAction.CloseWatchAfter(0)) { Verb = "watch", Resource = "deployments", Times = 3 });
        faults.CloseWatches();
        await cluster.DeleteAsync<V1Deployment>("opt-125m-decode");
        await cluster.MergePatchAsync<ModelService>("llama-pd", new { spec = new { decode = new { replicas = 3 } } });

        await Eventually.MatchesAsync(() => cluster.GetAsync<V1Deployment>("opt-125m-decode"), d => d is not null, "the deleted child is recreated");
        await Eventually.MatchesAsync(() => cluster.GetAsync<V1Deployment>("llama-pd-decode"), d => d!.Spec.Replicas == 3, "the change is applied");
        await Eventually.MatchesAsync(() => cluster.ModelServiceAsync("llama-pd"), m => m!.Status?.DecodeReady == "3/3", "the status catches up");
        await cluster.WaitForReadyAsync("opt-125m");
        Assert.True(gone.Hits == 1 && deploymentsWatch.Hits >= 1, $"faults hit: 410 {gone.Hits}, closed {deploymentsWatch.Hits}");
        var informer = op.Manager.Cache.Informers.Single(i => i.ObjectType == typeof(V1Deployment));
        Assert.True(informer.Stats.Lists >= 2, "the Deployment informer re-listed after 410 Gone");

        // Nothing is left to do: a resync writes nothing.
        await op.SettleAsync();
        var mark = cluster.Server.Requests.Mark();
        var before = op.Completed;
        op.Manager.Cache.GetInformer<ModelService>().Resync();
        await Eventually.TrueAsync(() => op.Completed >= before + 2, "the resync");
        await op.SettleAsync();
        Assert.Empty(cluster.Server.Requests.WritesSince(mark));
    }
}
