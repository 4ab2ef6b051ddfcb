using System.Diagnostics;
using Keel.ApiServer.Hosting;

namespace Keel.Operator.Scale;

/// <summary>
/// The local API server in a child process: the parent starts <c>dotnet &lt;this&gt; serve</c>, reads one line
/// <c>READY &lt;kubeconfig path&gt;</c>, and closes stdin to stop it. Keeping it out of the operator's process keeps the
/// operator's memory measurement honest.
/// </summary>
internal static class ApiServerProcess
{
    public static async Task<int> ServeAsync(string[] args)
    {
        var repository = args.FirstOrDefault() ?? throw new ArgumentException("serve needs the repository path");
        await using var server = await LocalApiServer.StartAsync(new LocalApiServerOptions
        {
            SimulateWorkloads = true,
            WorkloadReadyDelay = TimeSpan.Zero,
            EventHistoryLimit = 100_000,
            WatchBufferSize = 100_000,
        }, CancellationToken.None).ConfigureAwait(false);
        foreach (var crd in Directory.GetFiles(Path.Combine(repository, "src", "Crds"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(repository, "src", "Crds", "upstream"), "*.yaml").Where(f => !f.EndsWith(".schema.yaml", StringComparison.Ordinal) && !f.EndsWith("imports.yaml", StringComparison.Ordinal))))
        {
            await server.InstallCrdAsync(await File.ReadAllTextAsync(crd).ConfigureAwait(false)).ConfigureAwait(false);
        }

        var kubeconfig = Path.Combine(Path.GetTempPath(), $"keel-scale-{Environment.ProcessId}.kubeconfig");
        await server.WriteKubeconfigAsync(kubeconfig).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"READY {kubeconfig}").ConfigureAwait(false);
        await Console.Out.FlushAsync().ConfigureAwait(false);
        while (await Console.In.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line == "memory")
            {
                using var self = Process.GetCurrentProcess();
                await Console.Out.WriteLineAsync($"MEMORY {self.PeakWorkingSet64}").ConfigureAwait(false);
                await Console.Out.FlushAsync().ConfigureAwait(false);
            }
        }

        File.Delete(kubeconfig);
        return 0;
    }

    /// <summary>Starts the child and waits for its kubeconfig.</summary>
    public static async Task<(Process Process, string Kubeconfig)> StartAsync(string repository)
    {
        var self = typeof(ApiServerProcess).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { self, "serve", repository })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the API server process");
        while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                return (process, line["READY ".Length..]);
            }
        }

        throw new InvalidOperationException("the API server process ended before it was ready");
    }

    public static async Task<long> PeakMemoryAsync(Process process)
    {
        await process.StandardInput.WriteLineAsync("memory").ConfigureAwait(false);
        await process.StandardInput.FlushAsync().ConfigureAwait(false);
        while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("MEMORY ", StringComparison.Ordinal))
            {
                return long.Parse(line["MEMORY ".Length..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
