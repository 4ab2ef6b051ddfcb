namespace Keel.Model.Api;

/// <summary>Condition types a ModelService reports in <c>status.conditions</c>.</summary>
public static class ModelServiceConditions
{
    /// <summary>Aggregate: every part below is satisfied and the workloads are ready.</summary>
    public const string Ready = "Ready";

    /// <summary>The referenced preset was found, allowed and read.</summary>
    public const string PresetsResolved = "PresetsResolved";

    /// <summary>Templates rendered and the children merged without error.</summary>
    public const string Rendered = "Rendered";

    /// <summary>The prefill, decode and endpoint picker Deployments are available.</summary>
    public const string WorkloadsReady = "WorkloadsReady";

    /// <summary>The InferencePool and HTTPRoute exist (and, where reported, are accepted by the gateway).</summary>
    public const string RoutingReady = "RoutingReady";

    /// <summary>Warning: the ModelService still uses a ConfigMap preset; the message names the migrate command.</summary>
    public const string DeprecatedPreset = "DeprecatedPreset";

    /// <summary>Another, older ModelService in the namespace claims the same model name for the same pool.</summary>
    public const string ModelNameConflict = "ModelNameConflict";

    /// <summary>Prefix of the decode Deployment's mirrored conditions (DecodeAvailable, DecodeProgressing...).</summary>
    public const string DecodePrefix = "Decode";

    /// <summary>Prefix of the prefill Deployment's mirrored conditions.</summary>
    public const string PrefillPrefix = "Prefill";

    /// <summary>Prefix of the endpoint picker Deployment's mirrored conditions.</summary>
    public const string EppPrefix = "Epp";
}
