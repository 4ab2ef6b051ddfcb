using k8s;
using Keel.Model.Merging;

namespace Keel.Model.Rendering;

/// <summary>The last step of every child builder: what the operator forces (spec 5.3), merged and recorded.</summary>
internal static class OperatorOverlay
{
    /// <summary>
    /// Merges the operator's <paramref name="overlay"/> onto what the preset (and the ModelService) made, then forces
    /// <c>apiVersion</c> and <c>kind</c>; each step is recorded for provenance. Neither input is changed.
    /// </summary>
    public static T Merge<T>(ProvenanceRecorder recorder, T @base, T overlay, string apiVersion, string kind)
        where T : class, IKubernetesObject
    {
        var trace = recorder.Trace();
        var merged = MergeCatalog.Merge(@base, overlay, trace)!;
        recorder.Merged(trace, RenderLayer.Preset, RenderLayer.Operator);
        merged.ApiVersion = apiVersion;
        merged.Kind = kind;
        recorder.Wrote("apiVersion", OperatorRules.Forced);
        recorder.Wrote("kind", OperatorRules.Forced);
        return merged;
    }
}
