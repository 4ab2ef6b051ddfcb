using k8s.Models;

namespace Keel.Model.Rendering;

/// <summary>
/// The preset's <c>configMaps</c>, created as they are after rendering (spec 2.1) with the operator's namespace,
/// labels and owner reference. Children live in the ModelService's namespace: a namespace a preset ConfigMap names is
/// replaced (with a warning), so a preset cannot make the operator write into another namespace.
/// </summary>
internal static class ConfigMapChildren
{
    public static IEnumerable<ChildDraft> Build(RenderContext context)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var configMaps = context.Preset.ConfigMaps ?? [];
        for (var i = 0; i < configMaps.Count; i++)
        {
            var preset = configMaps[i];
            var name = preset.Metadata?.Name;
            var where = $"preset:configMaps[{i}]";
            if (string.IsNullOrEmpty(name))
            {
                context.Diagnostics.Error(RenderReasons.InvalidChild, $"the preset's configMaps[{i}] has no metadata.name", where);
                continue;
            }

            if (!seen.Add(name))
            {
                context.Diagnostics.Error(RenderReasons.InvalidChild, $"the preset's configMaps name \"{name}\" twice", where);
                continue;
            }

            if (preset.Metadata?.NamespaceProperty is { Length: > 0 } ns && !string.Equals(ns, context.Namespace, StringComparison.Ordinal))
            {
                context.Diagnostics.Warning(
                    RenderReasons.Ignored,
                    $"the preset's ConfigMap {name} names namespace {ns}; it is created in the ModelService's namespace {context.Namespace}",
                    where + ".metadata.namespace");
            }

            var recorder = context.NewRecorder();
            var overlay = new V1ConfigMap { Metadata = context.ForcedMetadata(name) };
            var configMap = OperatorOverlay.Merge(recorder, preset, overlay, "v1", "ConfigMap");
            yield return new ChildDraft(ChildRole.PresetConfigMap, configMap, configMap.Metadata, configMap.ApiVersion, configMap.Kind, recorder);
        }
    }
}
