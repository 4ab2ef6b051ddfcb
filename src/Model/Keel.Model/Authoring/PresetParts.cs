using k8s.Models;
using Keel.Model.Upstream.Gateway.V1;
using Keel.Model.Upstream.Inference.V1;
using Keel.Model.Upstream.Llmd.V1Alpha2;

namespace Keel.Model.Authoring;

/// <summary>
/// The parts of a preset as Kubernetes model objects: the typed counterpart of a BaseConfig's spec. Each part is a
/// partial object; leave out what the operator sets (names, namespaces, its labels and selectors, owner references).
/// Integer fields take templates through <see cref="Template"/>.
/// </summary>
public sealed class PresetParts
{
    /// <summary>ConfigMaps created as written (after rendering), for example the endpoint picker's plugin configuration.</summary>
    public IList<V1ConfigMap> ConfigMaps { get; } = new List<V1ConfigMap>();

    /// <summary>The decode Deployment.</summary>
    public V1Deployment? DecodeDeployment { get; set; }

    /// <summary>The prefill Deployment (used when the ModelService sets spec.prefill).</summary>
    public V1Deployment? PrefillDeployment { get; set; }

    /// <summary>The endpoint picker Deployment: its presence creates the EPP, its ServiceAccount and RoleBinding.</summary>
    public V1Deployment? EppDeployment { get; set; }

    public V1Service? DecodeService { get; set; }

    public V1Service? PrefillService { get; set; }

    public V1Service? EppService { get; set; }

    public HTTPRoute? HttpRoute { get; set; }

    /// <summary>The InferencePool (inference.networking.k8s.io/v1).</summary>
    public InferencePool? InferencePool { get; set; }

    public InferenceObjective? InferenceObjective { get; set; }

    /// <summary>
    /// Parts written as raw template text, keyed by part name (<c>decodeDeployment</c>...), for templates that produce
    /// structure (<c>{{ if }}</c> around fields, <c>toYaml</c> blocks). A part is either typed or here, not both.
    /// </summary>
    public IDictionary<string, string> Templates { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
