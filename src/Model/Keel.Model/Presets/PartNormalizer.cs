using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.Model.Rendering;
using Keel.Model.Templating;

namespace Keel.Model.Presets;

/// <summary>
/// Prepares the JSON of one preset part for its typed object, guided by the type's <see cref="JsonShape"/>:
/// drops (and reports) fields the type does not have (spec 2.1: dropped for compat, reported as a fix), drops what
/// the operator never takes from a preset (status, server-set metadata), and — for BaseConfig typed parts — renders
/// every string leaf holding a template, converting the result to the JSON type the position wants (an integer
/// where an integer is wanted). Works on a copy the caller owns; never throws on content.
/// </summary>
internal sealed class PartNormalizer
{
    // Metadata a preset may not decide: the server sets these, or the operator forces them.
    private static readonly string[] ServerMetadata =
    [
        "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
        "managedFields", "selfLink", "ownerReferences", "finalizers", "generateName",
    ];

    private readonly PartLocation location;
    private readonly Func<string, string, TemplateResult<string>>? render;
    private readonly List<RenderDiagnostic> diagnostics;

    /// <param name="location">Names the part in messages.</param>
    /// <param name="render">Renders a template (name, text); null when the part's text was rendered already.</param>
    /// <param name="diagnostics">Receives warnings and errors.</param>
    public PartNormalizer(PartLocation location, Func<string, string, TemplateResult<string>>? render, List<RenderDiagnostic> diagnostics)
    {
        this.location = location;
        this.render = render;
        this.diagnostics = diagnostics;
    }

    /// <summary>Normalizes the root of a Kubernetes object part and returns the (possibly replaced) node.</summary>
    public JsonNode? NormalizeObject(JsonNode? node, Type type, string path = "$")
    {
        if (node is JsonObject obj)
        {
            StripIgnored(obj, path);
        }

        return Visit(node, JsonShape.Of(type), path);
    }

    private void StripIgnored(JsonObject obj, string path)
    {
        var ignored = new List<string>();
        if (obj.Remove("status"))
        {
            ignored.Add("status");
        }

        if (obj["metadata"] is JsonObject metadata)
        {
            foreach (var name in ServerMetadata)
            {
                if (metadata.Remove(name))
                {
                    ignored.Add("metadata." + name);
                }
            }
        }

        if (ignored.Count > 0)
        {
            diagnostics.Add(RenderDiagnostic.Warning(
                RenderReasons.IgnoredField,
                $"{location.At(path)}: {string.Join(", ", ignored)} ignored (set by the server or the operator, never by a preset)",
                location.Tag(path)));
        }
    }

    private JsonNode? Visit(JsonNode? node, JsonShape shape, string path)
    {
        switch (shape.Kind)
        {
            case JsonShapeKind.Object when node is JsonObject obj:
                VisitObject(obj, shape, path);
                return node;
            case JsonShapeKind.List when node is JsonArray array && shape.ElementType is { } itemType:
                var itemShape = JsonShape.Of(itemType);
                for (var i = 0; i < array.Count; i++)
                {
                    Replace(array, i, Visit(array[i], itemShape, PartLocation.Index(path, i)));
                }

                return node;
            case JsonShapeKind.Map when node is JsonObject map && shape.ElementType is { } valueType:
                var valueShape = JsonShape.Of(valueType);
                foreach (var key in map.Select(p => p.Key).ToList())
                {
                    Replace(map, key, Visit(map[key], valueShape, PartLocation.Property(path, key)));
                }

                return node;
            case JsonShapeKind.FreeForm:
                return render is null ? node : RenderFreeForm(node, path);
            case JsonShapeKind.Scalar when node is JsonValue value && render is not null && IsTemplate(value, out var text):
                return RenderScalar(text, shape.Scalar, path);
            default:
                // A mismatch (an object where a string is wanted...) is left for the typed reader to report.
                return node;
        }
    }

    private void VisitObject(JsonObject obj, JsonShape shape, string path)
    {
        List<string>? unknown = null;
        foreach (var (name, _) in obj)
        {
            if (shape.Property(name) is null)
            {
                (unknown ??= []).Add(name);
            }
        }

        if (unknown is not null)
        {
            foreach (var name in unknown)
            {
                var fieldPath = PartLocation.Property(path, name);
                diagnostics.Add(RenderDiagnostic.Warning(
                    RenderReasons.UnknownField,
                    $"{location.At(fieldPath)}: unknown field \"{PartLocation.Display(fieldPath)}\" dropped",
                    location.Tag(fieldPath)));
                obj.Remove(name);
            }
        }

        foreach (var name in obj.Select(p => p.Key).ToList())
        {
            Replace(obj, name, Visit(obj[name], JsonShape.Of(shape.Property(name)!), PartLocation.Property(path, name)));
        }
    }

    private JsonNode? RenderFreeForm(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    Replace(obj, name, RenderFreeForm(obj[name], PartLocation.Property(path, name)));
                }

                return node;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Replace(array, i, RenderFreeForm(array[i], PartLocation.Index(path, i)));
                }

                return node;
            case JsonValue value when IsTemplate(value, out var text):
                return RenderScalar(text, null, path);
            default:
                return node;
        }
    }

    private JsonNode? RenderScalar(string text, ScalarKind? kind, string path)
    {
        var rendered = render!(location.Key + "." + PartLocation.Display(path), text);
        if (!rendered.TryGetValue(out var output, out var error))
        {
            diagnostics.Add(RenderDiagnostic.Error(
                RenderReasons.TemplateError, $"{location.At(path)}: {error}", location.Tag(path)));
            return JsonValue.Create(text);
        }

        if (kind is ScalarKind.String or ScalarKind.Other)
        {
            return JsonValue.Create(output);
        }

        // Where the position is not a string, the rendering is read as the YAML scalar it would be in a ConfigMap
        // preset: empty means absent, digits an integer, true/false a boolean.
        var trimmed = output.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        JsonNode? converted = kind switch
        {
            ScalarKind.Integer => Integer(trimmed),
            ScalarKind.Number => Number(trimmed),
            ScalarKind.Boolean => Boolean(trimmed),
            ScalarKind.IntOrString => Integer(trimmed) ?? JsonValue.Create(output),
            _ => Integer(trimmed) ?? Boolean(trimmed) ?? Number(trimmed) ?? JsonValue.Create(output),
        };
        if (converted is null)
        {
            var wanted = kind switch
            {
                ScalarKind.Integer => "an integer",
                ScalarKind.Number => "a number",
                _ => "true or false",
            };
            diagnostics.Add(RenderDiagnostic.Error(
                RenderReasons.PresetParseError,
                $"{location.At(path)}: the template renders \"{Shorten(output)}\", which is not {wanted}",
                location.Tag(path)));
            return JsonValue.Create(output);
        }

        return converted;
    }

    private static JsonNode? Integer(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? JsonValue.Create(value) : null;

    private static JsonNode? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? JsonValue.Create(value)
            : null;

    private static JsonNode? Boolean(string text) => text switch
    {
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ => null,
    };

    private static bool IsTemplate(JsonValue value, out string text)
    {
        if (value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { } s && s.Contains("{{", StringComparison.Ordinal))
        {
            text = s;
            return true;
        }

        text = string.Empty;
        return false;
    }

    private static string Shorten(string text) => TemplateError.ShortenAction(text);

    private static void Replace(JsonObject obj, string name, JsonNode? replacement)
    {
        var current = obj[name];
        if (!ReferenceEquals(current, replacement))
        {
            if (replacement is null)
            {
                obj.Remove(name);
            }
            else
            {
                obj[name] = replacement;
            }
        }
    }

    private static void Replace(JsonArray array, int index, JsonNode? replacement)
    {
        if (!ReferenceEquals(array[index], replacement))
        {
            array[index] = replacement;
        }
    }
}
