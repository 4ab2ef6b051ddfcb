using System.Text.Json.Nodes;
using Keel.Model.Serialization;

namespace Keel.CrdImport.Import;

/// <summary>
/// The list of imports (src/Crds/upstream/imports.yaml): for each schema file, the version to import and the
/// C# namespace; output files go under <see cref="OutputDirectory"/>, one per imported type.
/// </summary>
internal sealed record ImportManifest(string OutputDirectory, IReadOnlyList<ImportEntry> Entries)
{
    public static ImportManifest Load(string path)
    {
        var root = YamlJsonReader.ReadAll(File.ReadAllText(path), path).Single(d => d.Root is not null).Root as JsonObject
            ?? throw new ImportException($"{path}: expected a mapping");
        var output = root["output"]?.GetValue<string>() ?? throw new ImportException($"{path}: missing output");
        var directory = Path.GetDirectoryName(path) ?? ".";
        var entries = (root["imports"] as JsonArray ?? throw new ImportException($"{path}: missing imports"))
            .OfType<JsonObject>()
            .Select(e => new ImportEntry(
                Path.Combine(directory, e["schema"]?.GetValue<string>() ?? throw new ImportException($"{path}: an import without schema")),
                e["version"]?.GetValue<string>(),
                e["namespace"]?.GetValue<string>() ?? throw new ImportException($"{path}: an import without namespace"),
                e["directory"]?.GetValue<string>() ?? throw new ImportException($"{path}: an import without directory")))
            .ToList();
        return new ImportManifest(output, entries);
    }
}

/// <summary>One import: the schema file, the CRD version (null for a standalone schema), the namespace and the output folder (under the manifest's output).</summary>
internal sealed record ImportEntry(string SchemaPath, string? Version, string Namespace, string Directory);
