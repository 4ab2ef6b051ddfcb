using Keel.Model.Presets;
using Keel.Model.Rendering;

namespace Keel.Operator;

/// <summary>
/// The settings of the ModelService operator (the <c>modelservice run</c> flags that shape what it writes). The
/// manager-level settings (kubeconfig, leader election, endpoints, watched namespace) live in the runtime's
/// <c>ManagerOptions</c>.
/// </summary>
public sealed record ModelServiceOperatorOptions
{
    /// <summary>The field manager of every server-side apply the operator sends (also its Events' reporting component).</summary>
    public const string FieldManager = ChildLabels.ManagedByValue;

    /// <summary>
    /// The second field manager of the decoupleScaling hand-over (spec 5.6): it keeps <c>spec.replicas</c> of a new
    /// Deployment once the operator's own manager lets go of it, until an autoscaler takes the field over.
    /// </summary>
    public const string InitialReplicasFieldManager = ChildLabels.ManagedByValue + "-initial-replicas";

    /// <summary>The InferencePool API written (<c>--pool-api</c>).</summary>
    public InferencePoolApi PoolApi { get; init; } = InferencePoolApi.V1;

    /// <summary>The ClusterRole the endpoint picker's RoleBinding grants (<c>--epp-cluster-role</c>).</summary>
    public string EppClusterRole { get; init; } = RenderSettings.DefaultEppClusterRole;

    /// <summary>Image pull secrets of the prefill/decode ServiceAccount (<c>--pd-pull-secrets</c>).</summary>
    public IReadOnlyList<string> WorkloadPullSecrets { get; init; } = [];

    /// <summary>Image pull secrets of the endpoint picker's ServiceAccount (<c>--epp-pull-secrets</c>).</summary>
    public IReadOnlyList<string> EppPullSecrets { get; init; } = [];

    /// <summary>The operator's own namespace: its presets may always be used from other namespaces (spec 2.2).</summary>
    public string? OperatorNamespace { get; init; }

    /// <summary>Further namespaces whose presets any ModelService may use (<c>--preset-namespaces</c>).</summary>
    public IReadOnlyList<string> PresetNamespaces { get; init; } = [];

    /// <summary>Keys reconciled at once (<c>--max-concurrent-reconciles</c>); never the same ModelService twice.</summary>
    public int MaxConcurrentReconciles { get; init; } = 4;

    /// <summary>
    /// How often the operator asks the API server's discovery which optional APIs (InferencePool, InferenceObjective,
    /// InferenceModel, HTTPRoute) are served, so that a CRD installed later is picked up without a restart.
    /// </summary>
    public TimeSpan ApiDiscoveryInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A ModelService whose input is invalid (bad template, missing preset...) is retried when something it depends on
    /// changes, and otherwise after this long (spec 6).
    /// </summary>
    public TimeSpan InvalidInputRetry { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>The render settings these options stand for.</summary>
    public RenderSettings ToRenderSettings() => new()
    {
        PoolApi = PoolApi,
        EppClusterRole = EppClusterRole,
        WorkloadPullSecrets = WorkloadPullSecrets,
        EppPullSecrets = EppPullSecrets,
        PresetTrust = new PresetTrust { OperatorNamespace = OperatorNamespace, PresetNamespaces = PresetNamespaces },
    };
}
