using k8s.Models;
using Keel.ApiServer.Faults;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary>
/// The real <c>modelservice</c> process stopped by SIGTERM, as a pod is: it finishes the reconcile in flight within
/// <c>--graceful-shutdown-seconds</c>, releases the lease and exits 0 (not cut short by the command line's own deadline).
/// </summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Sigterm_lets_a_slow_reconcile_finish_then_releases_the_lease_and_exits_zero()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no SIGTERM to send
        }

        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml");
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"keel-shutdown-test-{Guid.NewGuid():N}.kubeconfig");
        await cluster.Server.WriteKubeconfigAsync(kubeconfig);
        var slow = cluster.Server.Faults.Add(new FaultRule(FaultAction.Delay(TimeSpan.FromSeconds(5))) { Verb = "patch", Resource = "deployments", Times = 1 });
        using var process = CliProcess.Start(
        [
            "run", "--kubeconfig", kubeconfig, "--leader-election-namespace", "default", "--metrics-bind-address", "0",
            "--health-probe-bind-address", "0", "--graceful-shutdown-seconds", "30", "--log-level", "info",
        ]);
        try
        {
            await Eventually.MatchesAsync(() => cluster.GetAsync<V1Lease>("modelservice-operator"), l => !string.IsNullOrEmpty(l?.Spec?.HolderIdentity), "the operator leads");
            await cluster.CreateSampleAsync("single-node-hf", "modelservice.yaml");
            await Eventually.TrueAsync(() => slow.Hits == 1, "a reconcile is in flight, its Deployment apply held by the server");

            await process.SignalAsync("TERM");
            var code = await process.ExitAsync(TimeSpan.FromSeconds(60));

            Assert.True(code == 0, $"exit {code}:\n{process.Output}");
            Assert.NotNull(await cluster.GetAsync<V1Deployment>("opt-125m-decode")); // the reconcile in flight finished
            var lease = await cluster.GetAsync<V1Lease>("modelservice-operator");
            Assert.True(string.IsNullOrEmpty(lease!.Spec.HolderIdentity), $"the lease is still held by {lease.Spec.HolderIdentity}:\n{process.Output}");
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}
