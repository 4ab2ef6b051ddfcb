using k8s.Models;

namespace Keel.Model.Rendering;

/// <summary>
/// Checks on merged children for mistakes the API server would reject anyway, reported before anything is written
/// with a message that says which layer to fix.
/// </summary>
internal static class ChildChecks
{
    /// <summary>A pod needs at least one container, and every container an image.</summary>
    public static void PodHasRunnableContainers(RenderContext context, V1PodSpec? pod, string what, string specPath)
    {
        if (pod?.Containers is not { Count: > 0 } containers)
        {
            context.Diagnostics.Error(
                RenderReasons.InvalidChild,
                $"{what} has no containers: give them in the preset or in {specPath}.containers",
                specPath + ".containers");
            return;
        }

        foreach (var container in containers.Concat(pod.InitContainers ?? []))
        {
            if (string.IsNullOrEmpty(container.Image))
            {
                context.Diagnostics.Error(
                    RenderReasons.InvalidChild,
                    $"{what}: container \"{container.Name}\" has no image: set it in the preset or in {specPath}.containers[].image",
                    specPath + ".containers");
            }
        }
    }
}
