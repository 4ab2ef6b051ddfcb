using k8s.Models;
using Keel.Model.Api;
using Keel.Operator.Tests.Support;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary>A cluster without the Gateway API (Inference Extension) CRDs: the operator neither crashes nor stalls.</summary>
public sealed class OptionalApiTests
{
    [Fact]
    public async Task Missing_routing_crds_are_reported_on_the_modelservices_that_need_them_and_picked_up_when_installed()
    {
        await using var cluster = await TestCluster.StartAsync(upstreamCrds: false);
        await cluster.CreateSampleAsync("pd-disaggregation", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("pd-disaggregation", "modelservice.yaml");
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("single-node-hf", "modelservice.yaml");
        await using var op = RunningOperator.Start(cluster);

        await cluster.WaitForReadyAsync("opt-125m"); // needs no routing kind
        var pd = await cluster.WaitForConditionAsync("llama-pd", ModelServiceConditions.RoutingReady, "False", "ApiNotInstalled");
        var routing = pd!.Status!.Conditions!.Single(c => c.Type == ModelServiceConditions.RoutingReady);
        Assert.Contains("InferencePool (inference.networking.k8s.io/v1)", routing.Message, StringComparison.Ordinal);
        Assert.Contains("HTTPRoute (gateway.networking.k8s.io/v1)", routing.Message, StringComparison.Ordinal);
        Assert.Equal("ApiNotInstalled", pd.Status.Conditions!.Single(c => c.Type == "Ready").Reason);
        Assert.Null(pd.Status.InferencePoolRef);
        Assert.Equal("llama-pd-decode", pd.Status.DecodeDeploymentRef); // the workloads are not held back
        await cluster.WaitForEventAsync("llama-pd", "ApiNotInstalled");
        Assert.True(op.Manager.IsReady);

        await cluster.InstallUpstreamCrdsAsync();
        pd = await cluster.WaitForReadyAsync("llama-pd");
        Assert.Equal(("llama-pd-inference-pool", "llama-pd", "llama-pd-http-route"), (pd!.Status!.InferencePoolRef, pd.Status.InferenceObjectiveRef, pd.Status.HttpRouteRef));
        var pool = await cluster.GetAsync<InferencePool>("llama-pd-inference-pool");
        Assert.Equal(pd.Metadata.Uid, pool!.Metadata!.OwnerReferences.Single().Uid);
        Assert.Equal(1, op.Operator.Metrics.ApiServed.WithLabels("inference.networking.k8s.io", "v1", "InferencePool").Value);

        // The pool is now watched like any child: deleted by hand, it comes back.
        await cluster.DeleteAsync<InferencePool>("llama-pd-inference-pool");
        await Eventually.MatchesAsync(() => cluster.GetAsync<InferencePool>("llama-pd-inference-pool"), p => p is not null && p.Metadata!.Uid != pool.Metadata!.Uid, "the pool is recreated");
    }
}
