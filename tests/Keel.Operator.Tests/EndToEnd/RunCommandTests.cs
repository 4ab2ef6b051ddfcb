using System.CommandLine;
using Keel.Cli.Commands;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary><c>modelservice run</c> in process: the embedded mode end to end, and flag mistakes.</summary>
public sealed class RunCommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { RunCommand.Create() };
        var code = await root.Parse(["run", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
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
    public async Task Flag_mistakes_are_one_clear_line_and_exit_code_1()
    {
        var (code, _, error) = await RunAsync("--once");
        Assert.Equal(1, code);
        Assert.Contains("--once applies to --embedded only", error, StringComparison.Ordinal);

        (code, _, error) = await RunAsync("--kubeconfig", "/nonexistent/kubeconfig");
        Assert.Equal(1, code);
        Assert.Contains("cannot read the kubeconfig /nonexistent/kubeconfig", error, StringComparison.Ordinal);

        (code, _, error) = await RunAsync("--embedded", "--max-concurrent-reconciles", "0");
        Assert.Equal(1, code);
        Assert.Contains("--max-concurrent-reconciles must be at least 1", error, StringComparison.Ordinal);
    }
}
