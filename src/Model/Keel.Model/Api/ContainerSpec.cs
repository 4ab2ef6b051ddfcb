using k8s.Models;
using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>
/// The part of a container a ModelService may set. Everything else (ports, probes, volume mounts,
/// security context...) comes from the preset.
/// </summary>
public sealed partial class ContainerSpec
{
    /// <summary>Name of the container: it selects the preset container this one merges onto (or adds a new one).</summary>
    [MinLength(1)]
    public required string Name { get; set; }

    /// <summary>Container image; replaces the preset's when set.</summary>
    public string? Image { get; set; }

    /// <summary>Entrypoint array; a non-empty command replaces the preset's command as a whole.</summary>
    [ListType(ListTopology.Atomic)]
    [AtomicReplace(EmptyMeansUnset = true)]
    public IList<string>? Command { get; set; }

    /// <summary>
    /// Arguments; templates (<c>{{ .HFModelName }}</c>) are rendered, then these items come first and the preset's
    /// args follow, so the model argument leads.
    /// </summary>
    [ListType(ListTopology.Atomic)]
    [Prepend]
    public IList<string>? Args { get; set; }

    /// <summary>Environment variables merged by name onto the preset's (setting value clears a preset valueFrom and vice versa).</summary>
    [ListType(ListTopology.Map)]
    [ListMapKey("name")]
    public IList<V1EnvVar>? Env { get; set; }

    /// <summary>Sources of environment variables (ConfigMaps, Secrets); replaces the preset's list when set.</summary>
    [ListType(ListTopology.Atomic)]
    public IList<V1EnvFromSource>? EnvFrom { get; set; }

    /// <summary>Compute resources, merged per resource name onto the preset's requests and limits.</summary>
    public V1ResourceRequirements? Resources { get; set; }

    /// <summary>
    /// Mount the model volume (<c>model-storage</c>) at <c>/model-cache</c> in this container and add the
    /// model's environment (HF_HOME, HF_TOKEN for hf:// URIs).
    /// </summary>
    public bool? MountModelVolume { get; set; }
}
