using k8s;
using Keel.Operator;
using Keel.Runtime.Cache;
using Keel.Runtime.Hosting;
using Keel.Runtime.LeaderElection;
using Keel.Runtime.Metrics;
using Microsoft.Extensions.Logging;

namespace Keel.Cli.Commands;

/// <summary>Builds the ModelService operator from the <c>run</c> flags: the runtime's manager and the controller on it.</summary>
internal static class RunOperatorHost
{
    /// <summary>Where a pod finds its namespace (the service account mount).</summary>
    private const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    public static ModelServiceOperator Build(IKubernetes client, RunOptions options, bool embedded, RuntimeMetrics metrics, ILoggerFactory loggers)
    {
        var operatorNamespace = options.OperatorNamespace ?? PodNamespace();
        var manager = new ControllerManager(client, new ManagerOptions
        {
            Name = ModelServiceOperatorOptions.FieldManager,
            FieldManager = ModelServiceOperatorOptions.FieldManager,
            Cache = new CacheOptions { Namespace = options.Namespace },
            MetricsBindAddress = options.MetricsBindAddress ?? (embedded ? "127.0.0.1:0" : ":8080"),
            HealthProbeBindAddress = options.HealthProbeBindAddress ?? (embedded ? "127.0.0.1:0" : ":8081"),
            GracefulShutdownTimeout = options.GracefulShutdownTimeout,
            LeaderElection = new LeaderElectionOptions
            {
                // On against a real cluster, where another replica (or a second deployment) may run; off for the
                // embedded cluster, which only this process can reach.
                Enabled = options.LeaderElect ?? !embedded,
                LeaseName = options.LeaderElectionId,
                LeaseNamespace = options.LeaderElectionNamespace ?? operatorNamespace,
            },
        }, loggers, metrics);
        return new ModelServiceOperator(manager, new ModelServiceOperatorOptions
        {
            PoolApi = options.PoolApi,
            EppClusterRole = options.EppClusterRole,
            WorkloadPullSecrets = options.PdPullSecrets,
            EppPullSecrets = options.EppPullSecrets,
            OperatorNamespace = operatorNamespace,
            PresetNamespaces = options.PresetNamespaces,
            MaxConcurrentReconciles = options.MaxConcurrentReconciles,
        }, loggers);
    }

    /// <summary>The pod's namespace: <c>$POD_NAMESPACE</c>, else the service account mount, else null (outside a cluster).</summary>
    public static string? PodNamespace()
    {
        if (Environment.GetEnvironmentVariable("POD_NAMESPACE") is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }

        try
        {
            return File.Exists(ServiceAccountNamespaceFile) ? File.ReadAllText(ServiceAccountNamespaceFile).Trim() : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
