using System.Text;
using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Migration.Parts;
using Keel.Model.Presets;
using Keel.Model.Serialization;

namespace Keel.Model.Migration;

/// <summary>
/// Converts a ConfigMap preset (spec 2.1) into the equivalent BaseConfig (spec 2.4), losslessly: every data key
/// becomes its typed part with templates kept as strings, legacy parts are upgraded as the operator upgrades them on
/// read, a value whose template produces YAML structure is kept verbatim under <c>spec.templates</c> (only when
/// allowed), and whatever has no place in a BaseConfig is reported and recorded, never silently dropped. Pure: reads
/// only its input, never throws on content.
/// </summary>
public static class PresetMigration
{
    private static readonly string PartList = string.Join(", ", PresetParts.All.Select(PresetParts.KeyOf));

    public static MigrationResult Migrate(V1ConfigMap configMap, MigrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        options ??= MigrationOptions.Default;
        var name = configMap.Metadata?.Name;
        var ns = configMap.Metadata?.NamespaceProperty;
        var qualified = string.IsNullOrEmpty(ns) ? name : ns + "/" + name;
        var source = "configmap/" + qualified;
        var prefix = new MessagePrefix("preset ConfigMap " + qualified);
        var notes = new List<MigrationNote>();
        var dropped = new List<DroppedField>();
        var parts = new List<PartMigration>();

        MigrationResult Result(JsonObject? manifest = null, BaseConfig? baseConfig = null) => new()
        {
            Manifest = manifest,
            BaseConfig = baseConfig,
            Parts = parts,
            Notes = notes,
            Dropped = dropped,
            Source = source,
            SourceResourceVersion = configMap.Metadata?.ResourceVersion,
        };

        if (string.IsNullOrEmpty(name))
        {
            notes.Add(MigrationNote.Error(MigrationCodes.NotAConfigMap, "the ConfigMap has no metadata.name: the BaseConfig takes its name"));
            return Result();
        }

        if (configMap.BinaryData is { Count: > 0 } binary)
        {
            foreach (var key in binary.Keys.Order(StringComparer.Ordinal))
            {
                dropped.Add(new DroppedField(key, string.Empty, null, "binaryData, which a ConfigMap preset ignores"));
            }

            notes.Add(MigrationNote.Warning(MigrationCodes.IgnoredField, $"{prefix.Description}: binaryData ({string.Join(", ", binary.Keys.Order(StringComparer.Ordinal))}) is ignored by the operator and left out"));
        }

        if (configMap.Data is not { Count: > 0 } data)
        {
            notes.Add(MigrationNote.Error(MigrationCodes.EmptyPreset, $"{prefix.Description} has no data: a ConfigMap preset holds its parts ({PartList}) under data"));
            return Result();
        }

        foreach (var (key, text) in data)
        {
            if (!PresetParts.TryParse(key, out var part))
            {
                UnknownKey(key, text ?? string.Empty, prefix, options, notes, dropped, parts);
                continue;
            }

            var converted = PartConverter.Convert(part, key, text ?? string.Empty, prefix);
            notes.AddRange(converted.Notes);
            dropped.AddRange(converted.Dropped);
            parts.Add(Accept(converted.Migration, prefix, options, notes));
        }

        DropShadowedModel(parts, prefix, notes, dropped);
        if (notes.Any(n => n.IsError))
        {
            return Result();
        }

        if (!parts.Any(p => p.Outcome is PartOutcome.Typed or PartOutcome.Upgraded or PartOutcome.Raw))
        {
            notes.Add(MigrationNote.Error(MigrationCodes.EmptyPreset, $"{prefix.Description} has no part that renders to anything: every value is empty{(parts.Any(p => p.Outcome == PartOutcome.Dropped) ? " or left out" : string.Empty)}"));
            return Result();
        }

        var manifest = Manifest(configMap, source, parts, dropped);
        try
        {
            return Result(manifest, KeelJson.Deserialize<BaseConfig>(manifest, source));
        }
        catch (KeelSerializationException e)
        {
            notes.Add(MigrationNote.Error(MigrationCodes.InvalidPart, $"{prefix.Description}: internal error, the BaseConfig does not read back (please report it): {e.Message}"));
            return Result();
        }
    }

    private static void UnknownKey(string key, string text, MessagePrefix prefix, MigrationOptions options, List<MigrationNote> notes, List<DroppedField> dropped, List<PartMigration> parts)
    {
        var suggestion = Suggest(key) is { } closest ? $" (did you mean {closest}?)" : string.Empty;
        if (options.DropUnknownKeys)
        {
            dropped.Add(new DroppedField(key, string.Empty, JsonValue.Create(text), "names no preset part; the operator ignored it"));
            notes.Add(MigrationNote.Warning(MigrationCodes.UnknownKey, $"{prefix.Key(key)} names no preset part{suggestion}; the operator ignored it, and it is left out (recorded in the {MigrationAnnotations.Dropped} annotation)", key));
            parts.Add(new PartMigration(key, null, PartOutcome.Dropped, null, null, []));
            return;
        }

        notes.Add(MigrationNote.Error(
            MigrationCodes.UnknownKey,
            $"{prefix.Key(key)} names no preset part{suggestion}; parts are {PartList}. The operator ignores such a key and a BaseConfig has no place for it: rename it, remove it, or allow leaving it out (--drop-unknown-keys)",
            key));
        parts.Add(new PartMigration(key, null, PartOutcome.Failed, null, null, []));
    }

    // A raw value is accepted only when allowed; otherwise it is refused with its reasons and what to do.
    private static PartMigration Accept(PartMigration part, MessagePrefix prefix, MigrationOptions options, List<MigrationNote> notes)
    {
        if (part.Outcome != PartOutcome.Raw)
        {
            return part;
        }

        if (options.AllowRawTemplates)
        {
            notes.Add(MigrationNote.Info(
                MigrationCodes.RawTemplate,
                $"{prefix.Key(part.Key)}: kept verbatim under spec.templates.{part.Key} (rendered and read as the ConfigMap value is), because as a typed part it would not render the same: "
                + string.Join("; ", part.Reasons.Select(r => Reason(r, prefix, part.Key))),
                part.Key));
            return part;
        }

        notes.AddRange(part.Reasons);
        notes.Add(MigrationNote.Error(
            MigrationCodes.NeedsRawTemplate,
            $"{prefix.Key(part.Key)} cannot become a typed part ({part.Reasons.Count} {(part.Reasons.Count == 1 ? "reason" : "reasons")} above); allow raw templates (--allow-raw-templates) to keep it verbatim "
            + $"under spec.templates.{part.Key}, where it is rendered and read exactly as the ConfigMap value is, or rewrite it so that every template stands inside one YAML value",
            part.Key));
        return part with { Outcome = PartOutcome.Refused };
    }

    // The message of a reason without the preset prefix, for a one-line summary.
    private static string Reason(MigrationNote reason, MessagePrefix prefix, string key)
    {
        var start = prefix.Key(key) + ", ";
        return reason.Message.StartsWith(start, StringComparison.Ordinal) ? reason.Message[start.Length..] : reason.Message;
    }

    // With both, the operator uses inferenceObjective and ignores inferenceModel (v1 mode).
    private static void DropShadowedModel(List<PartMigration> parts, MessagePrefix prefix, List<MigrationNote> notes, List<DroppedField> dropped)
    {
        var objective = parts.FirstOrDefault(p => p.Key == "inferenceObjective" && p.Outcome is PartOutcome.Typed or PartOutcome.Raw);
        var model = parts.FindIndex(p => p.Key == "inferenceModel" && p.Outcome is PartOutcome.Upgraded or PartOutcome.Raw or PartOutcome.Typed);
        if (objective is null || model < 0)
        {
            return;
        }

        var removed = parts[model];
        dropped.Add(new DroppedField(removed.Key, string.Empty, removed.Value?.DeepClone() ?? JsonValue.Create(removed.RawText), "shadowed by inferenceObjective, which the operator uses instead"));
        notes.Add(MigrationNote.Warning(
            MigrationCodes.Dropped,
            $"{prefix.Key(removed.Key)}: the preset has inferenceObjective too, which the operator uses instead (it ignores inferenceModel in v1 mode); left out (recorded in the {MigrationAnnotations.Dropped} annotation)",
            removed.Key));
        parts[model] = removed with { Outcome = PartOutcome.Dropped, Field = null };
    }

    private static JsonObject Manifest(V1ConfigMap configMap, string source, List<PartMigration> parts, List<DroppedField> dropped)
    {
        var metadata = new JsonObject { ["name"] = configMap.Metadata!.Name };
        if (!string.IsNullOrEmpty(configMap.Metadata.NamespaceProperty))
        {
            metadata["namespace"] = configMap.Metadata.NamespaceProperty;
        }

        if (configMap.Metadata.Labels is { Count: > 0 } labels)
        {
            metadata["labels"] = new JsonObject(labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value))));
        }

        var annotations = new JsonObject();
        foreach (var (key, value) in configMap.Metadata.Annotations ?? new Dictionary<string, string>())
        {
            if (!MigrationAnnotations.NotCopied.Contains(key))
            {
                annotations[key] = value;
            }
        }

        annotations[MigrationAnnotations.MigratedFrom] = source;
        if (configMap.Metadata.ResourceVersion is { Length: > 0 } resourceVersion)
        {
            annotations[MigrationAnnotations.MigratedFromResourceVersion] = resourceVersion;
        }

        if (dropped.Count > 0)
        {
            annotations[MigrationAnnotations.Dropped] = DroppedText(dropped);
        }

        metadata["annotations"] = annotations;

        var spec = new JsonObject();
        var templates = new JsonObject();
        foreach (var part in parts)
        {
            if (part.Outcome is PartOutcome.Typed or PartOutcome.Upgraded && part.Field is { } field)
            {
                spec[field] = part.Value!.DeepClone();
            }
            else if (part.Outcome == PartOutcome.Raw)
            {
                templates[part.Key] = part.RawText;
            }
        }

        if (templates.Count > 0)
        {
            spec["templates"] = templates;
        }

        return new JsonObject
        {
            ["apiVersion"] = LlmdApi.GroupVersion,
            ["kind"] = BaseConfig.KubeKind,
            ["metadata"] = metadata,
            ["spec"] = spec,
        };
    }

    /// <summary>The <see cref="MigrationAnnotations.Dropped"/> text: one line per dropped thing.</summary>
    public static string DroppedText(IEnumerable<DroppedField> dropped)
    {
        ArgumentNullException.ThrowIfNull(dropped);
        var sb = new StringBuilder();
        foreach (var d in dropped)
        {
            sb.Append(d.Location);
            if (d.Value is not null)
            {
                sb.Append(": ").Append(d.Value.ToJsonString(Relaxed));
            }

            sb.Append(" (").Append(d.Reason).Append(")\n");
        }

        return sb.ToString();
    }

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // The part name closest to a misspelled key (at most 3 edits away), for "did you mean".
    private static string? Suggest(string key)
    {
        var best = PresetParts.All.Select(PresetParts.KeyOf)
            .Select(candidate => (candidate, distance: Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .OrderBy(c => c.distance)
            .First();
        return best.distance <= 3 ? best.candidate : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
