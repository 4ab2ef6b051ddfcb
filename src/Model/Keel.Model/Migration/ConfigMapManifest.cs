using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Serialization;

namespace Keel.Model.Migration;

/// <summary>
/// Reads the manifest of a ConfigMap preset (a file, or kubectl's output) for the migration, with a precise message
/// for everything that is not one: YAML errors with line and column, another kind (a BaseConfig already), several
/// objects, a missing name, a data value written as YAML instead of as a string.
/// </summary>
public static class ConfigMapManifest
{
    /// <summary>The ConfigMap in <paramref name="yaml"/>, or null with the errors (each naming <paramref name="sourceName"/>).</summary>
    public static V1ConfigMap? Read(string yaml, string sourceName, out IReadOnlyList<MigrationNote> errors)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var found = new List<MigrationNote>();
        errors = found;
        V1ConfigMap? Fail(string message, SourcePosition? at = null)
        {
            found.Add(MigrationNote.Error(MigrationCodes.NotAConfigMap, at is { } p ? $"{sourceName}:{p.Line}:{p.Column}: {message}" : $"{sourceName}: {message}"));
            return null;
        }

        if (string.IsNullOrWhiteSpace(yaml))
        {
            return Fail("the file is empty: expected a ConfigMap preset (one YAML object)");
        }

        IReadOnlyList<YamlDocument> documents;
        try
        {
            documents = KeelYaml.ParseAll(yaml, sourceName);
        }
        catch (KeelSerializationException e)
        {
            return Fail("invalid YAML: " + e.Reason, e.Position);
        }

        var objects = documents.Where(d => d.Root is not null).ToList();
        if (objects.Count == 0)
        {
            return Fail("holds no object (only comments or empty documents); expected a ConfigMap preset");
        }

        if (objects.Count > 1)
        {
            return Fail($"expected one ConfigMap, found {objects.Count} YAML documents: migrate one preset at a time", objects[1].Start);
        }

        var document = objects[0];
        if (document.Root is not JsonObject root)
        {
            return Fail($"expected a ConfigMap (a YAML mapping), found {(document.Root is JsonArray ? "a list" : "a scalar")}", document.Start);
        }

        var kind = Text(root["kind"]);
        var apiVersion = Text(root["apiVersion"]);
        if (kind == BaseConfig.KubeKind)
        {
            return Fail("this is already a BaseConfig: there is nothing to migrate", document.Positions.Find("$.kind"));
        }

        if (kind != "ConfigMap" || (apiVersion is not null && apiVersion != "v1"))
        {
            var what = kind is null ? "an object without kind" : $"{apiVersion ?? "(no apiVersion)"} {kind}";
            return Fail($"expected a ConfigMap (apiVersion v1) holding a preset, found {what}", document.Positions.Find(kind is null ? "$" : "$.kind"));
        }

        if (Text(root["metadata"]?["name"]) is not { Length: > 0 })
        {
            return Fail("the ConfigMap has no metadata.name: the BaseConfig takes its name", document.Positions.Find("$.metadata") ?? document.Start);
        }

        if (root["data"] is { } data and not JsonObject)
        {
            return Fail("data must be a mapping of part names to template text", document.Positions.Find("$.data"));
        }

        foreach (var (key, value) in root["data"] as JsonObject ?? [])
        {
            if (value is not null && (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            {
                var path = JsonPath.Property("$.data", key);
                return Fail(
                    $"data.{key} must be a string holding the part's template; it is {Describe(value)}. Write it as a block scalar (`{key}: |`) with the YAML indented under it",
                    document.Positions.Find(path));
            }
        }

        try
        {
            return KeelJson.Deserialize<V1ConfigMap>(root, sourceName, document.Positions);
        }
        catch (KeelSerializationException e)
        {
            return Fail(e.Reason, e.Position);
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static string Describe(JsonNode node) => node switch
    {
        JsonObject => "a YAML mapping",
        JsonArray => "a YAML list",
        _ => "the " + node.GetValueKind().ToString().ToLowerInvariant() + " " + node.ToJsonString(),
    };
}
