using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.CrdImport.Import;

namespace Keel.CrdImport.Reference;

/// <summary>Documents one CRD: a section per kind version, a table per object of its schema.</summary>
internal sealed class CrdDocumenter(JsonObject crd, string path, StringBuilder text, IReadOnlyList<TypeLink> links)
{
    // Sections in depth-first order; an object schema identical to one already documented links to it.
    private readonly List<Section> _sections = [];
    private readonly Dictionary<string, Section> _byShape = new(StringComparer.Ordinal);
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);

    public void Write()
    {
        var spec = crd["spec"] as JsonObject ?? throw new ImportException($"{path}: no spec");
        var names = spec["names"] as JsonObject ?? throw new ImportException($"{path}: no spec.names");
        var kind = names["kind"]!.GetValue<string>();
        var group = spec["group"]!.GetValue<string>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = version["name"]!.GetValue<string>();
            var schema = version["schema"]?["openAPIV3Schema"] as JsonObject ?? throw new ImportException($"{path}: {name} has no schema");
            text.Append(CultureInfo.InvariantCulture, $"\n## {kind} ({group}/{name})\n\n");
            if (Text(schema["description"]) is { } description)
            {
                text.Append(description).Append("\n\n");
            }

            WriteIdentity(spec, names, version);
            _sections.Clear();
            _byShape.Clear();
            Document(kind, schema);
            foreach (var section in _sections)
            {
                WriteObject(section);
            }
        }
    }

    /// <summary>Adds a section for an object schema (and, first, its nested objects' sections); returns its anchor.</summary>
    private string Document(string title, JsonObject schema)
    {
        var shape = schema.ToJsonString();
        if (_byShape.TryGetValue(shape, out var existing))
        {
            existing.AlsoAt.Add(title);
            return existing.Anchor;
        }

        var section = new Section(title, Anchor(title), schema);
        _byShape[shape] = section;
        _sections.Add(section);
        var required = schema["required"] is JsonArray list ? list.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var (name, value) in schema["properties"]?.AsObject() ?? [])
        {
            if (value is not JsonObject property)
            {
                continue;
            }

            var validation = Validations(property, withRules: !IsDocumentedObject(property, $"{title}.{name}"));
            if (required.Contains(name))
            {
                validation.Insert(0, "required");
            }

            section.Rows.Add(new Row(name, TypeOf(property, $"{title}.{name}"), property["default"] is { } d ? $"`{d.ToJsonString()}`" : "",
                string.Join("; ", validation), Text(property["description"]) ?? ""));
        }

        return section.Anchor;
    }

    private sealed record Section(string Title, string Anchor, JsonObject Schema)
    {
        public List<Row> Rows { get; } = [];

        public List<string> AlsoAt { get; } = [];
    }

    private sealed record Row(string Name, string Type, string Default, string Validation, string Description);

    private void WriteIdentity(JsonObject spec, JsonObject names, JsonObject version)
    {
        var rows = new List<(string, string)>
        {
            ("Resource", $"`{names["plural"]}` (singular `{names["singular"]}`, list kind `{names["listKind"]}`)"),
            ("Scope", spec["scope"]?.GetValue<string>() ?? "Namespaced"),
        };
        if (names["shortNames"] is JsonArray { Count: > 0 } shortNames)
        {
            rows.Add(("Short names", string.Join(", ", shortNames.Select(n => $"`{n}`"))));
        }

        if (names["categories"] is JsonArray { Count: > 0 } categories)
        {
            rows.Add(("Categories", string.Join(", ", categories.Select(n => $"`{n}`"))));
        }

        var subresources = version["subresources"] as JsonObject;
        rows.Add(("Subresources", subresources is { Count: > 0 } ? string.Join(", ", subresources.Select(s => $"`{s.Key}`")) : "none"));
        if (version["additionalPrinterColumns"] is JsonArray { Count: > 0 } columns)
        {
            rows.Add(("Printer columns", string.Join(", ", columns.OfType<JsonObject>().Select(c => $"{c["name"]} (`{c["jsonPath"]}`)"))));
        }

        text.Append("| | |\n|---|---|\n");
        foreach (var (key, value) in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {key} | {Cell(value)} |\n");
        }
    }

    private void WriteObject(Section section)
    {
        text.Append(CultureInfo.InvariantCulture, $"\n### {section.Title}\n<a id=\"{section.Anchor}\"></a>\n\n");
        if (section.AlsoAt.Count > 0)
        {
            text.Append("Also at ").Append(string.Join(", ", section.AlsoAt.Select(t => $"`{t}`"))).Append(".\n\n");
        }

        if (Text(section.Schema["description"]) is { } description && section.Title.Contains('.', StringComparison.Ordinal))
        {
            text.Append(description).Append("\n\n");
        }

        if (section.Schema["x-kubernetes-validations"] is JsonArray { Count: > 0 } rules)
        {
            text.Append("Rules:\n\n");
            foreach (var rule in rules.OfType<JsonObject>())
            {
                text.Append(CultureInfo.InvariantCulture, $"- {Text(rule["message"]) ?? $"`{rule["rule"]}`"}\n");
            }

            text.Append('\n');
        }

        text.Append("| Field | Type | Default | Validation | Description |\n|---|---|---|---|---|\n");
        foreach (var row in section.Rows)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"| `{row.Name}` | {row.Type} | {Cell(row.Default)} | {Cell(row.Validation)} | {Cell(row.Description)} |\n");
        }
    }

    private bool IsDocumentedObject(JsonObject schema, string title) =>
        Link(title) is null && schema["type"]?.GetValue<string>() == "object" && schema["properties"] is JsonObject { Count: > 0 };

    private TypeLink? Link(string title) => links.FirstOrDefault(l => title.EndsWith(l.PathSuffix, StringComparison.Ordinal));

    private string TypeOf(JsonObject schema, string title)
    {
        if (Link(title) is { } link)
        {
            var linked = $"[{link.Label}]({link.Url})";
            return schema["type"]?.GetValue<string>() == "array" ? $"list of {linked}" : linked;
        }

        if (schema["x-kubernetes-int-or-string"] is JsonValue ios && ios.GetValue<bool>())
        {
            return "int or string";
        }

        switch (schema["type"]?.GetValue<string>())
        {
            case "array":
                return schema["items"] is JsonObject items ? $"list of {TypeOf(items, title + "[]")}" : "list";
            case "object" when schema["properties"] is JsonObject { Count: > 0 }:
                return $"[object](#{Document(title, schema)})";
            case "object" when schema["additionalProperties"] is JsonObject values:
                return $"map of {TypeOf(values, title + "{}")}";
            case "object":
                return Bool(schema, "x-kubernetes-preserve-unknown-fields") ? "object (free-form)" : "object";
            case { } scalar:
                return schema["format"]?.GetValue<string>() is { } format ? $"{scalar} ({format})" : scalar;
            default:
                return "any";
        }
    }

    private static List<string> Validations(JsonObject schema, bool withRules)
    {
        var list = new List<string>();
        void Add(string keyword, string label)
        {
            if (schema[keyword] is { } value)
            {
                list.Add($"{label} {value.ToJsonString().Trim('"')}");
            }
        }

        Add("minimum", Bool(schema, "exclusiveMinimum") ? ">" : ">=");
        Add("maximum", Bool(schema, "exclusiveMaximum") ? "<" : "<=");
        Add("minLength", "min length");
        Add("maxLength", "max length");
        Add("minItems", "min items");
        Add("maxItems", "max items");
        Add("minProperties", "min properties");
        Add("maxProperties", "max properties");
        Add("multipleOf", "multiple of");
        if (schema["pattern"]?.GetValue<string>() is { } pattern)
        {
            list.Add($"pattern `{pattern}`");
        }

        if (schema["enum"] is JsonArray values)
        {
            list.Add("one of " + string.Join(", ", values.Select(v => $"`{v!.ToJsonString().Trim('"')}`")));
        }

        if (Bool(schema, "uniqueItems"))
        {
            list.Add("unique items");
        }

        if (Bool(schema, "nullable"))
        {
            list.Add("nullable");
        }

        if (schema["x-kubernetes-list-type"]?.GetValue<string>() is { } listType)
        {
            list.Add(schema["x-kubernetes-list-map-keys"] is JsonArray keys
                ? $"{listType} list keyed by {string.Join(", ", keys.Select(k => $"`{k}`"))}"
                : $"{listType} list");
        }

        if (schema["x-kubernetes-map-type"]?.GetValue<string>() is { } mapType)
        {
            list.Add($"{mapType} map");
        }

        if (withRules)
        {
            list.AddRange(Rules(schema));
        }

        return list;
    }

    private static List<string> Rules(JsonObject schema) =>
        schema["x-kubernetes-validations"] is JsonArray rules
            ? rules.OfType<JsonObject>().Select(r => Text(r["message"]) is { } message
                ? $"rule: {message}"
                : $"rule `{r["rule"]}`").ToList()
            : [];

    private string Anchor(string title)
    {
        var baseAnchor = new string(title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        var anchor = baseAnchor;
        for (var i = 2; !_anchors.Add(anchor); i++)
        {
            anchor = $"{baseAnchor}-{i}";
        }

        return anchor;
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String
        ? value.GetValue<string>().Trim()
        : null;

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static bool Bool(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.GetValueKind() == JsonValueKind.True;
}
