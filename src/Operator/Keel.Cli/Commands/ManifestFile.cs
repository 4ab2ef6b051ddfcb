using System.Text.Json.Nodes;
using Keel.Model.Serialization;

namespace Keel.Cli.Commands;

/// <summary>
/// Reads a one-object manifest file for the CLI: the file must exist, hold YAML, and hold exactly one object.
/// Every failure is one line naming the file (and line and column where the YAML is wrong).
/// </summary>
internal static class ManifestFile
{
    public static bool TryRead(string path, out JsonObject? manifest, out string error)
    {
        manifest = null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"cannot read {path}: {e.Message}";
            return false;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"{path} is empty: expected a manifest (one YAML object)";
            return false;
        }

        IReadOnlyList<YamlDocument> documents;
        try
        {
            documents = KeelYaml.ParseAll(text, path);
        }
        catch (KeelSerializationException e)
        {
            error = e.Position is { } p ? $"{path}:{p.Line}:{p.Column}: invalid YAML: {e.Reason}" : $"{path}: invalid YAML: {e.Reason}";
            return false;
        }

        var objects = documents.Where(d => d.Root is not null).ToList();
        if (objects.Count == 0)
        {
            error = $"{path} holds no object (only comments or empty documents)";
            return false;
        }

        if (objects.Count > 1)
        {
            error = $"{path}:{objects[1].Start.Line}:{objects[1].Start.Column}: expected one object, found {objects.Count} YAML documents";
            return false;
        }

        if (objects[0].Root is not JsonObject root)
        {
            error = $"{path}: expected a manifest (a YAML mapping), found {(objects[0].Root is JsonArray ? "a list" : "a scalar")}";
            return false;
        }

        manifest = root;
        error = string.Empty;
        return true;
    }

    /// <summary>The string at a path of <paramref name="obj"/>, or null.</summary>
    public static string? Text(JsonObject obj, params string[] path)
    {
        JsonNode? node = obj;
        foreach (var key in path)
        {
            node = node is JsonObject o ? o[key] : null;
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    /// <summary>The kind check every command makes: <c>kind</c> must be one of <paramref name="kinds"/>.</summary>
    public static bool HasKind(JsonObject manifest, string path, string[] kinds, out string kind, out string error)
    {
        kind = Text(manifest, "kind") ?? string.Empty;
        if (kinds.Contains(kind, StringComparer.Ordinal))
        {
            error = string.Empty;
            return true;
        }

        error = kind.Length == 0
            ? $"{path}: the manifest has no kind; expected {string.Join(" or ", kinds)}"
            : $"{path}: kind is {kind}, expected {string.Join(" or ", kinds)}";
        return false;
    }
}
