using System.Globalization;
using k8s.Models;
using Keel.Model.Api;

namespace Keel.Model.Rendering;

/// <summary>
/// Spec 5.5 (fix: the original ignored parallelism). On the first container that mounts the model
/// (<c>mountModelVolume: true</c>, in pod order, containers before init containers):
/// <list type="bullet">
/// <item>the accelerator count becomes <c>tensor × dataLocal</c> (dataLocal 1 when unset) in <c>limits</c>, and in
/// <c>requests</c> when the merged container requests that resource, for the accelerator resource the container
/// already asks for (the first of <c>limits</c> then <c>requests</c> that is a known accelerator, see
/// <see cref="IsAccelerator"/>), <c>nvidia.com/gpu</c> when it asks for none — unless the ModelService's own container
/// sets that resource, which then wins;</item>
/// <item><c>--tensor-parallel-size N</c> (tensor &gt; 1), <c>--data-parallel-size N</c> (data &gt; 1) and
/// <c>--data-parallel-size-local N</c> (dataLocal &gt; 1) are appended to its args, each unless the args already carry
/// the flag (<c>--flag</c>, <c>--flag=N</c> or vLLM's short alias <c>-tp</c>, <c>-dp</c>, <c>-dpl</c>).</item>
/// </list>
/// A count of 0 (tensor 0) changes no resources. <c>workers</c> (multi-node serving) is reported as not applied.
/// </summary>
internal static class ParallelismRule
{
    public const string DefaultAccelerator = "nvidia.com/gpu";

    private static readonly string[] KnownAccelerators =
    [
        "nvidia.com/gpu", "amd.com/gpu", "intel.com/gpu", "gpu.intel.com/i915", "gpu.intel.com/xe", "habana.ai/gaudi",
        "google.com/tpu", "aws.amazon.com/neuron", "aws.amazon.com/neuroncore", "aws.amazon.com/neurondevice",
    ];

    /// <summary>Whether a resource name is an accelerator: a known one, or any extended resource ending in <c>/gpu</c>.</summary>
    public static bool IsAccelerator(string resource) =>
        KnownAccelerators.Contains(resource, StringComparer.Ordinal) || resource.EndsWith("/gpu", StringComparison.Ordinal);

    /// <summary>
    /// Applies <paramref name="parallelism"/> to <paramref name="pod"/> (merged and unshared). Returns the provenance
    /// paths it wrote, relative to the pod template (<c>containers[name=vllm].args</c>).
    /// </summary>
    public static IReadOnlyList<string> Apply(
        V1PodSpec pod,
        Parallelism parallelism,
        SectionContainers section,
        IList<ContainerSpec>? modelServiceContainers,
        string rolePath,
        DiagnosticBag diagnostics)
    {
        var written = new List<string>();
        var target = FirstModelContainer(pod, section, out var listName);
        if (target is null)
        {
            diagnostics.Warning(
                RenderReasons.Ignored,
                $"ModelService field {rolePath}.parallelism: no container of {rolePath} mounts the model (mountModelVolume: true), so no container gets the accelerator count and parallelism flags",
                rolePath + ".parallelism");
            return written;
        }

        var containerPath = $"{listName}[name={target.Name}]";
        var tensor = parallelism.Tensor ?? 1;
        var dataLocal = parallelism.DataLocal ?? 1;
        var count = (long)tensor * dataLocal;
        if (count > 0)
        {
            var resource = AcceleratorOf(target) ?? DefaultAccelerator;
            var own = modelServiceContainers?.FirstOrDefault(c => string.Equals(c?.Name, target.Name, StringComparison.Ordinal))?.Resources;
            var setByModelService = (own?.Limits?.ContainsKey(resource) ?? false) || (own?.Requests?.ContainsKey(resource) ?? false);
            if (!setByModelService)
            {
                var quantity = count.ToString(CultureInfo.InvariantCulture);
                target.Resources ??= new V1ResourceRequirements();
                target.Resources.Limits ??= new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal);
                target.Resources.Limits[resource] = new ResourceQuantity(quantity);
                written.Add($"{containerPath}.resources.limits['{resource}']");
                if (target.Resources.Requests?.ContainsKey(resource) == true)
                {
                    target.Resources.Requests[resource] = new ResourceQuantity(quantity);
                    written.Add($"{containerPath}.resources.requests['{resource}']");
                }
            }
        }

        var args = target.Args is null ? new List<string>() : [.. target.Args];
        var added = AddFlag(args, "--tensor-parallel-size", "-tp", parallelism.Tensor)
            | AddFlag(args, "--data-parallel-size", "-dp", parallelism.Data)
            | AddFlag(args, "--data-parallel-size-local", "-dpl", parallelism.DataLocal);
        if (added)
        {
            target.Args = args;
            written.Add(containerPath + ".args");
        }

        if (parallelism.Workers is > 1)
        {
            diagnostics.Warning(
                RenderReasons.Ignored,
                $"ModelService field {rolePath}.parallelism.workers: multi-node serving (a LeaderWorkerSet per replica) is not rendered by this version; each replica is one pod",
                rolePath + ".parallelism.workers");
        }

        return written;
    }

    private static V1Container? FirstModelContainer(V1PodSpec pod, SectionContainers section, out string listName)
    {
        foreach (var container in pod.Containers ?? [])
        {
            if (section.ModelMounts.Contains(container.Name, StringComparer.Ordinal))
            {
                listName = "containers";
                return container;
            }
        }

        foreach (var container in pod.InitContainers ?? [])
        {
            if (section.ModelMounts.Contains(container.Name, StringComparer.Ordinal))
            {
                listName = "initContainers";
                return container;
            }
        }

        listName = string.Empty;
        return null;
    }

    private static string? AcceleratorOf(V1Container container) =>
        container.Resources?.Limits?.Keys.FirstOrDefault(IsAccelerator)
        ?? container.Resources?.Requests?.Keys.FirstOrDefault(IsAccelerator);

    private static bool AddFlag(List<string> args, string flag, string alias, int? value)
    {
        if (value is not > 1 || args.Any(a => Carries(a, flag) || Carries(a, alias)))
        {
            return false;
        }

        args.Add(flag);
        args.Add(value.Value.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    private static bool Carries(string arg, string flag) =>
        string.Equals(arg, flag, StringComparison.Ordinal) || arg.StartsWith(flag + "=", StringComparison.Ordinal);
}
