using System.Globalization;
using System.Text.Json.Nodes;
using Keel.Model.Presets;

namespace Keel.Model.Migration.Parts;

/// <summary>
/// The last step of a typed conversion: a legacy InferencePool becomes v1, a legacy InferenceModel becomes the
/// inferenceObjective part, a route's backendRef to the legacy pool group moves to the current group; every other
/// part is kept as it is. Each upgrade is a note, and what the current API has no field for is recorded as dropped.
/// </summary>
internal static class LegacyParts
{
    public static ConvertedPart Finish(PresetPart part, string key, string text, JsonNode value, MessagePrefix prefix, List<MigrationNote> notes, List<DroppedField> dropped)
    {
        switch (part)
        {
            case PresetPart.InferencePool when value is JsonObject pool && InferencePoolVersion.IsLegacy(pool):
                var v1 = LegacyUpgrade.PoolToV1(pool);
                notes.Add(MigrationNote.Info(
                    MigrationCodes.LegacyApiUpgraded,
                    $"{prefix.Key(key)}: upgraded from inference.networking.x-k8s.io/v1alpha2 to inference.networking.k8s.io/v1 (selector → selector.matchLabels, "
                    + "targetPortNumber → targetPorts[].number, extensionRef → endpointPickerRef with port.number, 9002 when unset), as the operator upgrades it on every read; "
                    + "check that the endpoint picker image reads v1 pools (images from 2025 with camelCase flags such as -poolName read only v1alpha2)",
                    key));
                return Typed(key, PresetParts.KeyOf(PresetPart.InferencePool), PartOutcome.Upgraded, v1, notes, dropped);

            case PresetPart.InferenceModel when value is JsonObject model:
                var objective = LegacyUpgrade.ModelToObjective(model, out var criticality, out var priority);
                if (objective is null)
                {
                    var reason = MigrationNote.Error(
                        MigrationCodes.NeedsRawTemplate,
                        $"{prefix.Key(key)}: spec.criticality is a template, so the priority it maps to is known only when rendered; kept as the legacy inferenceModel, which the operator converts on every read",
                        key);
                    return PartConverter.Raw(part, key, text, [reason], notes);
                }

                var mapped = criticality is null
                    ? "no criticality, so no priority (0, the default)"
                    : priority is { } p
                        ? $"criticality {criticality} → priority {p.ToString(CultureInfo.InvariantCulture)}"
                        : $"criticality {criticality} is not Critical, Standard or Sheddable, so no priority (0, the default), as the operator reads it";
                notes.Add(MigrationNote.Info(
                    MigrationCodes.LegacyApiUpgraded,
                    $"{prefix.Key(key)}: the legacy InferenceModel (inference.networking.x-k8s.io/v1alpha2) becomes the inferenceObjective part (llm-d.ai/v1alpha2): {mapped}",
                    key));
                foreach (var (field, why) in LegacyUpgrade.ModelFieldsLeftOut(model))
                {
                    dropped.Add(new DroppedField(key, "spec." + field, model["spec"]![field]?.DeepClone(), why));
                    notes.Add(MigrationNote.Warning(MigrationCodes.Dropped, $"{prefix.Key(key)}: spec.{field} left out: {why}", key));
                }

                return Typed(key, PresetParts.KeyOf(PresetPart.InferenceObjective), PartOutcome.Upgraded, objective, notes, dropped);

            case PresetPart.HttpRoute when value is JsonObject route:
                var changed = LegacyUpgrade.RouteBackendsToV1(route);
                if (changed.Count > 0)
                {
                    notes.Add(MigrationNote.Info(
                        MigrationCodes.LegacyApiUpgraded,
                        $"{prefix.Key(key)}: {string.Join(", ", changed)}: the backendRef to the pool now names the group {LegacyUpgrade.PoolGroup} instead of {LegacyUpgrade.LegacyPoolGroup} "
                        + "(the operator points it at the pool API it writes either way)",
                        key));
                    return Typed(key, key, PartOutcome.Upgraded, route, notes, dropped);
                }

                break;
        }

        return Typed(key, key, PartOutcome.Typed, value, notes, dropped);
    }

    private static ConvertedPart Typed(string key, string field, PartOutcome outcome, JsonNode value, List<MigrationNote> notes, List<DroppedField> dropped) =>
        new(new PartMigration(key, field, outcome, value, null, []), notes, dropped);
}
