using System.Text.Json.Nodes;
using Keel.Model.Serialization;

namespace Keel.DeployCheck;

/// <summary>Kubernetes objects read from YAML streams, keyed by apiVersion, kind, namespace and name.</summary>
internal sealed class ManifestSet
{
    private readonly SortedDictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, JsonObject> Objects => _objects;

    /// <summary>Every object of every <c>.yaml</c>/<c>.yml</c>/<c>.json</c> file in <paramref name="path"/> (a folder or a file), as kubectl reads them.</summary>
    public static ManifestSet Read(string path)
    {
        var set = new ManifestSet();
        IEnumerable<string> files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            : [path];
        foreach (var file in files)
        {
            foreach (var document in KeelYaml.ParseAll(File.ReadAllText(file), file))
            {
                if (document.Root is JsonObject obj)
                {
                    set.Add(obj, file);
                }
            }
        }

        return set;
    }

    private void Add(JsonObject obj, string file)
    {
        var key = KeyOf(obj);
        if (!_objects.TryAdd(key, obj))
        {
            throw new InvalidDataException($"{file}: {key} appears twice.");
        }
    }

    public static string KeyOf(JsonObject obj)
    {
        var metadata = obj["metadata"] as JsonObject;
        var ns = (string?)metadata?["namespace"];
        return $"{(string?)obj["apiVersion"]} {(string?)obj["kind"]} {(ns is null ? "" : ns + "/")}{(string?)metadata?["name"]}";
    }
}
