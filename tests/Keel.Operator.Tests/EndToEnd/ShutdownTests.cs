using System.Diagnostics;
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
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = StartOperator(kubeconfig, log);
        try
        {
            await Eventually.MatchesAsync(() => cluster.GetAsync<V1Lease>("modelservice-operator"), l => !string.IsNullOrEmpty(l?.Spec?.HolderIdentity), "the operator leads");
            await cluster.CreateSampleAsync("single-node-hf", "modelservice.yaml");
            await Eventually.TrueAsync(() => slow.Hits == 1, "a reconcile is in flight, its Deployment apply held by the server");

            await SignalAsync(process.Id, "TERM");
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

            var output = string.Join('\n', log);
            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}:\n{output}");
            Assert.NotNull(await cluster.GetAsync<V1Deployment>("opt-125m-decode")); // the reconcile in flight finished
            var lease = await cluster.GetAsync<V1Lease>("modelservice-operator");
            Assert.True(string.IsNullOrEmpty(lease!.Spec.HolderIdentity), $"the lease is still held by {lease.Spec.HolderIdentity}:\n{output}");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            File.Delete(kubeconfig);
        }
    }

    private static async Task SignalAsync(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    private static Process StartOperator(string kubeconfig, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "modelservice.dll"), "run", "--kubeconfig", kubeconfig, "--leader-election-namespace", "default",
            "--metrics-bind-address", "0", "--health-probe-bind-address", "0", "--graceful-shutdown-seconds", "30", "--log-level", "info",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("modelservice did not start");
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
