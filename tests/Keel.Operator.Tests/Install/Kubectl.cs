using System.Diagnostics;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.Install;

/// <summary>The result of one kubectl run.</summary>
internal sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public KubectlResult EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"kubectl {what} failed ({ExitCode}):\n{Stdout}\n{Stderr}");
}

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

    public async Task<KubectlResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(Kubeconfig);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = _home;
        start.Environment["KUBECACHEDIR"] = Path.Combine(_home, "cache");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish:\n{await stdout}\n{await stderr}");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

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
