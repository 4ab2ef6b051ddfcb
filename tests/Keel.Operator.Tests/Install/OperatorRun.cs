using System.CommandLine;
using Keel.Cli.Commands;

namespace Keel.Operator.Tests.Install;

/// <summary>
/// <c>modelservice run</c> in this process, through the real command line (parsing, kubeconfig discovery, the operator
/// host), with the arguments of the deploy/ Deployment: what the container would run, pointed at the test cluster.
/// </summary>
internal sealed class OperatorRun : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    private OperatorRun(IReadOnlyList<string> args)
    {
        Arguments = args;
        var root = new RootCommand { RunCommand.Create() };
        var parse = root.Parse([.. args]);
        if (parse.Errors.Count > 0)
        {
            throw new ArgumentException("The Deployment's arguments do not parse: " + string.Join("; ", parse.Errors.Select(e => e.Message)));
        }

        Exit = Task.Run(() => parse.InvokeAsync(new InvocationConfiguration { Output = _output, Error = _error }, _stop.Token));
    }

    public IReadOnlyList<string> Arguments { get; }

    public Task<int> Exit { get; }

    public string Output => _output.ToString();

    public string Error => _error.ToString();

    /// <summary>
    /// Starts the operator with the Deployment's arguments, adapted to a process outside a pod: its kubeconfig (the pod's
    /// service-account token), <c>POD_NAMESPACE</c> from the downward API as <c>--operator-namespace</c>, and endpoints on
    /// free loopback ports instead of :8080/:8081. <paramref name="extra"/> come last.
    /// </summary>
    public static OperatorRun Start(DeployManifests deploy, string kubeconfig, params string[] extra)
    {
        var args = new List<string>();
        foreach (var arg in deploy.Args)
        {
            args.Add(arg.StartsWith("--metrics-bind-address=", StringComparison.Ordinal) ? "--metrics-bind-address=127.0.0.1:0"
                : arg.StartsWith("--health-probe-bind-address=", StringComparison.Ordinal) ? "--health-probe-bind-address=127.0.0.1:0"
                : arg);
        }

        var podNamespace = deploy.Container["env"]?.AsArray()
            .FirstOrDefault(e => e!["name"]!.GetValue<string>() == "POD_NAMESPACE")?["valueFrom"]?["fieldRef"]?["fieldPath"]?.GetValue<string>();
        if (podNamespace != "metadata.namespace")
        {
            throw new InvalidOperationException("The operator's container must get POD_NAMESPACE from metadata.namespace (the trusted preset namespace and the Lease's).");
        }

        args.Add($"--operator-namespace={deploy.Namespace}");
        args.Add($"--kubeconfig={kubeconfig}");
        args.AddRange(extra);
        return new OperatorRun(args);
    }

    /// <summary>Stops the operator as a pod's SIGTERM would and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await Exit.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public async ValueTask DisposeAsync()
    {
        if (!Exit.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
