using System.Text.Json.Nodes;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Apply.Json;

/// <summary>
/// Object equality for deciding whether a write changed anything: JSON values compared semantically
/// (numbers by value, properties in any order), except that the <c>time</c> of
/// <c>metadata.managedFields</c> entries is ignored.
/// </summary>
internal static class SemanticEquality
{
    public static bool Equal(JsonNode? a, JsonNode? b)
    {
        if (a is not JsonObject left || b is not JsonObject right)
        {
            return JsonEquality.DeepEquals(a, b, NumberEquality.Encoded);
        }
        return PropertiesEqual(left, right, (name, x, y) =>
            name == "metadata" && x is JsonObject xm && y is JsonObject ym
                ? PropertiesEqual(xm, ym, (field, p, q) => field == "managedFields" ? ManagedFieldsEqual(p, q) : JsonEquality.DeepEquals(p, q, NumberEquality.Encoded))
                : JsonEquality.DeepEquals(x, y, NumberEquality.Encoded));
    }

    private static bool PropertiesEqual(JsonObject left, JsonObject right, Func<string, JsonNode?, JsonNode?, bool> equal)
    {
        if (left.Count != right.Count)
        {
            return false;
        }
        foreach (var (name, value) in left)
        {
            if (!right.TryGetPropertyValue(name, out var other) || !equal(name, value, other))
            {
                return false;
            }
        }
        return true;
    }

    private static bool ManagedFieldsEqual(JsonNode? a, JsonNode? b)
    {
        if (a is not JsonArray left || b is not JsonArray right || left.Count != right.Count)
        {
            return JsonEquality.DeepEquals(a, b, NumberEquality.Encoded);
        }
        for (var i = 0; i < left.Count; i++)
        {
            if (left[i] is JsonObject x && right[i] is JsonObject y)
            {
                var withoutTime = x.Where(p => p.Key != "time").ToList();
                var otherWithoutTime = y.Where(p => p.Key != "time").ToList();
                if (withoutTime.Count != otherWithoutTime.Count
                    || !withoutTime.All(p => y.TryGetPropertyValue(p.Key, out var v) && JsonEquality.DeepEquals(p.Value, v, NumberEquality.Encoded)))
                {
                    return false;
                }
            }
            else if (!JsonEquality.DeepEquals(left[i], right[i], NumberEquality.Encoded))
            {
                return false;
            }
        }
        return true;
    }
}
