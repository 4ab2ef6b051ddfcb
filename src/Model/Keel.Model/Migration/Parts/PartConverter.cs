using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Migration.Templates;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using Keel.Model.Serialization;
using Keel.Model.Upstream.Gateway.V1;
using Keel.Model.Upstream.Llmd.V1Alpha2;
using InferenceModel = Keel.Model.Upstream.InferenceX.V1Alpha2.InferenceModel;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;
using LegacyInferencePool = Keel.Model.Upstream.InferenceX.V1Alpha2.InferencePool;

namespace Keel.Model.Migration.Parts;

/// <summary>What converting one value produced: its migration, what the output should say, what it left out.</summary>
internal sealed record ConvertedPart(PartMigration Migration, IReadOnlyList<MigrationNote> Notes, IReadOnlyList<DroppedField> Dropped);

/// <summary>
/// Converts one ConfigMap value into a typed BaseConfig part, following docs/user-guide/baseconfig.md ("Converting a
/// ConfigMap preset"): replace every action by a placeholder, parse the text as YAML, keep the value raw when an action
/// produces structure (with the line, column, action and reason of each obstacle), otherwise put the actions back
/// into the scalars that hold them. The part is then cleaned as the render cleans it and legacy kinds are upgraded.
/// A broken value (template or YAML error, wrong shape, a field of the wrong type) fails with the key, line and column.
/// </summary>
internal static class PartConverter
{
    public static ConvertedPart Convert(PresetPart part, string key, string text, MessagePrefix prefix)
    {
        var notes = new List<MigrationNote>();
        if (string.IsNullOrWhiteSpace(text))
        {
            notes.Add(MigrationNote.Info(MigrationCodes.EmptyValue, $"{prefix.Key(key)}: the value is empty, so the part is absent (as in the ConfigMap form); left out", key));
            return new ConvertedPart(new PartMigration(key, null, PartOutcome.Absent, null, null, []), notes, []);
        }

        var analysis = TemplateAnalysis.Analyze(key, text, prefix);
        if (analysis.Errors.Count > 0)
        {
            return Failed(key, analysis.Errors);
        }

        var reasons = new List<MigrationNote>();
        var ownLine = ActionLines.StandingAlone(text, analysis.Actions);
        foreach (var analyzed in analysis.Actions)
        {
            var blocker = analyzed.Blocker
                ?? (ownLine.Contains(analyzed.Action.Index) && analyzed.Action.Kind != ActionKind.Comment
                    ? "it stands on a line of its own, so what it renders is lines of YAML, not one value"
                    : null);
            if (blocker is not null)
            {
                reasons.Add(Reason(prefix, key, analyzed, text, blocker));
            }
        }

        var placeholders = PlaceholderText.Build(text, analysis.Actions, ownLine, out var failure);
        if (placeholders is null)
        {
            reasons.Add(MigrationNote.Error(MigrationCodes.NeedsRawTemplate, $"{prefix.Key(key)}: {failure}", key));
            return Raw(part, key, text, reasons, notes);
        }

        IReadOnlyList<YamlDocument> documents;
        try
        {
            documents = KeelYaml.ParseAll(placeholders.Text, key);
        }
        catch (KeelSerializationException e)
        {
            var (line, column) = (e.Position?.Line ?? 1, e.Position?.Column ?? 1);
            if (analysis.Actions.Count == 0)
            {
                return Failed(key, [MigrationNote.Error(MigrationCodes.InvalidYaml, $"{prefix.At(key, line, column)}: the value is not valid YAML: {e.Reason}", key, line, column)]);
            }

            if (reasons.Count == 0)
            {
                reasons.Add(MigrationNote.Error(
                    MigrationCodes.NeedsRawTemplate,
                    $"{prefix.At(key, line, column)}: with its template actions in place the value is not YAML ({e.Reason}); either the templates produce structure, or the value is broken (try it with `modelservice render`)",
                    key, line, column));
            }

            return Raw(part, key, text, reasons, notes);
        }

        var nonEmpty = documents.Where(d => d.Root is not null).ToList();
        if (nonEmpty.Count > 1 && reasons.Count == 0)
        {
            var start = nonEmpty[1].Start;
            return Failed(key, [MigrationNote.Error(MigrationCodes.InvalidYaml, $"{prefix.At(key, start.Line, start.Column)}: the value holds {nonEmpty.Count} YAML documents; a part is one document", key, start.Line, start.Column)]);
        }

        if (nonEmpty.Count == 0)
        {
            if (reasons.Count > 0)
            {
                return Raw(part, key, text, reasons, notes);
            }

            notes.Add(MigrationNote.Info(MigrationCodes.EmptyValue, $"{prefix.Key(key)}: the value holds only comments, so the part is absent (as in the ConfigMap form); left out", key));
            return new ConvertedPart(new PartMigration(key, null, PartOutcome.Absent, null, null, []), notes, []);
        }

        var document = nonEmpty[0];
        var root = document.Root!;
        var sites = YamlScalarSites.Scan(placeholders.Text, out _);
        var siteOf = new Dictionary<int, ScalarSite>();
        foreach (var site in sites.Where(s => placeholders.HasPlaceholder(s.Value)))
        {
            foreach (var analyzed in placeholders.In(site.Value))
            {
                siteOf[analyzed.Action.Index] = site;
                if (site.IsKey)
                {
                    reasons.Add(Reason(prefix, key, analyzed, text, "it stands in a mapping key: a typed part has fixed field names"));
                }
            }
        }

        var counts = CountPlaceholders(root, placeholders);
        foreach (var analyzed in placeholders.Placed)
        {
            counts.TryGetValue(analyzed.Action.Index, out var count);
            if (count == 0 && !siteOf.ContainsKey(analyzed.Action.Index))
            {
                notes.Add(Note(MigrationSeverity.Warning, MigrationCodes.TemplateInComment, prefix, key, analyzed, text,
                    "it sits in a YAML comment: the ConfigMap form printed it into the comment, and a typed part keeps no comments, so it is left out"));
            }
            else if (count > 1)
            {
                reasons.Add(Reason(prefix, key, analyzed, text, "YAML copies its value to several places (an alias or a merge key)"));
            }
        }

        if (reasons.Count > 0)
        {
            return Raw(part, key, text, reasons, notes);
        }

        if (Shape(part, root) is { } wanted)
        {
            var at = document.Positions.Find("$") ?? new SourcePosition(1, 1);
            return Failed(key, [MigrationNote.Error(MigrationCodes.WrongShape, $"{prefix.At(key, at.Line, at.Column)}: the value must be {wanted}, found {Describe(root)}", key, at.Line, at.Column)]);
        }

        var type = TypeOf(part, root);
        var location = new PartLocation(prefix.Description, key, document.Positions);
        var diagnostics = new List<RenderDiagnostic>();
        var dropped = PartCleanup.Normalize(part, root, type, location, diagnostics).ToList();
        var scalarReasons = CheckScalars(part, root, type, placeholders, siteOf, prefix, key, text, document.Positions);
        if (scalarReasons.Count > 0)
        {
            return Raw(part, key, text, scalarReasons, notes);
        }

        notes.AddRange(diagnostics.Select(d => d.Reason == RenderReasons.UnknownField
            ? MigrationNote.Warning(MigrationCodes.UnknownField, d.Message + " (the ConfigMap form drops it too; recorded in the " + MigrationAnnotations.Dropped + " annotation)", key)
            : MigrationNote.Warning(MigrationCodes.IgnoredField, d.Message + " (recorded in the " + MigrationAnnotations.Dropped + " annotation)", key)));

        var restored = Restore(root, placeholders, text);
        if (Probe(part, restored, type, location) is { } invalid)
        {
            return Failed(key, [invalid]);
        }

        return LegacyParts.Finish(part, key, text, restored, prefix, notes, dropped);
    }

    private static ConvertedPart Failed(string key, IReadOnlyList<MigrationNote> errors) =>
        new(new PartMigration(key, null, PartOutcome.Failed, null, null, []), errors, []);

    internal static ConvertedPart Raw(PresetPart part, string key, string text, IReadOnlyList<MigrationNote> reasons, List<MigrationNote> notes)
    {
        // Raw text keeps its YAML comments, and the templates in them.
        notes.RemoveAll(n => n.Code == MigrationCodes.TemplateInComment);
        return new(new PartMigration(key, key, PartOutcome.Raw, null, text, reasons), notes, []);
    }

    private static MigrationNote Reason(MessagePrefix prefix, string key, AnalyzedAction analyzed, string text, string why) =>
        Note(MigrationSeverity.Error, MigrationCodes.NeedsRawTemplate, prefix, key, analyzed, text, why);

    private static MigrationNote Note(MigrationSeverity severity, string code, MessagePrefix prefix, string key, AnalyzedAction analyzed, string text, string why)
    {
        var action = analyzed.Action;
        return new MigrationNote(severity, code, $"{prefix.At(key, action.Line, action.Column)}: {action.Quote(text)}: {why}", key, action.Line, action.Column);
    }

    // Each placeholder's number of occurrences in the parsed JSON (values and keys).
    private static Dictionary<int, int> CountPlaceholders(JsonNode? node, PlaceholderText placeholders)
    {
        var counts = new Dictionary<int, int>();
        void Count(string s)
        {
            foreach (var analyzed in placeholders.In(s))
            {
                counts[analyzed.Action.Index] = counts.GetValueOrDefault(analyzed.Action.Index) + 1;
            }
        }

        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj)
                    {
                        Count(name);
                        Walk(value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Walk(item);
                    }

                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    Count(value.GetValue<string>());
                    break;
            }
        }

        Walk(node);
        return counts;
    }

    private static List<MigrationNote> CheckScalars(
        PresetPart part, JsonNode root, Type type, PlaceholderText placeholders, Dictionary<int, ScalarSite> siteOf,
        MessagePrefix prefix, string key, string text, SourceMap positions)
    {
        var reasons = new List<MigrationNote>();
        void Check(JsonValue value, FieldKind kind, string path)
        {
            var s = value.GetValue<string>();
            var actions = placeholders.In(s);
            if (actions.Count == 0 || !siteOf.TryGetValue(actions[0].Action.Index, out var site))
            {
                return;
            }

            if (ScalarRules.Check(site, actions, placeholders.IsWhole(s), kind, placeholders) is { } why)
            {
                var field = PartLocation.Display(path);
                var first = actions.FirstOrDefault(a => a.Action.Kind == ActionKind.Output) ?? actions[0];
                var action = first.Action;
                reasons.Add(MigrationNote.Error(
                    MigrationCodes.NeedsRawTemplate,
                    $"{prefix.At(key, site.Line, site.Column)}: {action.Quote(text)} in {field} ({site.StyleName}): {why}",
                    key, site.Line, site.Column));
            }
        }

        if (part == PresetPart.ConfigMaps && root is JsonArray list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var itemPath = PartLocation.Index("$", i);
                PartLeaves.Visit(list[i], typeof(V1ConfigMap), (value, kind, path) =>
                {
                    Check(value, kind, path);
                    return value;
                }, itemPath);
            }
        }
        else
        {
            PartLeaves.Inspect(root, type, Check);
        }

        return reasons;
    }

    private static JsonNode Restore(JsonNode root, PlaceholderText placeholders, string text)
    {
        JsonNode? Walk(JsonNode? node) => node switch
        {
            JsonObject obj => RestoreObject(obj),
            JsonArray array => RestoreArray(array),
            JsonValue value when value.GetValueKind() == JsonValueKind.String && placeholders.HasPlaceholder(value.GetValue<string>())
                => JsonValue.Create(placeholders.Restore(value.GetValue<string>(), text)),
            _ => node?.DeepClone(),
        };

        JsonObject RestoreObject(JsonObject obj)
        {
            var copy = new JsonObject();
            foreach (var (name, value) in obj)
            {
                copy[name] = Walk(value);
            }

            return copy;
        }

        JsonArray RestoreArray(JsonArray array)
        {
            var copy = new JsonArray();
            foreach (var item in array)
            {
                copy.Add(Walk(item));
            }

            return copy;
        }

        return Walk(root)!;
    }

    // Reads the part as its type, templates standing in as sentinels: an error here is an error for every ModelService.
    private static MigrationNote? Probe(PresetPart part, JsonNode restored, Type type, PartLocation location)
    {
        IEnumerable<(JsonNode Node, Type Type, string Path)> Items() => part == PresetPart.ConfigMaps && restored is JsonArray list
            ? list.Select((item, i) => (item!, typeof(V1ConfigMap), PartLocation.Index("$", i))).Where(x => x.Item1 is not null)
            : [(restored, type, "$")];

        foreach (var (node, itemType, path) in Items())
        {
            if (node is not JsonObject)
            {
                return MigrationNote.Error(MigrationCodes.WrongShape, $"{location.At(path)}: each item must be a ConfigMap (a YAML mapping)", location.Key);
            }

            var copy = node.DeepClone();
            TemplateSentinels.Apply(copy, itemType);
            try
            {
                KeelJson.Deserialize(copy, itemType, location.Key);
            }
            catch (KeelSerializationException e)
            {
                var at = e.JsonPath is { } jsonPath ? (path == "$" ? jsonPath : path + jsonPath.TrimStart('$')) : path;
                var field = PartLocation.Display(at);
                return MigrationNote.Error(MigrationCodes.InvalidPart, $"{location.At(at)}: {(field.Length > 0 ? field + ": " : string.Empty)}{e.Reason}", location.Key);
            }
        }

        return null;
    }

    private static string? Shape(PresetPart part, JsonNode root) => part == PresetPart.ConfigMaps
        ? root is JsonArray ? null : "a YAML list of ConfigMaps"
        : root is JsonObject ? null : "a YAML mapping (one " + KindName(part) + ")";

    private static string KindName(PresetPart part) => part switch
    {
        PresetPart.DecodeDeployment or PresetPart.PrefillDeployment or PresetPart.EppDeployment => "Deployment",
        PresetPart.DecodeService or PresetPart.PrefillService or PresetPart.EppService => "Service",
        PresetPart.InferencePool => "InferencePool",
        PresetPart.InferenceObjective => "InferenceObjective",
        PresetPart.InferenceModel => "InferenceModel",
        PresetPart.HttpRoute => "HTTPRoute",
        _ => "object",
    };

    private static string Describe(JsonNode? node) => node switch
    {
        JsonArray => "a list",
        JsonObject => "a mapping",
        JsonValue value => "the scalar " + Templating.TemplateError.ShortenAction(value.ToJsonString()),
        _ => "nothing",
    };

    internal static Type TypeOf(PresetPart part, JsonNode root) => part switch
    {
        PresetPart.ConfigMaps => typeof(V1ConfigMap),
        PresetPart.DecodeDeployment or PresetPart.PrefillDeployment or PresetPart.EppDeployment => typeof(V1Deployment),
        PresetPart.DecodeService or PresetPart.PrefillService or PresetPart.EppService => typeof(V1Service),
        PresetPart.InferencePool => root is JsonObject obj && InferencePoolVersion.IsLegacy(obj) ? typeof(LegacyInferencePool) : typeof(InferencePool),
        PresetPart.InferenceObjective => typeof(InferenceObjective),
        PresetPart.InferenceModel => typeof(InferenceModel),
        PresetPart.HttpRoute => typeof(HTTPRoute),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };
}
