using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;

namespace Keel.ApiServer.Hosting;

/// <summary>
/// The optional file snapshot: every object with its group-resource, and the resource-version counter,
/// written atomically (temp file, then rename) so a crash never leaves half a file.
/// </summary>
public static class Snapshot
{
    public static async Task SaveAsync(ObjectStore store, string path, CancellationToken ct)
    {
        var version = store.CurrentResourceVersion;
        var objects = new JsonArray();
        foreach (var o in store.All())
        {
            objects.Add(new JsonObject { ["group"] = o.Resource.Group, ["resource"] = o.Resource.Resource, ["object"] = o.CloneObject() });
        }

        var document = new JsonObject { ["resourceVersion"] = version, ["objects"] = objects };
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = path + ".tmp";
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(document, JsonDefaults.Options), ct);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Loads a snapshot if the file exists; returns whether it did.</summary>
    public static async Task<bool> LoadAsync(ObjectStore store, string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var document = JsonNode.Parse(await File.ReadAllTextAsync(path, ct)) as JsonObject
            ?? throw new InvalidDataException($"{path}: not a Keel API server snapshot");
        var items = (document["objects"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(o => (new GroupResource((string?)o["group"] ?? "", (string?)o["resource"] ?? ""), (JsonObject)o["object"]!.DeepClone()));
        store.Load(items, JsonNumbers.Long(document["resourceVersion"]) ?? 0);
        return true;
    }
}
