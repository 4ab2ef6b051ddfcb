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
[CelRule("!has(self.templates) || !has(self.templates.configMaps) || !has(self.configMaps)",
    Message = "configMaps is given both as a typed part and under templates: keep one", FieldPath = ".templates.configMaps")]
[CelRule("!has(self.templates) || !has(self.templates.prefillDeployment) || !has(self.prefillDeployment)",
    Message = "prefillDeployment is given both as a typed part and under templates: keep one", FieldPath = ".templates.prefillDeployment")]
[CelRule("!has(self.templates) || !has(self.templates.decodeDeployment) || !has(self.decodeDeployment)",
    Message = "decodeDeployment is given both as a typed part and under templates: keep one", FieldPath = ".templates.decodeDeployment")]
[CelRule("!has(self.templates) || !has(self.templates.eppDeployment) || !has(self.eppDeployment)",
    Message = "eppDeployment is given both as a typed part and under templates: keep one", FieldPath = ".templates.eppDeployment")]
[CelRule("!has(self.templates) || !has(self.templates.prefillService) || !has(self.prefillService)",
    Message = "prefillService is given both as a typed part and under templates: keep one", FieldPath = ".templates.prefillService")]
[CelRule("!has(self.templates) || !has(self.templates.decodeService) || !has(self.decodeService)",
    Message = "decodeService is given both as a typed part and under templates: keep one", FieldPath = ".templates.decodeService")]
[CelRule("!has(self.templates) || !has(self.templates.eppService) || !has(self.eppService)",
    Message = "eppService is given both as a typed part and under templates: keep one", FieldPath = ".templates.eppService")]
[CelRule("!has(self.templates) || !has(self.templates.httpRoute) || !has(self.httpRoute)",
    Message = "httpRoute is given both as a typed part and under templates: keep one", FieldPath = ".templates.httpRoute")]
[CelRule("!has(self.templates) || !has(self.templates.inferencePool) || !has(self.inferencePool)",
    Message = "inferencePool is given both as a typed part and under templates: keep one", FieldPath = ".templates.inferencePool")]
[CelRule("!has(self.templates) || !has(self.templates.inferenceObjective) || !has(self.inferenceObjective)",
    Message = "inferenceObjective is given both as a typed part and under templates: keep one", FieldPath = ".templates.inferenceObjective")]
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
    /// Parts written as raw template text, for templates that produce structure rather than a single value. A part is
    /// given either here or as a typed field, not both.
    /// </summary>
    public BaseConfigTemplates? Templates { get; set; }
}
