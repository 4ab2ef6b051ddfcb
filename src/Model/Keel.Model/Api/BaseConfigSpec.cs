using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Annotations;
using Keel.Model.Upstream.Gateway.V1;
using Keel.Model.Upstream.Inference.V1;
using Keel.Model.Upstream.Llmd.V1Alpha2;

namespace Keel.Model.Api;

/// <summary>
/// The parts of a preset. Each part is a partial object of its kind; the operator forces names, namespaces,
/// labels and owner references. Every string may be a template; where the schema wants an integer or a boolean
/// a template string is accepted too (<c>port: '{{ "http" | getPort }}'</c>) and converted after rendering.
/// </summary>
[CelRule(TemplatesRule.Rule, Message = TemplatesRule.Message)]
public sealed partial class BaseConfigSpec
{
    /// <summary>ConfigMaps created as they are (after rendering), for example the endpoint picker's plugin configuration.</summary>
    [ListType(ListTopology.Atomic)]
    public IList<JsonObject>? ConfigMaps { get; set; }

    /// <summary>The prefill Deployment (apps/v1). Used only when the ModelService sets spec.prefill.</summary>
    [SchemaFrom(typeof(V1Deployment), Templatable = true)]
    public JsonObject? PrefillDeployment { get; set; }

    /// <summary>The decode Deployment (apps/v1).</summary>
    [SchemaFrom(typeof(V1Deployment), Templatable = true)]
    public JsonObject? DecodeDeployment { get; set; }

    /// <summary>The endpoint picker Deployment (apps/v1); its presence creates the EPP, its ServiceAccount and RoleBinding.</summary>
    [SchemaFrom(typeof(V1Deployment), Templatable = true)]
    public JsonObject? EppDeployment { get; set; }

    /// <summary>The prefill Service (core/v1), created when the prefill Deployment exists.</summary>
    [SchemaFrom(typeof(V1Service), Templatable = true)]
    public JsonObject? PrefillService { get; set; }

    /// <summary>The decode Service (core/v1), created when the decode Deployment exists.</summary>
    [SchemaFrom(typeof(V1Service), Templatable = true)]
    public JsonObject? DecodeService { get; set; }

    /// <summary>The endpoint picker Service (core/v1), created when the EPP Deployment exists.</summary>
    [SchemaFrom(typeof(V1Service), Templatable = true)]
    public JsonObject? EppService { get; set; }

    /// <summary>The HTTPRoute (gateway.networking.k8s.io/v1); ModelService gatewayRefs are merged into its parentRefs.</summary>
    [SchemaFrom(typeof(HTTPRoute), Templatable = true)]
    public JsonObject? HttpRoute { get; set; }

    /// <summary>The InferencePool (inference.networking.k8s.io/v1).</summary>
    [SchemaFrom(typeof(InferencePool), Templatable = true)]
    public JsonObject? InferencePool { get; set; }

    /// <summary>The InferenceObjective (llm-d.ai/v1alpha2): the priority of this model's requests.</summary>
    [SchemaFrom(typeof(InferenceObjective), Templatable = true)]
    public JsonObject? InferenceObjective { get; set; }

    /// <summary>
    /// Parts written as raw template text, keyed by part name (the keys of the ConfigMap preset, the legacy
    /// <c>inferenceModel</c> included), for templates that produce structure rather than a single value
    /// (<c>{{ toYaml .X | nindent 4 }}</c>, <c>{{ if }}</c> around fields). The rendered text is read as YAML of that
    /// part's kind, exactly as a ConfigMap preset's value. A part is given either here or as a typed field, not both.
    /// </summary>
    [MapType(MapTopology.Granular)]
    public IDictionary<string, string>? Templates { get; set; }
}
