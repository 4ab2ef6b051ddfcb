using k8s.Models;
using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>The desired state of a ModelService.</summary>
[AtMostOneOf("baseConfigMapRef", "baseConfigRef",
    Message = "set at most one preset reference: baseConfigMapRef (a ConfigMap) or baseConfigRef (a BaseConfig)")]
public sealed partial class ModelServiceSpec
{
    /// <summary>
    /// The legacy preset: a ConfigMap whose data values are templates of the child objects.
    /// Its namespace defaults to the ModelService's; other ObjectReference fields are accepted and ignored.
    /// Prefer baseConfigRef (run the migrate command to convert a ConfigMap preset).
    /// </summary>
    [StructType(MapTopology.Atomic)]
    public V1ObjectReference? BaseConfigMapRef { get; set; }

    /// <summary>The preset as a BaseConfig custom resource. Mutually exclusive with baseConfigMapRef.</summary>
    public BaseConfigReference? BaseConfigRef { get; set; }

    /// <summary>How requests reach the model: the model name clients ask for, named ports and gateways.</summary>
    public required Routing Routing { get; set; }

    /// <summary>Where the model weights come from.</summary>
    public required ModelArtifacts ModelArtifacts { get; set; }

    /// <summary>
    /// When true the operator sets the replicas of the prefill and decode workloads only when it creates
    /// them and never afterwards, so an autoscaler (HPA, KEDA) owns them. When false the operator owns replicas.
    /// </summary>
    public bool? DecoupleScaling { get; set; }

    /// <summary>The decode workload: overrides merged onto the preset's decodeDeployment.</summary>
    public PDSpec? Decode { get; set; }

    /// <summary>
    /// The prefill workload: overrides merged onto the preset's prefillDeployment. Its presence enables
    /// prefill/decode disaggregation; without it no prefill workload is created.
    /// </summary>
    public PDSpec? Prefill { get; set; }

    /// <summary>The endpoint picker (EPP): overrides merged onto the preset's eppDeployment.</summary>
    public EndpointPickerSpec? EndpointPicker { get; set; }
}
