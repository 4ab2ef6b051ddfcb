using System.Text.Json.Nodes;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;
using LegacyInferencePool = Keel.Model.Upstream.InferenceX.V1Alpha2.InferencePool;

namespace Keel.Model.Presets;

/// <summary>
/// Which InferencePool API a preset's <c>inferencePool</c> part is written for (spec 4.2). The part's apiVersion
/// decides when it names one of the two pool APIs (the one place a preset's apiVersion is read rather than
/// ignored); otherwise its shape does: <c>targetPortNumber</c>, <c>extensionRef</c> or a plain-map <c>selector</c>
/// mean the legacy v1alpha2.
/// </summary>
internal static class InferencePoolVersion
{
    public static bool IsLegacy(JsonObject part)
    {
        var apiVersion = (part["apiVersion"] as JsonValue)?.TryGetValue<string>(out var text) == true ? text : null;
        if (string.Equals(apiVersion, LegacyInferencePool.KubeGroup + "/" + LegacyInferencePool.KubeApiVersion, StringComparison.Ordinal))
        {
            return true;
        }

        if (string.Equals(apiVersion, InferencePool.KubeGroup + "/" + InferencePool.KubeApiVersion, StringComparison.Ordinal))
        {
            return false;
        }

        if (part["spec"] is not JsonObject spec)
        {
            return false;
        }

        if (spec.ContainsKey("targetPortNumber") || spec.ContainsKey("extensionRef"))
        {
            return true;
        }

        return spec["selector"] is JsonObject selector
            && selector.Count > 0
            && !selector.ContainsKey("matchLabels")
            && !selector.ContainsKey("matchExpressions");
    }
}
