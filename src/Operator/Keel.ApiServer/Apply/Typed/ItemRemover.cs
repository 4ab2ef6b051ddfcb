using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Fields;
using Keel.ApiServer.Apply.Json;
using Keel.ApiServer.Apply.Topology;

namespace Keel.ApiServer.Apply.Typed;

/// <summary>
/// Removes fields from a value (structured-merge-diff's RemoveItems): a member of the set removes the
/// field, map entry or list item with everything under it; children of the set descend into granular
/// maps and associative lists. Atomic values are never partly removed.
/// </summary>
internal static class ItemRemover
{
    public static JsonObject Remove(JsonObject value, FieldSet toRemove, TypeNode type) =>
        toRemove.IsEmpty ? (JsonObject)value.DeepClone() : (JsonObject?)Remove((JsonNode)value, toRemove, type) ?? [];

    /// <summary>
    /// Returns the value without the removed parts. A granular map or list that loses all its entries is
    /// returned as null so its parent drops the key (structured-merge-diff writes an explicit null there,
    /// which the API server then prunes; dropping it directly gives the same stored object).
    /// </summary>
    private static JsonNode? Remove(JsonNode value, FieldSet toRemove, TypeNode type)
    {
        switch (type.ShapeOf(value))
        {
            case ValueShape.Map when value is JsonObject obj && obj.Count > 0 && !type.Map!.Atomic:
            {
                var result = new JsonObject();
                foreach (var (name, child) in obj)
                {
                    var element = PathElement.Field(name);
                    if (toRemove.HasMember(element))
                    {
                        continue;
                    }
                    var subset = toRemove.WithPrefix(element);
                    if (subset.IsEmpty || child is null)
                    {
                        result[name] = JsonValues.Clone(child);
                        continue;
                    }
                    var remaining = Remove(child, subset, type.Map!.TypeOf(name) ?? UntypedTypes.Deduced);
                    if (remaining is not null)
                    {
                        result[name] = remaining;
                    }
                }
                return result.Count > 0 ? result : null;
            }
            case ValueShape.List when value is JsonArray items && items.Count > 0 && !type.List!.IsAtomic:
            {
                var result = new JsonArray();
                foreach (var item in items)
                {
                    var element = ListItems.ElementOf(type.List!, item, out _);
                    if (element is null)
                    {
                        // Unidentifiable items cannot be owned individually; keep them.
                        result.Add(JsonValues.Clone(item));
                        continue;
                    }
                    if (toRemove.HasMember(element))
                    {
                        continue;
                    }
                    var subset = toRemove.WithPrefix(element);
                    if (subset.IsEmpty || item is null)
                    {
                        result.Add(JsonValues.Clone(item));
                        continue;
                    }
                    var remaining = Remove(item, subset, type.List!.Element);
                    result.Add(remaining ?? KeysOnly(item, type.List!));
                }
                return result.Count > 0 ? result : null;
            }
            default:
                return value.DeepClone();
        }
    }

    /// <summary>An item whose owned fields all went away but which is itself still owned keeps its identity.</summary>
    private static JsonNode KeysOnly(JsonNode item, ListShape list)
    {
        var keys = new JsonObject();
        if (item is JsonObject obj)
        {
            foreach (var key in list.Keys)
            {
                if (obj.TryGetPropertyValue(key, out var value))
                {
                    keys[key] = JsonValues.Clone(value);
                }
            }
        }
        return keys;
    }
}
