using Keel.Model.Upstream.Gateway.V1;
using Keel.Model.Upstream.Llmd.V1Alpha2;
using InferenceModel = Keel.Model.Upstream.InferenceX.V1Alpha2.InferenceModel;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;
using LegacyInferencePool = Keel.Model.Upstream.InferenceX.V1Alpha2.InferencePool;

namespace Keel.Model.Rendering;

/// <summary>
/// The kinds a render can produce, for the controller's watches (<c>Owns</c>) and for pruning children that are no longer
/// desired: list each kind in the ModelService's namespace with <see cref="ChildLabels.SelectorFor"/> and delete the ones
/// the render did not return. The kinds of both pool APIs are listed, so switching the setting prunes the old objects.
/// </summary>
public static class ChildKinds
{
    /// <summary>(apiVersion, kind) of every child the render can produce, in apply order.</summary>
    public static IReadOnlyList<(string ApiVersion, string Kind)> All { get; } =
    [
        ("v1", "ServiceAccount"),
        ("v1", "ConfigMap"),
        ("rbac.authorization.k8s.io/v1", "RoleBinding"),
        ("v1", "Service"),
        ("apps/v1", "Deployment"),
        (InferencePool.KubeGroup + "/" + InferencePool.KubeApiVersion, InferencePool.KubeKind),
        (LegacyInferencePool.KubeGroup + "/" + LegacyInferencePool.KubeApiVersion, LegacyInferencePool.KubeKind),
        (InferenceObjective.KubeGroup + "/" + InferenceObjective.KubeApiVersion, InferenceObjective.KubeKind),
        (InferenceModel.KubeGroup + "/" + InferenceModel.KubeApiVersion, InferenceModel.KubeKind),
        (HTTPRoute.KubeGroup + "/" + HTTPRoute.KubeApiVersion, HTTPRoute.KubeKind),
    ];
}
