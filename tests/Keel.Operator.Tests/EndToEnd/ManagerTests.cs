using System.Net;
using k8s.Models;
using Keel.Model.Api;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary>Leader election between two operator instances, and the metrics and health endpoints.</summary>
public sealed class ManagerTests
{
    [Fact]
    public async Task Two_instances_elect_one_leader_which_alone_reconciles_and_the_other_takes_over_when_it_stops()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("single-node-hf", "modelservice.yaml");
        await using var a = RunningOperator.Start(cluster, manager: RunningOperator.ManagerOptions(leaderElection: true, identity: "operator-a"));
        await Eventually.TrueAsync(() => a.Manager.IsLeading, "a leads");
        await using var b = RunningOperator.Start(cluster, manager: RunningOperator.ManagerOptions(leaderElection: true, identity: "operator-b"));
        await cluster.WaitForReadyAsync("opt-125m");
        await Eventually.TrueAsync(() => b.Manager.IsReady, "the follower is ready once its caches are synced");

        Assert.False(b.Manager.IsLeading);
        Assert.Equal(0, b.Completed);
        Assert.True(a.Completed > 0);
        var lease = (await cluster.GetAsync<V1Lease>("modelservice-operator"))!;
        Assert.Equal("operator-a", lease.Spec.HolderIdentity);

        await a.StopAsync();
        await Eventually.TrueAsync(() => b.Manager.IsLeading, "b takes over");
        await cluster.CreateAsync(Repository.Read("samples", "single-node-hf", "modelservice.yaml")
            .Replace("name: opt-125m", "name: after-takeover", StringComparison.Ordinal)
            .Replace("modelName: facebook/opt-125m", "modelName: org/after", StringComparison.Ordinal));
        await cluster.WaitForReadyAsync("after-takeover");
        Assert.True(b.Completed > 0);
        lease = (await cluster.GetAsync<V1Lease>("modelservice-operator"))!;
        Assert.Equal("operator-b", lease.Spec.HolderIdentity);
    }

    [Fact]
    public async Task Metrics_and_health_endpoints_answer_with_controller_runtime_names_and_the_operators_own()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("single-node-hf", "modelservice.yaml");
        await using var op = RunningOperator.Start(cluster);
        await cluster.WaitForReadyAsync("opt-125m");
        await op.Manager.Started;

        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(new Uri(op.Manager.MetricsAddress!, "/metrics"));
        foreach (var expected in new[]
        {
            "controller_runtime_reconcile_total{controller=\"modelservice\",result=\"success\"}",
            "controller_runtime_reconcile_time_seconds_bucket{controller=\"modelservice\"",
            "controller_runtime_max_concurrent_reconciles{controller=\"modelservice\"} 2",
            "workqueue_depth{controller=\"modelservice\",name=\"modelservice\"}",
            "workqueue_adds_total{controller=\"modelservice\",name=\"modelservice\"}",
            "keel_modelservice_renders_total{outcome=\"succeeded\"}",
            "keel_modelservice_optional_api_served{group=\"inference.networking.k8s.io\",version=\"v1\",kind=\"InferencePool\"} 1",
            "keel_apply_total{resource=\"deployments.apps\",outcome=\"applied\"}",
        })
        {
            Assert.Contains(expected, metrics, StringComparison.Ordinal);
        }

        using var healthz = await http.GetAsync(new Uri(op.Manager.HealthProbeAddress!, "/healthz"));
        using var readyz = await http.GetAsync(new Uri(op.Manager.HealthProbeAddress!, "/readyz"));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (healthz.StatusCode, readyz.StatusCode));
    }
}
