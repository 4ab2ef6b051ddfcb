using k8s.Models;

namespace Keel.Model.Rendering;

/// <summary>
/// Builds the ModelService's overlay objects without empty shells: a part the ModelService does not set stays null,
/// so merging it changes nothing and the child gets no empty <c>spec: {}</c> the operator would then own.
/// </summary>
internal static class Overlays
{
    public static V1Deployment? Deployment(int? replicas, V1PodTemplateSpec? template) =>
        replicas is null && template is null ? null : new V1Deployment { Spec = new V1DeploymentSpec { Replicas = replicas, Template = template } };

    public static V1PodTemplateSpec? PodTemplate(IDictionary<string, string>? labels, V1PodSpec? spec) =>
        labels is null && spec is null ? null : new V1PodTemplateSpec { Metadata = labels is null ? null : new V1ObjectMeta { Labels = labels }, Spec = spec };

    public static V1PodSpec? PodSpec(IList<V1Container>? containers, IList<V1Container>? initContainers) =>
        containers is null && initContainers is null ? null : new V1PodSpec { Containers = containers, InitContainers = initContainers };
}
