using Keel.Model.Presets;

namespace Keel.Model.Rendering;

/// <summary>Which InferencePool API the operator writes (spec 4.2).</summary>
public enum InferencePoolApi
{
    /// <summary><c>inference.networking.k8s.io/v1</c> with an InferenceObjective (the default).</summary>
    V1,

    /// <summary>The legacy <c>inference.networking.x-k8s.io/v1alpha2</c> with an InferenceModel, for gateways on the old API.</summary>
    V1Alpha2,
}

/// <summary>The operator settings that shape a render (the same flags for the operator and the render command).</summary>
public sealed record RenderSettings
{
    /// <summary>
    /// The ClusterRole name the render command uses when none is given, and the name the installation manifests give
    /// the endpoint picker's ClusterRole (docs/user-guide/render.md lists its rules).
    /// </summary>
    public const string DefaultEppClusterRole = "modelservice-epp";

    public static RenderSettings Default { get; } = new();

    /// <summary>The InferencePool API to write.</summary>
    public InferencePoolApi PoolApi { get; init; } = InferencePoolApi.V1;

    /// <summary>
    /// The ClusterRole the endpoint picker's RoleBinding grants (required when a preset has an endpoint picker:
    /// the render fails with <see cref="RenderReasons.MissingSetting"/> without it).
    /// </summary>
    public string? EppClusterRole { get; init; }

    /// <summary>Image pull secrets of the workload ServiceAccount (prefill and decode pods).</summary>
    public IReadOnlyList<string> WorkloadPullSecrets { get; init; } = [];

    /// <summary>Image pull secrets of the endpoint picker's ServiceAccount.</summary>
    public IReadOnlyList<string> EppPullSecrets { get; init; } = [];

    /// <summary>Which namespaces' presets may be used across namespaces (spec 2.2).</summary>
    public PresetTrust PresetTrust { get; init; } = PresetTrust.SameNamespaceOnly;
}
