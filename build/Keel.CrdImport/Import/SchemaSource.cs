using System.Text.Json.Nodes;
using Keel.Model.Serialization;

namespace Keel.CrdImport.Import;

/// <summary>Reads a schema file: a CustomResourceDefinition (one unit per version) or a standalone OpenAPI schema.</summary>
internal static class SchemaSource
{
    public static IReadOnlyList<ImportUnit> Load(string path, string displayPath)
    {
        var documents = YamlJsonReader.ReadAll(File.ReadAllText(path), displayPath).Where(d => d.Root is not null).ToList();
        if (documents.Count != 1 || documents[0].Root is not JsonObject root)
        {
            throw new ImportException($"{displayPath}: expected exactly one YAML document holding a CRD or a schema");
        }

        return root["kind"]?.GetValue<string>() == "CustomResourceDefinition"
            ? FromCrd(root, displayPath)
            : [FromSchema(root, displayPath)];
    }

    private static List<ImportUnit> FromCrd(JsonObject crd, string path)
    {
        var spec = Required<JsonObject>(crd, "spec", path);
        var names = Required<JsonObject>(spec, "names", path);
        var group = Required<JsonValue>(spec, "group", path).GetValue<string>();
        var kind = Required<JsonValue>(names, "kind", path).GetValue<string>();
        var versions = Required<JsonArray>(spec, "versions", path);
        var units = new List<ImportUnit>();
        foreach (var version in versions.OfType<JsonObject>())
        {
            var name = Required<JsonValue>(version, "name", path).GetValue<string>();
            var schema = version["schema"]?["openAPIV3Schema"] as JsonObject
                ?? throw new ImportException($"{path}: version {name} has no schema.openAPIV3Schema");
            var subresources = version["subresources"] as JsonObject;
            var identity = new ResourceIdentity(
                group,
                name,
                kind,
                Required<JsonValue>(names, "plural", path).GetValue<string>(),
                names["singular"]?.GetValue<string>(),
                names["listKind"]?.GetValue<string>(),
                spec["scope"]?.GetValue<string>() == "Cluster",
                Strings(names["shortNames"]),
                Strings(names["categories"]),
                subresources?["status"] is not null,
                subresources?["scale"] as JsonObject,
                version["additionalPrinterColumns"] as JsonArray,
                versions.Count > 1 && version["storage"]?.GetValue<bool>() == true);
            units.Add(new ImportUnit(path, kind, (JsonObject)schema.DeepClone(), identity, null));
        }

        return units;
    }

    private static ImportUnit FromSchema(JsonObject schema, string path)
    {
        var title = schema["title"]?.GetValue<string>()
            ?? throw new ImportException($"{path}: a standalone schema needs a title (the C# type name)");
        (string, string)? gvk = null;
        if (schema["x-kubernetes-group-version-kind"] is JsonArray { Count: > 0 } list && list[0] is JsonObject first)
        {
            var group = first["group"]?.GetValue<string>() ?? "";
            var version = first["version"]?.GetValue<string>() ?? "";
            gvk = (group.Length == 0 ? version : $"{group}/{version}", first["kind"]?.GetValue<string>() ?? title);
        }

        return new ImportUnit(path, title, (JsonObject)schema.DeepClone(), null, gvk);
    }

    private static T Required<T>(JsonObject obj, string name, string path) where T : JsonNode =>
        obj[name] as T ?? throw new ImportException($"{path}: missing {name}");

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [];
}
