using System.Net;
using k8s;
using Keel.Runtime.Hosting;
using Keel.Runtime.LeaderElection;
using Keel.Runtime.Tests.Support;

namespace Keel.Runtime.Tests.Metrics;

/// <summary>The metrics and probe endpoints of a manager with no controllers (no API server needed).</summary>
public sealed class ManagerEndpointTests
{
    private static ControllerManager NewManager(string metrics = "127.0.0.1:0", string health = "127.0.0.1:0")
        => new(new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }), new ManagerOptions
        {
            MetricsBindAddress = metrics,
            HealthProbeBindAddress = health,
            LeaderElection = new LeaderElectionOptions { Enabled = false },
        });

    [Fact]
    public async Task Serves_metrics_health_and_readiness_and_turns_unready_on_shutdown()
    {
        await using var manager = NewManager();
        manager.Metrics.Factory.CreateCounter("app_renders_total", "Renders by the application.").Inc(3);
        using var stop = new CancellationTokenSource();
        var run = manager.RunAsync(stop.Token);
        await manager.Started.WaitAsync(Eventually.DefaultTimeout);
        using var http = new HttpClient();

        var metrics = await http.GetStringAsync(new Uri(manager.MetricsAddress!, "/metrics"));
        Assert.Contains("app_renders_total 3", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE controller_runtime_reconcile_total counter", metrics, StringComparison.Ordinal);

        var health = await http.GetAsync(new Uri(manager.HealthProbeAddress!, "/healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await Eventually.TrueAsync(async () => (await http.GetAsync(new Uri(manager.HealthProbeAddress!, "/readyz"))).StatusCode == HttpStatusCode.OK, "ready");
        var verbose = await http.GetStringAsync(new Uri(manager.HealthProbeAddress!, "/readyz?verbose"));
        Assert.Contains("[+]informers-synced ok", verbose, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(manager.HealthProbeAddress!, "/nope"))).StatusCode);

        manager.AddReadyCheck("app", () => false);
        var unready = await http.GetAsync(new Uri(manager.HealthProbeAddress!, "/readyz"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unready.StatusCode);
        Assert.Contains("[-]app failed", await unready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await stop.CancelAsync();
        await run.WaitAsync(Eventually.DefaultTimeout);
        Assert.False(manager.IsReady);
    }

    [Fact]
    public async Task A_disabled_endpoint_is_not_served()
    {
        await using var manager = NewManager(metrics: "0");
        using var stop = new CancellationTokenSource();
        var run = manager.RunAsync(stop.Token);
        await manager.Started.WaitAsync(Eventually.DefaultTimeout);
        Assert.Null(manager.MetricsAddress);
        Assert.NotNull(manager.HealthProbeAddress);
        await stop.CancelAsync();
        await run.WaitAsync(Eventually.DefaultTimeout);
    }

    [Theory]
    [InlineData(":8080", "0.0.0.0:8080")]
    [InlineData("127.0.0.1:0", "127.0.0.1:0")]
    [InlineData("[::1]:9090", "[::1]:9090")]
    [InlineData("localhost:81", "127.0.0.1:81")]
    public void Bind_addresses_parse_like_controller_runtime_flags(string flag, string endpoint)
        => Assert.Equal(endpoint, BindAddress.Parse(flag)!.ToString());

    [Theory]
    [InlineData("0")]
    [InlineData("")]
    public void Zero_or_empty_disables(string flag) => Assert.Null(BindAddress.Parse(flag));

    [Fact]
    public void Malformed_bind_addresses_are_rejected()
    {
        Assert.Throws<FormatException>(() => BindAddress.Parse("8080"));
        Assert.Throws<FormatException>(() => BindAddress.Parse("example.com:80"));
    }
}
