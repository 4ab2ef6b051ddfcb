using Keel.Model.Rendering;
using Keel.Runtime.Logging;
using Microsoft.Extensions.Logging;

namespace Keel.Cli.Commands;

/// <summary>The parsed flags of <c>modelservice run</c>.</summary>
internal sealed record RunOptions
{
    /// <summary>The Lease name (and the operator's name in Events and logs).</summary>
    public const string DefaultLeaseName = "modelservice-operator";

    public string? Kubeconfig { get; init; }

    /// <summary>Watch only this namespace (null: every namespace).</summary>
    public string? Namespace { get; init; }

    /// <summary>Null: the default for the mode (on against a real cluster, off in embedded mode).</summary>
    public bool? LeaderElect { get; init; }

    public string? LeaderElectionNamespace { get; init; }

    public string LeaderElectionId { get; init; } = DefaultLeaseName;

    /// <summary>Null: the default for the mode (<c>:8080</c> against a cluster, <c>127.0.0.1:0</c> embedded).</summary>
    public string? MetricsBindAddress { get; init; }

    /// <summary>Null: the default for the mode (<c>:8081</c> against a cluster, <c>127.0.0.1:0</c> embedded).</summary>
    public string? HealthProbeBindAddress { get; init; }

    public InferencePoolApi PoolApi { get; init; } = InferencePoolApi.V1;

    public string EppClusterRole { get; init; } = RenderSettings.DefaultEppClusterRole;

    public IReadOnlyList<string> PdPullSecrets { get; init; } = [];

    public IReadOnlyList<string> EppPullSecrets { get; init; } = [];

    public IReadOnlyList<string> PresetNamespaces { get; init; } = [];

    /// <summary>The operator's own namespace (trusted for presets); null: the pod's namespace when in a cluster.</summary>
    public string? OperatorNamespace { get; init; }

    public int MaxConcurrentReconciles { get; init; } = 4;

    /// <summary>Null: the default for the mode (information against a cluster, warning embedded, where the summary speaks).</summary>
    public LogLevel? LogLevel { get; init; }

    public LogFormat LogFormat { get; init; } = LogFormat.Console;

    public TimeSpan GracefulShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool Embedded { get; init; }

    /// <summary>Embedded: print the summary and exit instead of serving.</summary>
    public bool Once { get; init; }

    /// <summary>Embedded: where to write the kubeconfig for kubectl (null: a file in the temp folder).</summary>
    public string? KubeconfigOut { get; init; }

    /// <summary>Embedded: the samples folder (null: <c>samples/</c> of the repository this runs from).</summary>
    public string? Samples { get; init; }

    /// <summary>Embedded: how long to wait for the samples to become Ready before printing.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(90);
}
