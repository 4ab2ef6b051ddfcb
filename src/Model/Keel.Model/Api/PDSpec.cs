using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>A prefill or decode workload: overrides merged onto the preset's Deployment for that role.</summary>
public sealed partial class PDSpec
{
    /// <summary>
    /// Desired number of pods. Defaults to 1 when this section is present; an explicit 0 scales the role to zero.
    /// With decoupleScaling the value is used only when the Deployment is created.
    /// </summary>
    [Minimum(0)]
    [Default("1")]
    [SchemaNullable]
    public int? Replicas { get; set; }

    /// <summary>Containers merged by name onto the preset's containers.</summary>
    [ListType(ListTopology.Map)]
    [ListMapKey("name")]
    public IList<ContainerSpec>? Containers { get; set; }

    /// <summary>Init containers merged by name onto the preset's init containers (native sidecars included).</summary>
    [ListType(ListTopology.Map)]
    [ListMapKey("name")]
    public IList<ContainerSpec>? InitContainers { get; set; }

    /// <summary>vLLM parallelism: sets the accelerator count per pod and the parallelism flags.</summary>
    public Parallelism? Parallelism { get; set; }

    /// <summary>
    /// The accelerators the pods may run on: a node label and the values that qualify. The requirement is added
    /// to every required node-selector term of the preset (AND).
    /// </summary>
    public AcceleratorTypes? AcceleratorTypes { get; set; }
}
