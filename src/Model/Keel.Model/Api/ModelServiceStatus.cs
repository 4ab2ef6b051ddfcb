using k8s.Models;
using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>
/// The observed state of a ModelService. A child reference is set only while that child exists.
/// The ready strings read <c>"&lt;readyReplicas&gt;/&lt;replicas&gt;"</c>, for example <c>"0/1"</c>.
/// </summary>
public sealed partial class ModelServiceStatus
{
    /// <summary>The generation of the spec this status describes.</summary>
    public long? ObservedGeneration { get; set; }

    /// <summary>Name of the prefill Deployment, while it exists.</summary>
    public string? PrefillDeploymentRef { get; set; }

    /// <summary>Name of the decode Deployment, while it exists.</summary>
    public string? DecodeDeploymentRef { get; set; }

    /// <summary>Name of the endpoint picker Deployment, while it exists.</summary>
    public string? EppDeploymentRef { get; set; }

    /// <summary>Name of the HTTPRoute, while it exists.</summary>
    public string? HttpRouteRef { get; set; }

    /// <summary>Name of the legacy InferenceModel (v1alpha2 pool mode), while it exists.</summary>
    public string? InferenceModelRef { get; set; }

    /// <summary>Name of the InferenceObjective, while it exists.</summary>
    public string? InferenceObjectiveRef { get; set; }

    /// <summary>Name of the InferencePool, while it exists.</summary>
    public string? InferencePoolRef { get; set; }

    /// <summary>Name of the ServiceAccount of the prefill pods, while it exists.</summary>
    public string? PrefillServiceAccountRef { get; set; }

    /// <summary>Name of the ServiceAccount of the decode pods, while it exists.</summary>
    public string? DecodeServiceAccountRef { get; set; }

    /// <summary>Name of the endpoint picker's RoleBinding, while it exists.</summary>
    public string? EppRoleBinding { get; set; }

    /// <summary>Names of the ConfigMaps created from the preset's configMaps part.</summary>
    [ListType(ListTopology.Atomic)]
    public IList<string>? ConfigMapNames { get; set; }

    /// <summary>Ready prefill pods over desired, for example <c>"1/2"</c>.</summary>
    public string? PrefillReady { get; set; }

    /// <summary>Available prefill pods.</summary>
    public int? PrefillAvailable { get; set; }

    /// <summary>Ready decode pods over desired, for example <c>"1/2"</c>.</summary>
    public string? DecodeReady { get; set; }

    /// <summary>Available decode pods.</summary>
    public int? DecodeAvailable { get; set; }

    /// <summary>Ready endpoint picker pods over desired.</summary>
    public string? EppReady { get; set; }

    /// <summary>Available endpoint picker pods.</summary>
    public int? EppAvailable { get; set; }

    /// <summary>The presets merged into the children, in merge order, with the version of each that was used.</summary>
    [ListType(ListTopology.Atomic)]
    public IList<AppliedConfig>? AppliedConfigs { get; set; }

    /// <summary>
    /// Conditions: the aggregate <c>Ready</c>, the per-part <c>PresetsResolved</c>, <c>Rendered</c>,
    /// <c>WorkloadsReady</c>, <c>RoutingReady</c>, warnings such as <c>DeprecatedPreset</c>, and the mirrored
    /// Deployment conditions prefixed <c>Prefill</c>, <c>Decode</c> or <c>Epp</c>.
    /// </summary>
    [ListType(ListTopology.Map)]
    [ListMapKey("type")]
    public IList<V1Condition>? Conditions { get; set; }
}
