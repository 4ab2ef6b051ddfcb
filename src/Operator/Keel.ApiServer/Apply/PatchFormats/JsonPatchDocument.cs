using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Json;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Apply.PatchFormats;

/// <summary>
/// RFC 6902 JSON patch (add, remove, replace, move, copy, test) applied in order to a copy of the target.
/// A malformed operation is a 400 <see cref="PatchException"/>; an operation that does not apply to
/// the document (missing path, failed test) is a 422, with the messages the API server's JSON patch
/// library uses.
/// </summary>
internal static class JsonPatchDocument
{
    public static JsonNode Apply(JsonNode target, JsonArray operations)
    {
        var document = target.DeepClone();
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject operation)
            {
                throw new PatchException($"invalid JSON patch: operation {i} is not an object", PatchException.BadRequest);
            }
            document = ApplyOne(document, operation);
        }
        return document;
    }

    private static JsonNode ApplyOne(JsonNode document, JsonObject operation)
    {
        var op = JsonValues.AsString(operation["op"])
            ?? throw new PatchException("invalid JSON patch: an operation is missing \"op\"", PatchException.BadRequest);
        var path = JsonPointer.Parse(JsonValues.AsString(operation["path"])
            ?? throw new PatchException($"invalid JSON patch: the {op} operation is missing \"path\"", PatchException.BadRequest));
        switch (op)
        {
            case "add":
                return Add(document, path, Value(operation, op), op);
            case "remove":
                return Remove(document, path, out _, $"remove operation does not apply: doc is missing path: \"{path.Text}\": missing value");
            case "replace":
            {
                var value = Value(operation, op);
                if (path.IsRoot)
                {
                    return value ?? throw Unprocessable("replace operation does not apply: the document cannot become null");
                }
                var (parent, found) = Locate(document, path);
                if (!found)
                {
                    throw Unprocessable($"replace operation does not apply: doc is missing key: {path.Text}: missing value");
                }
                Replace(parent!, path.Last, value);
                return document;
            }
            case "move":
            {
                var from = From(operation, op);
                if (from.IsProperPrefixOf(path))
                {
                    throw Unprocessable($"move operation does not apply: cannot move {from.Text} into its own child {path.Text}");
                }
                document = Remove(document, from, out var moved, $"move operation does not apply: doc is missing from path: {from.Text}: missing value");
                return Add(document, path, moved, op);
            }
            case "copy":
            {
                var from = From(operation, op);
                var (parent, found) = Locate(document, from);
                if (!found)
                {
                    throw Unprocessable($"copy operation does not apply: doc is missing from path: {from.Text}: missing value");
                }
                return Add(document, path, JsonValues.Clone(Get(parent, from)), op);
            }
            case "test":
            {
                var expected = Value(operation, op);
                var (parent, found) = Locate(document, path);
                var actual = found ? Get(parent, path) : null;
                if (!found || !JsonEquality.DeepEquals(actual, expected, NumberEquality.Encoded))
                {
                    throw Unprocessable($"testing value {path.Text} failed: test failed");
                }
                return document;
            }
            default:
                throw new PatchException($"Unexpected kind: {op}", PatchException.BadRequest);
        }
    }

    private static JsonNode? Value(JsonObject operation, string op) =>
        operation.TryGetPropertyValue("value", out var value)
            ? JsonValues.Clone(value)
            : throw new PatchException($"invalid JSON patch: the {op} operation is missing \"value\"", PatchException.BadRequest);

    private static JsonPointer From(JsonObject operation, string op) =>
        JsonPointer.Parse(JsonValues.AsString(operation["from"])
            ?? throw new PatchException($"invalid JSON patch: the {op} operation is missing \"from\"", PatchException.BadRequest));

    private static PatchException Unprocessable(string message) => new(message, PatchException.Unprocessable);

    private static JsonNode Add(JsonNode document, JsonPointer path, JsonNode? value, string op)
    {
        if (path.IsRoot)
        {
            return value ?? throw Unprocessable($"{op} operation does not apply: the document cannot become null");
        }
        var parent = Resolve(document, path.Parent);
        switch (parent)
        {
            case JsonObject obj:
                obj[path.Last] = value;
                return document;
            case JsonArray array when path.Last == "-":
                array.Add(value);
                return document;
            case JsonArray array:
                if (!JsonPointer.TryIndex(path.Last, array.Count + 1, out var index) || index > array.Count)
                {
                    throw Unprocessable($"Unable to access invalid index: {path.Last}: invalid index referenced");
                }
                array.Insert(index, value);
                return document;
            default:
                throw Unprocessable($"{op} operation does not apply: doc is missing path: \"{path.Text}\": missing value");
        }
    }

    private static JsonNode Remove(JsonNode document, JsonPointer path, out JsonNode? removed, string missing)
    {
        if (path.IsRoot)
        {
            throw Unprocessable("remove operation does not apply: the whole document cannot be removed");
        }
        var (parent, found) = Locate(document, path);
        if (!found)
        {
            throw Unprocessable(missing);
        }
        switch (parent)
        {
            case JsonObject obj:
                removed = obj[path.Last];
                obj.Remove(path.Last);
                break;
            default:
                var array = (JsonArray)parent!;
                JsonPointer.TryIndex(path.Last, array.Count, out var index);
                removed = array[index];
                array.RemoveAt(index);
                break;
        }
        removed = JsonValues.Clone(removed);
        return document;
    }

    /// <summary>The container holding the value <paramref name="path"/> points to, and whether that value exists.</summary>
    private static (JsonNode? Parent, bool Found) Locate(JsonNode document, JsonPointer path)
    {
        if (path.IsRoot)
        {
            return (null, true);
        }
        var parent = Resolve(document, path.Parent);
        return parent switch
        {
            JsonObject obj => (obj, obj.ContainsKey(path.Last)),
            JsonArray array => (array, JsonPointer.TryIndex(path.Last, array.Count, out var index) && index < array.Count),
            _ => (null, false),
        };
    }

    private static JsonNode? Get(JsonNode? parent, JsonPointer path) => parent switch
    {
        null => null,
        JsonObject obj => obj[path.Last],
        JsonArray array => JsonPointer.TryIndex(path.Last, array.Count, out var index) ? array[index] : null,
        _ => null,
    };

    private static void Replace(JsonNode parent, string token, JsonNode? value)
    {
        switch (parent)
        {
            case JsonObject obj:
                obj[token] = value;
                break;
            case JsonArray array:
                JsonPointer.TryIndex(token, array.Count, out var index);
                array[index] = value;
                break;
        }
    }

    /// <summary>Follows a pointer; null when any step is missing.</summary>
    private static JsonNode? Resolve(JsonNode document, JsonPointer pointer)
    {
        JsonNode? node = document;
        foreach (var token in pointer.Tokens)
        {
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(token, out var child) ? child : null,
                JsonArray array => JsonPointer.TryIndex(token, array.Count, out var index) && index < array.Count ? array[index] : null,
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }
}
