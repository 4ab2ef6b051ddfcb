using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Resources;

namespace Keel.ApiServer.Storage;

/// <summary>
/// One committed version of an object. Immutable by contract: <see cref="Object"/> is never mutated after
/// commit (callers that change an object start from <see cref="CloneObject"/>), and the serialized bytes
/// are computed once so list and watch responses copy bytes instead of re-serializing.
/// </summary>
public sealed class StoredObject
{
    private StoredObject(GroupResource resource, string ns, string name, string uid, long resourceVersion, JsonObject obj, byte[] json)
    {
        Resource = resource;
        Namespace = ns;
        Name = name;
        Uid = uid;
        ResourceVersion = resourceVersion;
        Object = obj;
        Json = json;
    }

    public GroupResource Resource { get; }
    public string Namespace { get; }
    public string Name { get; }
    public string Uid { get; }
    public long ResourceVersion { get; }

    /// <summary>The committed object. Read-only by contract.</summary>
    public JsonObject Object { get; }

    /// <summary>UTF-8 JSON of <see cref="Object"/>.</summary>
    public ReadOnlyMemory<byte> Json { get; }

    public string Key => StoreKey.For(Namespace, Name);

    public JsonObject CloneObject() => (JsonObject)Object.DeepClone();

    /// <summary>Seals an object: stamps the resource version, materializes every node (so concurrent readers
    /// never race on System.Text.Json's lazy initialization) and serializes it once.</summary>
    internal static StoredObject Seal(GroupResource resource, JsonObject obj, long resourceVersion)
    {
        var metadata = obj["metadata"] as JsonObject ?? throw new InvalidOperationException("object without metadata");
        metadata["resourceVersion"] = resourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ns = (string?)metadata["namespace"] ?? "";
        var name = (string?)metadata["name"] ?? "";
        var uid = (string?)metadata["uid"] ?? "";
        var json = JsonSerializer.SerializeToUtf8Bytes(obj, JsonDefaults.Options);

        // Re-read the bytes: every value is then backed the same way (a JsonElement), whichever code built it.
        var sealedObject = JsonNode.Parse(json)!.AsObject();
        Materialize(sealedObject);
        return new StoredObject(resource, ns, name, uid, resourceVersion, sealedObject, json);
    }

    private static void Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var pair in o)
                {
                    Materialize(pair.Value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Materialize(item);
                }

                break;
        }
    }
}

/// <summary>Storage keys sort like etcd's: namespace, then name.</summary>
public static class StoreKey
{
    public static string For(string ns, string name) => ns.Length == 0 ? name : ns + "/" + name;
}
