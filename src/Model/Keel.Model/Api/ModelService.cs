using k8s;
using k8s.Models;
using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>
/// ModelService serves one base model for LLM inference: it provisions the prefill and decode
/// vLLM workloads, the endpoint picker, the Gateway API Inference Extension objects and an
/// HTTPRoute, from a preset (a BaseConfig or a legacy ConfigMap) merged with this spec.
/// </summary>
[CustomResource(LlmdApi.Group, LlmdApi.Version, KubeKind, Plural = KubePluralName, ShortNames = ["msvc"])]
[StatusSubresource]
[PrinterColumn("Decouple Scaling", PrinterColumnType.Boolean, ".spec.decoupleScaling")]
[PrinterColumn("Prefill READY", PrinterColumnType.String, ".status.prefillReady")]
[PrinterColumn("Prefill AVAIL", PrinterColumnType.Integer, ".status.prefillAvailable")]
[PrinterColumn("Decode READY", PrinterColumnType.String, ".status.decodeReady")]
[PrinterColumn("Decode AVAIL", PrinterColumnType.Integer, ".status.decodeAvailable")]
[PrinterColumn("Ready", PrinterColumnType.String, ".status.conditions[?(@.type==\"Ready\")].status",
    Description = "The status of the aggregate Ready condition")]
[PrinterColumn("Age", PrinterColumnType.Date, ".metadata.creationTimestamp")]
[KubernetesEntity(Group = KubeGroup, ApiVersion = KubeApiVersion, Kind = KubeKind, PluralName = KubePluralName)]
public sealed partial class ModelService : IKubernetesObject<V1ObjectMeta>, ISpec<ModelServiceSpec>, IStatus<ModelServiceStatus?>
{
    /// <summary>The API group, <c>llm-d.ai</c>.</summary>
    public const string KubeGroup = LlmdApi.Group;

    /// <summary>The version, <c>v1alpha1</c>.</summary>
    public const string KubeApiVersion = LlmdApi.Version;

    /// <summary>The kind, <c>ModelService</c>.</summary>
    public const string KubeKind = "ModelService";

    /// <summary>The resource (plural) name.</summary>
    public const string KubePluralName = "modelservices";

    /// <summary>APIVersion defines the versioned schema of this representation of an object.</summary>
    public string ApiVersion { get; set; } = LlmdApi.GroupVersion;

    /// <summary>Kind is a string value representing the REST resource this object represents.</summary>
    public string Kind { get; set; } = KubeKind;

    /// <summary>Standard object metadata.</summary>
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>The desired state: the model, how it is routed and how its workloads differ from the preset.</summary>
    public required ModelServiceSpec Spec { get; set; }

    /// <summary>The observed state, written by the operator.</summary>
    public ModelServiceStatus? Status { get; set; }
}
