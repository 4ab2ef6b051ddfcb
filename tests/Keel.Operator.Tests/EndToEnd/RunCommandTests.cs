using System.CommandLine;
using Keel.Cli.Commands;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary><c>modelservice run</c> in process: the embedded mode end to end, and flag mistakes.</summary>
public sealed class RunCommandTests
{
    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    private static async Task<(int Code, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { RunCommand.Create() };
        var code = await root.Parse(["run", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Against_a_cluster_from_a_kubeconfig_it_reconciles_until_stopped_and_exits_cleanly()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.CreateSampleAsync("single-node-hf", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("single-node-hf", "modelservice.yaml");
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"keel-run-test-{Guid.NewGuid():N}.kubeconfig");
        await cluster.Server.WriteKubeconfigAsync(kubeconfig);
        try
        {
            using var stop = new CancellationTokenSource();
            var run = RunAsync(stop.Token, "--kubeconfig", kubeconfig, "--metrics-bind-address", "127.0.0.1:0", "--health-probe-bind-address", "127.0.0.1:0",
                "--leader-election-namespace", "default", "--log-level", "warning");
            await cluster.WaitForReadyAsync("opt-125m");
            var lease = await cluster.GetAsync<k8s.Models.V1Lease>("modelservice-operator");
            Assert.NotNull(lease); // leader election is on by default against a cluster
            await stop.CancelAsync();
            var (code, _, error) = await run.WaitAsync(Eventually.DefaultTimeout);
            Assert.True(code == 0, $"exit {code}: {error}");
            lease = await cluster.GetAsync<k8s.Models.V1Lease>("modelservice-operator");
            Assert.Equal("", lease!.Spec.HolderIdentity ?? ""); // released on shutdown: a standby takes over at once
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task A_cluster_without_the_modelservice_crds_is_one_clear_line_and_exit_code_1()
    {
        await using var server = await Keel.ApiServer.Hosting.LocalApiServer.StartAsync(new Keel.ApiServer.Hosting.LocalApiServerOptions(), CancellationToken.None);
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"keel-run-test-{Guid.NewGuid():N}.kubeconfig");
        await server.WriteKubeconfigAsync(kubeconfig);
        try
        {
            var (code, _, error) = await RunAsync("--kubeconfig", kubeconfig, "--leader-elect=false", "--metrics-bind-address", "0", "--health-probe-bind-address", "0");
            Assert.Equal(1, code);
            Assert.Contains("does not serve modelservices.llm-d.ai and baseconfigs.llm-d.ai", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task Embedded_once_applies_every_sample_reconciles_them_to_ready_prints_them_and_writes_a_kubeconfig()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"keel-run-test-{Guid.NewGuid():N}.kubeconfig");
        try
        {
            var (code, output, error) = await RunAsync("--embedded", "--once", "--samples", Repository.Path("samples"), "--kubeconfig-out", kubeconfig);
            Assert.True(code == 0, $"exit {code}\n{output}\n{error}");

            // The table: every sample Ready, with its preset.
            foreach (var (name, preset) in new[]
            {
                ("opt-125m", "BaseConfig preset-single-node"), ("llama-70b", "BaseConfig preset-large-pvc"),
                ("granite-oci", "ConfigMap preset-legacy-oci"), ("llama-pd", "BaseConfig preset-pd-nixl"),
            })
            {
                var row = output.Split('\n').Single(l => l.StartsWith("default    " + name + " ", StringComparison.Ordinal));
                Assert.Contains(" True ", row, StringComparison.Ordinal);
                Assert.Contains(preset, row, StringComparison.Ordinal);
            }

            // The trees: children with what matters, and the warnings that need a person.
            Assert.Contains("default/llama-pd  Ready:", output, StringComparison.Ordinal);
            Assert.Contains("Deployment          llama-pd-prefill          3/3 ready", output, StringComparison.Ordinal);
            Assert.Contains("InferencePool       llama-pd-inference-pool   inference.networking.k8s.io/v1", output, StringComparison.Ordinal);
            Assert.Contains("! DeprecatedPreset (DeprecatedPreset)", output, StringComparison.Ordinal);

            // kubectl's way in.
            Assert.Contains($"kubectl --kubeconfig {kubeconfig} get msvc", output, StringComparison.Ordinal);
            var config = await File.ReadAllTextAsync(kubeconfig);
            Assert.Contains("server: http://127.0.0.1:", config, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task Without_any_kubeconfig_it_says_so_and_falls_back_to_the_embedded_cluster()
    {
        var home = Directory.CreateTempSubdirectory("keel-no-kubeconfig-");
        try
        {
            using var process = CliProcess.Start(
                ["run", "--once", "--samples", Repository.Path("samples"), "--kubeconfig-out", Path.Combine(home.FullName, "embedded.kubeconfig")],
                new Dictionary<string, string?> { ["HOME"] = home.FullName, ["KUBECONFIG"] = null, ["KUBERNETES_SERVICE_HOST"] = null });
            var code = await process.ExitAsync(TimeSpan.FromMinutes(3));

            Assert.True(code == 0, $"exit {code}:\n{process.Output}");
            Assert.Contains("no cluster configuration found", process.Output, StringComparison.Ordinal);
            Assert.Contains("starting the embedded local API server with the samples instead", process.Output, StringComparison.Ordinal);
            Assert.Contains("default/llama-pd  Ready:", process.Output, StringComparison.Ordinal);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Flag_mistakes_are_one_clear_line_and_exit_code_1()
    {
        var (code, _, error) = await RunAsync("--once", "--kubeconfig", "/nonexistent/kubeconfig");
        Assert.Equal(1, code);
        Assert.Contains("--once applies to the embedded mode only", error, StringComparison.Ordinal);

        (code, _, error) = await RunAsync("--kubeconfig", "/nonexistent/kubeconfig");
        Assert.Equal(1, code);
        Assert.Contains("cannot read the kubeconfig /nonexistent/kubeconfig", error, StringComparison.Ordinal);

        (code, _, error) = await RunAsync("--embedded", "--max-concurrent-reconciles", "0");
        Assert.Equal(1, code);
        Assert.Contains("--max-concurrent-reconciles must be at least 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void After_sigterm_run_may_take_its_graceful_shutdown_plus_a_margin_and_other_commands_the_default()
    {
        var root = new RootCommand { RunCommand.Create(), MigrateCommand.Create() };
        Assert.Equal(TimeSpan.FromSeconds(45), RunCommand.ProcessTerminationTimeout(root.Parse(["run", "--graceful-shutdown-seconds", "30"])));
        Assert.Equal(TimeSpan.FromSeconds(45), RunCommand.ProcessTerminationTimeout(root.Parse(["run"]))); // the default is 30 s
        Assert.Equal(TimeSpan.FromSeconds(2), RunCommand.ProcessTerminationTimeout(root.Parse(["migrate", "--base-config", "x.yaml"])));
    }
}
