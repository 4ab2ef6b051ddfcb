using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Rendering;
using Keel.Model.Serialization;
using Keel.Model.Templating;
using Keel.Model.Upstream.Gateway.V1;
using Keel.Model.Upstream.Llmd.V1Alpha2;
using InferenceModel = Keel.Model.Upstream.InferenceX.V1Alpha2.InferenceModel;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;
using LegacyInferencePool = Keel.Model.Upstream.InferenceX.V1Alpha2.InferencePool;

namespace Keel.Model.Presets;

/// <summary>
/// Renders a preset for one ModelService and reads each part into its typed object (spec 2.1, 2.4, 3):
/// every value is rendered (unknown keys too, then ignored with a warning), a blank rendering means the part is
/// absent, YAML is read into the part's type, fields the type does not have are dropped and reported, and a value
/// that fails to render or parse is an error naming the key, the line and the column.
/// </summary>
public static class PresetResolver
{
    /// <summary>Resolves <paramref name="raw"/> with <paramref name="variables"/>; problems go to <paramref name="diagnostics"/>.</summary>
    public static ResolvedPreset Resolve(RawPreset raw, TemplateVariables variables, RenderCache cache, ICollection<RenderDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(variables);
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(diagnostics);

        TemplateResult<string> Render(string name, string text)
        {
            var parsed = cache.Templates.GetOrParse(name, text);
            return parsed.TryGetValue(out var template, out var error) ? template.Execute(variables) : error;
        }

        foreach (var unknown in raw.UnknownKeys)
        {
            var rendered = Render(unknown.Key, unknown.Text);
            if (!rendered.IsSuccess)
            {
                diagnostics.Add(RenderDiagnostic.Error(RenderReasons.TemplateError, $"{raw.Description}: {rendered.Error}", "preset:" + unknown.Key));
                continue;
            }

            diagnostics.Add(RenderDiagnostic.Warning(
                RenderReasons.UnknownPresetKey,
                $"{raw.Description}: key {unknown.Key} names no preset part and is ignored (parts: {string.Join(", ", PresetParts.All.Select(PresetParts.KeyOf))})",
                "preset:" + unknown.Key));
        }

        var values = new Dictionary<PresetPart, object>();
        foreach (var (part, content) in raw.Parts)
        {
            ParsedPart parsed;
            switch (content)
            {
                case TemplateTextPart text:
                    var rendered = Render(text.Key, text.Text);
                    if (!rendered.TryGetValue(out var output, out var error))
                    {
                        diagnostics.Add(RenderDiagnostic.Error(RenderReasons.TemplateError, $"{raw.Description}: {error}", "preset:" + text.Key));
                        continue;
                    }

                    if (string.IsNullOrWhiteSpace(output))
                    {
                        continue; // renders to nothing: absent
                    }

                    parsed = cache.GetOrAdd(raw.Description, text.Key, output, () => ParseText(raw.Description, part, text.Key, output));
                    break;
                case TypedJsonPart typed:
                    parsed = Read(part, typed.Value.DeepClone(), new PartLocation(raw.Description, typed.Key, positions: null), Render);
                    break;
                default:
                    continue;
            }

            foreach (var diagnostic in parsed.Diagnostics)
            {
                diagnostics.Add(diagnostic);
            }

            if (parsed.Value is not null)
            {
                values[part] = parsed.Value;
            }
        }

        return new ResolvedPreset
        {
            Raw = raw,
            ConfigMaps = Get<IReadOnlyList<V1ConfigMap>>(values, PresetPart.ConfigMaps),
            DecodeDeployment = Get<V1Deployment>(values, PresetPart.DecodeDeployment),
            PrefillDeployment = Get<V1Deployment>(values, PresetPart.PrefillDeployment),
            EppDeployment = Get<V1Deployment>(values, PresetPart.EppDeployment),
            DecodeService = Get<V1Service>(values, PresetPart.DecodeService),
            PrefillService = Get<V1Service>(values, PresetPart.PrefillService),
            EppService = Get<V1Service>(values, PresetPart.EppService),
            InferencePool = Get<InferencePool>(values, PresetPart.InferencePool),
            LegacyInferencePool = Get<LegacyInferencePool>(values, PresetPart.InferencePool),
            InferenceObjective = Get<InferenceObjective>(values, PresetPart.InferenceObjective),
            InferenceModel = Get<InferenceModel>(values, PresetPart.InferenceModel),
            HttpRoute = Get<HTTPRoute>(values, PresetPart.HttpRoute),
        };
    }

    private static T? Get<T>(Dictionary<PresetPart, object> values, PresetPart part)
        where T : class => values.TryGetValue(part, out var value) ? value as T : null;

    private static ParsedPart ParseText(string description, PresetPart part, string key, string rendered)
    {
        IReadOnlyList<YamlDocument> documents;
        try
        {
            documents = KeelYaml.ParseAll(rendered, key);
        }
        catch (KeelSerializationException e)
        {
            return ParsedPart.Failed(RenderDiagnostic.Error(
                RenderReasons.PresetParseError,
                $"{description}, key {key}{At(e.Position)}: the rendered value is not valid YAML: {e.Reason}",
                "preset:" + key));
        }

        var nonEmpty = documents.Where(d => d.Root is not null).ToList();
        if (nonEmpty.Count == 0)
        {
            return ParsedPart.Absent;
        }

        if (nonEmpty.Count > 1)
        {
            return ParsedPart.Failed(RenderDiagnostic.Error(
                RenderReasons.PresetParseError,
                $"{description}, key {key}{At(nonEmpty[1].Start)}: the rendered value holds {nonEmpty.Count} YAML documents; a part is one document",
                "preset:" + key));
        }

        var document = nonEmpty[0];
        return Read(part, document.Root!, new PartLocation(description, key, document.Positions), render: null);
    }

    private static string At(SourcePosition? position) => position is { } p ? $", line {p.Line}, column {p.Column}" : string.Empty;

    /// <summary>Normalizes and reads the JSON of one part (owned by this call) into its typed object.</summary>
    private static ParsedPart Read(PresetPart part, JsonNode node, PartLocation location, Func<string, string, TemplateResult<string>>? render)
    {
        var diagnostics = new List<RenderDiagnostic>();
        var normalizer = new PartNormalizer(location, render, diagnostics);

        if (part == PresetPart.ConfigMaps)
        {
            if (node is not JsonArray list)
            {
                diagnostics.Add(WrongShape(location, "a YAML list of ConfigMaps", node));
                return new ParsedPart(null, diagnostics);
            }

            var configMaps = new List<V1ConfigMap>();
            for (var i = 0; i < list.Count; i++)
            {
                var itemPath = PartLocation.Index("$", i);
                if (list[i] is null)
                {
                    continue;
                }

                if (list[i] is not JsonObject item)
                {
                    diagnostics.Add(RenderDiagnostic.Error(
                        RenderReasons.PresetParseError, $"{location.At(itemPath)}: each item must be a ConfigMap (a YAML mapping)", location.Tag(itemPath)));
                    continue;
                }

                var normalized = normalizer.NormalizeObject(item, typeof(V1ConfigMap), itemPath);
                if (Deserialize(normalized, typeof(V1ConfigMap), location, diagnostics, itemPath) is V1ConfigMap configMap)
                {
                    configMaps.Add(configMap);
                }
            }

            return new ParsedPart(diagnostics.Any(d => d.IsError) ? null : configMaps, diagnostics);
        }

        if (node is not JsonObject obj)
        {
            diagnostics.Add(WrongShape(location, "a YAML mapping (one object)", node));
            return new ParsedPart(null, diagnostics);
        }

        var type = TypeOf(part, obj);
        var root = normalizer.NormalizeObject(obj, type);
        var value = diagnostics.Any(d => d.IsError) ? null : Deserialize(root, type, location, diagnostics, "$");
        return new ParsedPart(value, diagnostics);
    }

    private static Type TypeOf(PresetPart part, JsonObject obj) => part switch
    {
        PresetPart.DecodeDeployment or PresetPart.PrefillDeployment or PresetPart.EppDeployment => typeof(V1Deployment),
        PresetPart.DecodeService or PresetPart.PrefillService or PresetPart.EppService => typeof(V1Service),
        PresetPart.InferencePool => InferencePoolVersion.IsLegacy(obj) ? typeof(LegacyInferencePool) : typeof(InferencePool),
        PresetPart.InferenceObjective => typeof(InferenceObjective),
        PresetPart.InferenceModel => typeof(InferenceModel),
        PresetPart.HttpRoute => typeof(HTTPRoute),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    private static object? Deserialize(JsonNode? node, Type type, PartLocation location, List<RenderDiagnostic> diagnostics, string path)
    {
        if (node is null)
        {
            return null;
        }

        try
        {
            return KeelJson.Deserialize(node, type, location.Key);
        }
        catch (KeelSerializationException e)
        {
            var at = e.JsonPath is { } jsonPath ? CombinePath(path, jsonPath) : path;
            var field = PartLocation.Display(at);
            var prefix = location.IsText && field.Length > 0 ? field + ": " : string.Empty;
            diagnostics.Add(RenderDiagnostic.Error(
                RenderReasons.PresetParseError,
                $"{location.At(at)}: {prefix}{e.Reason}",
                location.Tag(at)));
            return null;
        }
    }

    // The deserializer reports paths relative to the node it read; items of configMaps sit under [i].
    private static string CombinePath(string prefix, string jsonPath) =>
        prefix == "$" ? jsonPath : prefix + (jsonPath.StartsWith('$') ? jsonPath[1..] : jsonPath);

    private static RenderDiagnostic WrongShape(PartLocation location, string wanted, JsonNode? found) =>
        RenderDiagnostic.Error(
            RenderReasons.PresetParseError,
            $"{location.At("$")}: the value must be {wanted}, found {Describe(found)}",
            location.Tag("$"));

    private static string Describe(JsonNode? node) => node switch
    {
        JsonArray => "a list",
        JsonObject => "a mapping",
        JsonValue value => "the scalar " + TemplateError.ShortenAction(value.ToJsonString()),
        _ => "nothing",
    };

    /// <summary>One part read from its text or JSON: the typed value (null when absent or broken) and what reading found.</summary>
    private sealed record ParsedPart(object? Value, IReadOnlyList<RenderDiagnostic> Diagnostics)
    {
        public static ParsedPart Absent { get; } = new(null, []);

        public static ParsedPart Failed(RenderDiagnostic error) => new(null, [error]);
    }
}
