namespace Keel.Model.Rendering;

/// <summary>What a child is for. The enum order is the apply order.</summary>
public enum ChildRole
{
    /// <summary>The ServiceAccount of the prefill and decode pods (<c>&lt;ms&gt;-sa</c>).</summary>
    WorkloadServiceAccount,

    /// <summary>The endpoint picker's ServiceAccount (<c>&lt;ms&gt;-epp-sa</c>).</summary>
    EppServiceAccount,

    /// <summary>A ConfigMap from the preset's <c>configMaps</c> part.</summary>
    PresetConfigMap,

    /// <summary>The RoleBinding granting the endpoint picker its ClusterRole.</summary>
    EppRoleBinding,

    DecodeService,

    PrefillService,

    EppService,

    DecodeDeployment,

    PrefillDeployment,

    EppDeployment,

    InferencePool,

    /// <summary>The InferenceObjective (v1 mode).</summary>
    InferenceObjective,

    /// <summary>The legacy InferenceModel (v1alpha2 mode).</summary>
    InferenceModel,

    HttpRoute,
}
