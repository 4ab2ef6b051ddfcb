using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.Model.Presets;
using Keel.Model.Serialization;
using InferenceModel = Keel.Model.Upstream.InferenceX.V1Alpha2.InferenceModel;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;
using LegacyInferencePool = Keel.Model.Upstream.InferenceX.V1Alpha2.InferencePool;

namespace Keel.Model.Migration.Parts;

/// <summary>
/// Upgrades legacy parts to the current APIs (spec 4.2, 4.3) with the render's own conversions
/// (<see cref="LegacyApiConversion"/>), applied to template text through <see cref="TemplateSentinels"/>: what the
/// operator does to the legacy part on every read, the migration does once, so the BaseConfig says what is used.
/// </summary>
internal static class LegacyUpgrade
{
    public const string LegacyPoolGroup = LegacyInferencePool.KubeGroup;

    public const string PoolGroup = InferencePool.KubeGroup;

    /// <summary>An inference.networking.x-k8s.io/v1alpha2 pool as an inference.networking.k8s.io/v1 pool.</summary>
    public static JsonObject PoolToV1(JsonObject legacy)
    {
        var input = (JsonObject)legacy.DeepClone();
        var sentinels = TemplateSentinels.Apply(input, typeof(LegacyInferencePool));
        var pool = LegacyApiConversion.ToV1(KeelJson.Deserialize<LegacyInferencePool>(input));
        var output = (JsonObject)KeelJson.SerializeToNode(pool)!;
        var lost = sentinels.Restore(output);
        if (lost.Count > 0)
        {
            throw new InvalidOperationException("the pool conversion lost templates: " + string.Join(", ", lost));
        }

        return output;
    }

    /// <summary>
    /// An InferenceModel as the InferenceObjective the operator writes from it in v1 mode, or null when its
    /// criticality is a template (the priority is then known only after rendering).
    /// </summary>
    public static JsonObject? ModelToObjective(JsonObject model, out string? criticality, out int? priority)
    {
        criticality = model["spec"]?["criticality"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        priority = null;
        if (criticality is not null && criticality.Contains("{{", StringComparison.Ordinal))
        {
            return null;
        }

        var input = (JsonObject)model.DeepClone();
        TemplateSentinels.Apply(input, typeof(InferenceModel));
        var objective = LegacyApiConversion.ToObjective(KeelJson.Deserialize<InferenceModel>(input));
        priority = objective.Spec?.Priority;
        return (JsonObject)KeelJson.SerializeToNode(objective)!;
    }

    /// <summary>The fields of an InferenceModel's spec that the objective does not carry, with why.</summary>
    public static IEnumerable<(string Field, string Why)> ModelFieldsLeftOut(JsonObject model)
    {
        if (model["spec"] is not JsonObject spec)
        {
            yield break;
        }

        foreach (var (name, _) in spec)
        {
            switch (name)
            {
                case "criticality":
                    continue;
                case "modelName":
                    yield return (name, "the operator sets the model name from spec.routing.modelName");
                    break;
                case "poolRef":
                    yield return (name, "the operator points the objective at its own InferencePool");
                    break;
                case "targetModels":
                    yield return (name, "no InferenceObjective equivalent: traffic splitting moved to InferenceModelRewrite (the operator drops it in v1 mode too)");
                    break;
                default:
                    yield return (name, "no InferenceObjective equivalent");
                    break;
            }
        }
    }

    /// <summary>
    /// Points the route's backendRefs to this ModelService's pool at the current pool group, as the render does on
    /// every read. Only refs whose name is the <c>{{ .InferencePoolName }}</c> template (the render rewrites refs to
    /// its own pool only). Returns the paths changed.
    /// </summary>
    public static IReadOnlyList<string> RouteBackendsToV1(JsonObject route)
    {
        var changed = new List<string>();
        if (route["spec"]?["rules"] is not JsonArray rules)
        {
            return changed;
        }

        for (var r = 0; r < rules.Count; r++)
        {
            if (rules[r]?["backendRefs"] is not JsonArray backends)
            {
                continue;
            }

            for (var b = 0; b < backends.Count; b++)
            {
                if (backends[b] is JsonObject backend
                    && Text(backend["group"]) == LegacyPoolGroup
                    && Text(backend["kind"]) == InferencePool.KubeKind
                    && IsPoolNameTemplate(Text(backend["name"])))
                {
                    backend["group"] = PoolGroup;
                    changed.Add(string.Create(CultureInfo.InvariantCulture, $"spec.rules[{r}].backendRefs[{b}].group"));
                }
            }
        }

        return changed;
    }

    private static bool IsPoolNameTemplate(string? name) =>
        name is not null && name.Replace(" ", string.Empty, StringComparison.Ordinal) is "{{.InferencePoolName}}" or "{{$.InferencePoolName}}";

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
