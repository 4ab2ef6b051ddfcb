namespace Keel.Model.Rendering;

/// <summary>Names of the operator's own rules, as provenance reports them.</summary>
public static class OperatorRules
{
    /// <summary>Spec 5.3: names, namespaces, labels, selectors, service accounts, owner references, apiVersion/kind.</summary>
    public const string Forced = "Forced";

    /// <summary>Spec 5.4: the model-storage volume, mounts and environment.</summary>
    public const string ModelArtifacts = "ModelArtifacts";

    /// <summary>Spec 5.5: accelerator count and parallelism flags.</summary>
    public const string Parallelism = "Parallelism";

    /// <summary>Spec 4.1: the accelerator requirement ANDed into every required node-selector term.</summary>
    public const string AcceleratorTypes = "AcceleratorTypes";

    /// <summary>Spec 5.3: routing.gatewayRefs merged into the HTTPRoute's parentRefs.</summary>
    public const string GatewayRefs = "GatewayRefs";

    /// <summary>Spec 5.3: the HTTPRoute backendRef to the InferencePool.</summary>
    public const string PoolBackend = "PoolBackend";

    /// <summary>Spec 4.2, 4.3: a legacy part converted to the API the operator writes.</summary>
    public const string ApiConversion = "ApiConversion";

    /// <summary>Operator settings (pull secrets, the EPP ClusterRole).</summary>
    public const string Settings = "Settings";
}
