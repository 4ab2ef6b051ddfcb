using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.Install;

/// <summary>
/// The real kubectl 1.33 from .tools/bin (build/install-tools.sh; build/test.sh runs it), with its own kubeconfig and
/// home so runs share no cache.
/// </summary>
internal sealed class Kubectl : IDisposable
{
    private readonly string _home;

    public Kubectl(string kubeconfigText)
    {
        Executable = Repository.Path(".tools", "bin", "kubectl");
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"kubectl 1.33 is not installed at {Executable}: run build/install-tools.sh (build/test.sh does).");
        }

        _home = Directory.CreateTempSubdirectory("keel-install-kubectl-").FullName;
        Kubeconfig = Path.Combine(_home, "kubeconfig");
        File.WriteAllText(Kubeconfig, kubeconfigText);
    }

    public string Executable { get; }

    public string Kubeconfig { get; }

    public Task<ToolResult> RunAsync(params string[] args) => ToolProcess.RunAsync(
        Executable,
        ["--kubeconfig", Kubeconfig, .. args],
        new Dictionary<string, string> { ["HOME"] = _home, ["KUBECACHEDIR"] = Path.Combine(_home, "cache") },
        Repository.Root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
