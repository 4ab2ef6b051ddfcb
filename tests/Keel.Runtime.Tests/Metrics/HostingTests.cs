using k8s;
using Keel.Runtime.Hosting;
using Keel.Runtime.LeaderElection;
using Keel.Runtime.Logging;
using Keel.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Keel.Runtime.Tests.Metrics;

public sealed class HostingTests
{
    [Fact]
    public async Task A_generic_host_runs_the_manager_and_stops_it_gracefully()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.AddKeelLogging(LogFormat.Json, LogLevel.Warning);
        builder.Services.AddControllerManager(_ => new ControllerManager(
            new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }),
            new ManagerOptions { MetricsBindAddress = "0", HealthProbeBindAddress = "127.0.0.1:0", LeaderElection = new LeaderElectionOptions { Enabled = false } }));
        using var host = builder.Build();
        var manager = host.Services.GetRequiredService<ControllerManager>();

        await host.StartAsync();
        await manager.Started.WaitAsync(Eventually.DefaultTimeout);
        await Eventually.TrueAsync(() => manager.IsReady, "ready");
        Assert.True(manager.IsLeading); // without leader election the manager leads at once

        await host.StopAsync();
        Assert.False(manager.IsReady);
        Assert.False(manager.IsLeading);
    }
}
