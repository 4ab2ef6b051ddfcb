using System.CommandLine;
using System.Globalization;
using Keel.Model.Rendering;
using Keel.Runtime.Logging;
using Microsoft.Extensions.Logging;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>modelservice run</c>: the ModelService operator. Against a cluster (the kubeconfig from <c>--kubeconfig</c>,
/// in-cluster, <c>$KUBECONFIG</c> or <c>~/.kube/config</c>) it runs until stopped; with <c>--embedded</c>, or when no
/// kubeconfig can be found, it starts the local API server in this process, applies the samples, reconciles them and
/// prints what it created (see <see cref="RunEmbedded"/>).
/// </summary>
public static class RunCommand
{
    private const string GracefulShutdownOption = "--graceful-shutdown-seconds";

    /// <summary>Room after the graceful shutdown for releasing the lease (bounded by its renew deadline) and closing the caches.</summary>
    private static readonly TimeSpan StopMargin = TimeSpan.FromSeconds(15);

    public static Command Create()
    {
        var kubeconfig = new Option<string?>("--kubeconfig") { Description = "Path to a kubeconfig. Default: in-cluster configuration, then $KUBECONFIG, then ~/.kube/config." };
        var ns = new Option<string?>("--namespace", "-n") { Description = "Watch only this namespace (default: every namespace)." };
        var leaderElect = new Option<bool?>("--leader-elect") { Description = "Elect a leader on a Lease so only one replica reconciles. Default: on against a cluster, off with --embedded." };
        var leaderElectionNamespace = new Option<string?>("--leader-election-namespace") { Description = "Namespace of the Lease (default: the operator's namespace, else default)." };
        var leaderElectionId = new Option<string>("--leader-election-id") { Description = "Name of the Lease.", DefaultValueFactory = _ => RunOptions.DefaultLeaseName };
        var metrics = new Option<string?>("--metrics-bind-address") { Description = "Where /metrics is served; \"0\" disables it. Default :8080 (127.0.0.1:0 with --embedded)." };
        var health = new Option<string?>("--health-probe-bind-address") { Description = "Where /healthz and /readyz are served; \"0\" disables them. Default :8081 (127.0.0.1:0 with --embedded)." };
        var poolApi = new Option<string>("--pool-api") { Description = "The InferencePool API to write: v1 (with an InferenceObjective) or v1alpha2 (with an InferenceModel).", DefaultValueFactory = _ => "v1" };
        poolApi.AcceptOnlyFromAmong("v1", "v1alpha2");
        var eppClusterRole = new Option<string>("--epp-cluster-role") { Description = "The ClusterRole the endpoint picker's RoleBinding grants.", DefaultValueFactory = _ => RenderSettings.DefaultEppClusterRole };
        var pdPullSecrets = new Option<string?>("--pd-pull-secrets") { Description = "Image pull secrets of the prefill/decode ServiceAccount, comma-separated." };
        var eppPullSecrets = new Option<string?>("--epp-pull-secrets") { Description = "Image pull secrets of the endpoint picker's ServiceAccount, comma-separated." };
        var presetNamespaces = new Option<string?>("--preset-namespaces") { Description = "Namespaces whose presets ModelServices in other namespaces may use, comma-separated (the operator's own namespace always)." };
        var operatorNamespace = new Option<string?>("--operator-namespace") { Description = "The operator's own namespace (default: the pod's namespace in a cluster)." };
        var maxConcurrent = new Option<int>("--max-concurrent-reconciles") { Description = "ModelServices reconciled at once.", DefaultValueFactory = _ => 4 };
        var logLevel = new Option<string?>("--log-level") { Description = "trace, debug, info, warning or error. Default: info (warning with --embedded, where the summary speaks)." };
        logLevel.AcceptOnlyFromAmong("trace", "debug", "info", "warning", "error");
        var logFormat = new Option<string>("--log-format") { Description = "console or json.", DefaultValueFactory = _ => "console" };
        logFormat.AcceptOnlyFromAmong("console", "json");
        var shutdown = new Option<int>(GracefulShutdownOption) { Description = "On stop, how long in-flight reconciles may run before they are cancelled.", DefaultValueFactory = _ => 30 };
        var embedded = new Option<bool>("--embedded") { Description = "Run against a local API server started in this process, with the samples applied." };
        var once = new Option<bool>("--once") { Description = "In the embedded mode: exit after printing the result (exit code 1 unless every sample is Ready)." };
        var kubeconfigOut = new Option<string?>("--kubeconfig-out") { Description = "With --embedded: where to write the kubeconfig for kubectl (default: a file in the temp folder)." };
        var samples = new Option<string?>("--samples") { Description = "With --embedded: the samples folder (default: samples/ of the repository)." };
        var readyTimeout = new Option<int>("--ready-timeout-seconds") { Description = "With --embedded: how long to wait for the samples to be Ready before printing.", DefaultValueFactory = _ => 90 };

        var command = new Command("run", "Run the ModelService operator against a cluster, or with --embedded against a local API server with the samples.")
        {
            kubeconfig, ns, leaderElect, leaderElectionNamespace, leaderElectionId, metrics, health, poolApi, eppClusterRole, pdPullSecrets,
            eppPullSecrets, presetNamespaces, operatorNamespace, maxConcurrent, logLevel, logFormat, shutdown, embedded, once, kubeconfigOut,
            samples, readyTimeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new RunOptions
            {
                Kubeconfig = parse.GetValue(kubeconfig),
                Namespace = parse.GetValue(ns),
                LeaderElect = parse.GetValue(leaderElect),
                LeaderElectionNamespace = parse.GetValue(leaderElectionNamespace),
                LeaderElectionId = parse.GetValue(leaderElectionId) ?? RunOptions.DefaultLeaseName,
                MetricsBindAddress = parse.GetValue(metrics),
                HealthProbeBindAddress = parse.GetValue(health),
                PoolApi = parse.GetValue(poolApi) == "v1alpha2" ? InferencePoolApi.V1Alpha2 : InferencePoolApi.V1,
                EppClusterRole = parse.GetValue(eppClusterRole) ?? RenderSettings.DefaultEppClusterRole,
                PdPullSecrets = List(parse.GetValue(pdPullSecrets)),
                EppPullSecrets = List(parse.GetValue(eppPullSecrets)),
                PresetNamespaces = List(parse.GetValue(presetNamespaces)),
                OperatorNamespace = parse.GetValue(operatorNamespace),
                MaxConcurrentReconciles = parse.GetValue(maxConcurrent),
                LogLevel = ParseLevel(parse.GetValue(logLevel)),
                LogFormat = parse.GetValue(logFormat) == "json" ? LogFormat.Json : LogFormat.Console,
                GracefulShutdownTimeout = TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(shutdown))),
                Embedded = parse.GetValue(embedded),
                Once = parse.GetValue(once),
                KubeconfigOut = parse.GetValue(kubeconfigOut),
                Samples = parse.GetValue(samples),
                ReadyTimeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(readyTimeout))),
            };
            var error = parse.InvocationConfiguration.Error;
            if (options.MaxConcurrentReconciles < 1)
            {
                await error.WriteLineAsync("modelservice run: --max-concurrent-reconciles must be at least 1").ConfigureAwait(false);
                return 1;
            }

            return await RunAsync(options, parse.InvocationConfiguration.Output, error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>
    /// How long the process may take to stop after SIGTERM or Ctrl-C before the command line ends it. For <c>run</c>:
    /// <c>--graceful-shutdown-seconds</c> plus a margin, so in-flight reconciles finish and the lease is released
    /// (System.CommandLine's default, 2 s, would end the process first); for other commands that default.
    /// </summary>
    public static TimeSpan ProcessTerminationTimeout(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var fallback = new InvocationConfiguration().ProcessTerminationTimeout ?? TimeSpan.FromSeconds(2);
        if (parse.CommandResult.Command.Name != "run" || parse.Errors.Count > 0)
        {
            return fallback;
        }

        return TimeSpan.FromSeconds(Math.Max(0, parse.GetValue<int>(GracefulShutdownOption))) + StopMargin;
    }

    /// <summary>Runs the operator with <paramref name="options"/> until <paramref name="cancellationToken"/> fires; returns the exit code.</summary>
    internal static async Task<int> RunAsync(RunOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (options.Embedded)
        {
            return await RunEmbedded.RunAsync(options, output, error, cancellationToken).ConfigureAwait(false);
        }

        if (options.Once && options.Kubeconfig is not null)
        {
            return await OnceAgainstAClusterAsync(error).ConfigureAwait(false);
        }

        k8s.KubernetesClientConfiguration? configuration;
        try
        {
            configuration = Keel.Runtime.Client.KubeClients.FindConfiguration(options.Kubeconfig);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            await error.WriteLineAsync($"modelservice run: cannot read the kubeconfig {options.Kubeconfig}: {e.Message}").ConfigureAwait(false);
            return 1;
        }

        if (configuration is null)
        {
            await error.WriteLineAsync(
                "modelservice run: no cluster configuration found (no --kubeconfig, not running in a pod, no $KUBECONFIG, no ~/.kube/config); "
                + "starting the embedded local API server with the samples instead (pass --embedded to ask for it explicitly)").ConfigureAwait(false);
            return await RunEmbedded.RunAsync(options with { Embedded = true }, output, error, cancellationToken).ConfigureAwait(false);
        }

        if (options.Once)
        {
            return await OnceAgainstAClusterAsync(error).ConfigureAwait(false);
        }

        using var loggers = KeelLogging.CreateFactory(options.LogFormat, options.LogLevel ?? LogLevel.Information);
        var metrics = new Keel.Runtime.Metrics.RuntimeMetrics();
        using var client = Keel.Runtime.Client.KubeClients.Create(configuration, metrics);
        var op = RunOperatorHost.Build(client, options, embedded: false, metrics, loggers);
        var logger = loggers.CreateLogger("modelservice");
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("ModelService operator starting against {Server} (namespace {Namespace}, pool API {PoolApi})",
                configuration.Host, options.Namespace ?? "all", options.PoolApi);
        }

        try
        {
            var missing = await op.MissingRequiredApisAsync(cancellationToken).ConfigureAwait(false);
            if (missing.Count > 0)
            {
                await error.WriteLineAsync($"modelservice run: the cluster does not serve {string.Join(" and ", missing)}: install the CRDs first "
                    + "(kubectl apply --server-side -f src/Crds/modelservices.llm-d.ai.yaml -f src/Crds/baseconfigs.llm-d.ai.yaml)").ConfigureAwait(false);
                return 1;
            }

            await op.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (k8s.Autorest.HttpOperationException e)
        {
            await error.WriteLineAsync($"modelservice run: the API server at {configuration.Host} answered {Keel.Runtime.Client.ApiErrors.Describe(e)}").ConfigureAwait(false);
            return 1;
        }
        catch (HttpRequestException e)
        {
            await error.WriteLineAsync($"modelservice run: cannot reach the API server at {configuration.Host}: {e.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Keel.Runtime.LeaderElection.LeadershipLostException e)
        {
            logger.LogError("{Message} Exiting so a fresh process can campaign again.", e.Message);
            return 1;
        }
        finally
        {
            await op.Manager.DisposeAsync().ConfigureAwait(false);
            op.Discovery.Dispose();
        }
    }

    /// <summary><c>--once</c> ends the embedded mode (asked for, or the fallback when no kubeconfig exists); a cluster's operator runs until stopped.</summary>
    private static async Task<int> OnceAgainstAClusterAsync(TextWriter error)
    {
        await error.WriteLineAsync("modelservice run: --once applies to the embedded mode only (--embedded, or no kubeconfig found); against a cluster the operator runs until stopped").ConfigureAwait(false);
        return 1;
    }

    internal static IReadOnlyList<string> List(string? commaSeparated) =>
        commaSeparated is null ? [] : commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static LogLevel? ParseLevel(string? level) => level switch
    {
        null => null,
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => LogLevel.Information,
    };

    internal static string Stamp() => DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
