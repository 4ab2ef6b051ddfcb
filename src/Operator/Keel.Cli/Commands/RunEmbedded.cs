using Keel.Model.Api;
using Keel.Operator;
using Keel.Runtime.Informers;
using Keel.Runtime.Logging;
using Keel.Runtime.Metrics;
using Keel.Runtime.Resources;
using Microsoft.Extensions.Logging;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>modelservice run --embedded</c>: a whole cluster in this process for a first look. It starts the local API server,
/// installs the CRDs, applies the samples, runs the operator, waits for the ModelServices to be Ready, prints them as a
/// table and a tree of children, writes a kubeconfig for kubectl, and then keeps serving (printing every change of a
/// ModelService's Ready condition) until Ctrl-C — or exits with <c>--once</c>.
/// </summary>
internal static class RunEmbedded
{
    private const string Namespace = "default";

    public static async Task<int> RunAsync(RunOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var loggers = KeelLogging.CreateFactory(options.LogFormat, options.LogLevel ?? LogLevel.Warning);
        await output.WriteLineAsync("Starting the embedded Kubernetes API server (in this process, 127.0.0.1, workloads simulated)...").ConfigureAwait(false);
        await using var cluster = await EmbeddedCluster.StartAsync(loggers, cancellationToken).ConfigureAwait(false);
        var crds = await cluster.InstallCrdsAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"API server at {cluster.Server.BaseAddress}; {crds.Count} CRDs installed: {string.Join(", ", crds)}").ConfigureAwait(false);

        var samples = options.Samples ?? RepositoryFiles.Find("samples");
        IReadOnlyList<ObjectKey> applied = [];
        if (samples is null || !Directory.Exists(samples))
        {
            await error.WriteLineAsync("modelservice run: no samples folder found (run from a clone of the repository, or pass --samples DIR); serving an empty cluster").ConfigureAwait(false);
        }
        else
        {
            applied = await cluster.ApplySamplesAsync(samples, Namespace, error, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Applied the samples from {samples}: {applied.Count} ModelServices with their presets (ConfigMap and BaseConfig forms)").ConfigureAwait(false);
        }

        var metrics = new RuntimeMetrics();
        using var client = cluster.OperatorClient(metrics);
        var op = RunOperatorHost.Build(client, options, embedded: true, metrics, loggers);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = Task.Run(() => op.RunAsync(stop.Token), CancellationToken.None);
        try
        {
            await op.Manager.Started.ConfigureAwait(false);
            await output.WriteLineAsync("Operator running; reconciling...").ConfigureAwait(false);
            var modelServices = op.Manager.GetCache<ModelService>();
            var allReady = await WaitForReadyAsync(op, applied, options.ReadyTimeout, cancellationToken).ConfigureAwait(false);

            await output.WriteLineAsync().ConfigureAwait(false);
            var shown = modelServices.List().OrderBy(m => m.Metadata.NamespaceProperty, StringComparer.Ordinal).ThenBy(m => m.Metadata.Name, StringComparer.Ordinal).ToList();
            await output.WriteAsync(RunSummary.Render(shown, op.Kinds)).ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            if (!allReady)
            {
                await error.WriteLineAsync($"modelservice run: not every sample ModelService was Ready within {options.ReadyTimeout.TotalSeconds:0} s (see the notes above)").ConfigureAwait(false);
            }

            var kubeconfigPath = options.KubeconfigOut ?? Path.Combine(Path.GetTempPath(), "modelservice-embedded.kubeconfig");
            await cluster.Server.WriteKubeconfigAsync(kubeconfigPath, ct: cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Operator endpoints: metrics {op.Manager.MetricsAddress}metrics, health {op.Manager.HealthProbeAddress}healthz").ConfigureAwait(false);
            await output.WriteLineAsync($"Kubeconfig for kubectl: {kubeconfigPath}").ConfigureAwait(false);
            await output.WriteLineAsync($"  kubectl --kubeconfig {kubeconfigPath} get msvc").ConfigureAwait(false);
            if (options.Once)
            {
                return allReady ? 0 : 1;
            }

            await output.WriteLineAsync("Serving until stopped (Ctrl-C); ModelService changes are printed below.").ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            using var printer = op.Manager.Cache.GetInformer<ModelService>().AddHandler(e => PrintReadyChange(e, output));
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await output.WriteLineAsync("Stopping...").ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 130;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await running.ConfigureAwait(false);
            await op.Manager.DisposeAsync().ConfigureAwait(false);
            op.Discovery.Dispose();
        }
    }

    /// <summary>Waits until every applied ModelService is Ready at its generation; false on timeout.</summary>
    private static async Task<bool> WaitForReadyAsync(ModelServiceOperator op, IReadOnlyList<ObjectKey> keys, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var cache = op.Manager.GetCache<ModelService>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!keys.All(k => IsReady(cache.Peek(k))))
            {
                await Task.Delay(100, deadline.Token).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static bool IsReady(ModelService? ms) =>
        ms?.Status?.Conditions?.FirstOrDefault(c => c.Type == ModelServiceConditions.Ready) is { Status: "True" } ready
        && ready.ObservedGeneration == ms.Metadata.Generation;

    private static void PrintReadyChange(InformerEvent<ModelService> e, TextWriter output)
    {
        var key = $"{e.Object.Metadata.NamespaceProperty}/{e.Object.Metadata.Name}";
        var ready = e.Object.Status?.Conditions?.FirstOrDefault(c => c.Type == ModelServiceConditions.Ready);
        var before = e.OldObject?.Status?.Conditions?.FirstOrDefault(c => c.Type == ModelServiceConditions.Ready);
        var line = e.Type switch
        {
            InformerEventType.Added when !e.IsInInitialList => $"{key} created",
            InformerEventType.Deleted => $"{key} deleted",
            InformerEventType.Updated when ready is not null && (ready.Status != before?.Status || ready.Reason != before?.Reason) =>
                $"{key} Ready={ready.Status} ({ready.Reason}): {ready.Message}",
            _ => null,
        };
        if (line is not null)
        {
            output.WriteLine($"{RunCommand.Stamp()} {line}");
            output.Flush();
        }
    }
}
