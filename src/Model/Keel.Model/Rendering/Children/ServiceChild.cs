using k8s.Models;
using Keel.Model.Merging;

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
        var trace = recorder.Trace();
        var service = ObjectMerger.Merge(preset, overlay, trace)!;
        recorder.Merged(trace, RenderLayer.Preset, RenderLayer.Operator);
        service.ApiVersion = "v1";
        service.Kind = "Service";
        recorder.Wrote("apiVersion", OperatorRules.Forced);
        recorder.Wrote("kind", OperatorRules.Forced);
        return new ChildDraft(role, service, service.Metadata, service.ApiVersion, service.Kind, recorder);
    }
}
