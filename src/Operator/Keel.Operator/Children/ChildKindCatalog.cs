using k8s.Models;
using Keel.Model.Rendering;
using Keel.Runtime.Cache;
using HttpRoute = Keel.Model.Upstream.Gateway.V1.HTTPRoute;
using InferenceModel = Keel.Model.Upstream.InferenceX.V1Alpha2.InferenceModel;
using InferenceObjective = Keel.Model.Upstream.Llmd.V1Alpha2.InferenceObjective;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;
using LegacyInferencePool = Keel.Model.Upstream.InferenceX.V1Alpha2.InferencePool;

namespace Keel.Operator.Children;

/// <summary>
/// Every kind a ModelService may own. The built-in kinds are always served; the Gateway API Inference Extension and
/// Gateway API kinds come from CRDs a cluster may lack, so they are optional: watched once discovery finds them, and
/// reported on the ModelServices that need them while they are missing. Both InferencePool APIs are tracked whatever
/// <c>--pool-api</c> says, so that children written under the other setting are still pruned.
/// </summary>
public sealed class ChildKindCatalog
{
    public ChildKindCatalog(InformerCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
#pragma warning disable CS8631 // The imported upstream types declare nullable metadata (IKubernetesObject<V1ObjectMeta?>); at run time it is the same interface.
        All =
        [
            new ChildKind<V1ServiceAccount>(cache, optional: false),
            new ChildKind<V1ConfigMap>(cache, optional: false),
            new ChildKind<V1RoleBinding>(cache, optional: false),
            new ChildKind<V1Service>(cache, optional: false),
            new DeploymentChildKind(cache),
            new ChildKind<InferencePool>(cache, optional: true),
            new ChildKind<LegacyInferencePool>(cache, optional: true),
            new ChildKind<InferenceObjective>(cache, optional: true),
            new ChildKind<InferenceModel>(cache, optional: true),
            new ChildKind<HttpRoute>(cache, optional: true),
        ];
#pragma warning restore CS8631
    }

    public IReadOnlyList<ChildKind> All { get; }

    public IEnumerable<ChildKind> Optional => All.Where(k => k.IsOptional);

    /// <summary>The kind of <paramref name="child"/>; a render that produced a kind the operator does not know is a defect.</summary>
    public ChildKind For(RenderedChild child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return All.FirstOrDefault(k => k.Matches(child))
            ?? throw new InvalidOperationException($"The render produced {child.Kind} ({child.ApiVersion}), a kind the controller does not manage.");
    }

    /// <summary>The kind whose C# type is <typeparamref name="T"/>.</summary>
    public ChildKind Of<T>()
    {
        var resource = Keel.Runtime.Resources.ResourceRegistry.Get<T>();
        return All.First(k => k.Resource == resource);
    }

    /// <summary>The kind with this apiVersion and kind, or null.</summary>
    public ChildKind? Find(string apiVersion, string kind) =>
        All.FirstOrDefault(k => k.Resource.ApiVersion == apiVersion && k.Resource.Kind == kind);
}
