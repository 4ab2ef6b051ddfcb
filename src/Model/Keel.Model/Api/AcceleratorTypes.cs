using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>The set of accelerators a workload may be scheduled on, as a node label and its accepted values.</summary>
public sealed partial class AcceleratorTypes
{
    /// <summary>The node label that names the accelerator type, for example <c>nvidia.com/gpu.product</c>. Must not be empty.</summary>
    [MinLength(1)]
    public required string LabelKey { get; set; }

    /// <summary>Label values that qualify, for example <c>[NVIDIA-A100-SXM4-80GB, NVIDIA-H100-80GB-HBM3]</c>; at least one.</summary>
    [MinItems(1)]
    [ListType(ListTopology.Atomic)]
    public required IList<string> LabelValues { get; set; }
}
