using k8s.Models;

namespace Keel.Model.Rendering;

/// <summary>A Service child: the preset's Service with name, namespace, labels and selector ∪ the pods' labels forced (spec 5.3).</summary>
internal static class ServiceChild
{
    public static ChildDraft Build(RenderContext context, ChildRole role, V1Service preset, V1ObjectMeta metadata, IReadOnlyDictionary<string, string> podLabels)
    {
        var recorder = context.NewRecorder();
        var overlay = new V1Service
        {
            Metadata = metadata,
            // The selector is an atomic map: the operator writes the union whole.
            Spec = new V1ServiceSpec { Selector = Selectors.Union(preset.Spec?.Selector, podLabels) },
        };
        var service = OperatorOverlay.Merge(recorder, preset, overlay, "v1", "Service");
        return new ChildDraft(role, service, service.Metadata, service.ApiVersion, service.Kind, recorder);
    }
}
