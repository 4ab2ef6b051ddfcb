using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Apply.Json;

/// <summary>
/// Value-level helpers over <see cref="JsonNode"/>: kind, the total order structured-merge-diff uses,
/// a hash consistent with it, and cloning. Equality lives in <see cref="JsonEquality"/>.
/// A C# <c>null</c> node is JSON <c>null</c>.
/// </summary>
internal static class JsonValues
{
    public static JsonKind KindOf(JsonNode? node) => node switch
    {
        null => JsonKind.Null,
        JsonObject => JsonKind.Object,
        JsonArray => JsonKind.Array,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => JsonKind.String,
            JsonValueKind.Number => JsonKind.Number,
            JsonValueKind.True or JsonValueKind.False => JsonKind.Boolean,
            JsonValueKind.Null or JsonValueKind.Undefined => JsonKind.Null,
            var other => throw new InvalidOperationException($"unexpected JSON value kind {other}"),
        },
        _ => throw new InvalidOperationException($"unexpected JSON node {node.GetType().Name}"),
    };

    public static bool IsNull(JsonNode? node) => KindOf(node) == JsonKind.Null;

    public static string? AsString(JsonNode? node) =>
        KindOf(node) == JsonKind.String ? node!.GetValue<string>() : null;

    public static bool AsBoolean(JsonNode node) => node.GetValueKind() == JsonValueKind.True;

    /// <summary>The number's exact decimal text as written ("80", "1.5", "1e3").</summary>
    public static string NumberText(JsonNode node) => node.ToJsonString();

    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    /// <summary>
    /// Total order over JSON values: numbers &lt; strings &lt; booleans &lt; lists &lt; maps &lt; null
    /// (the order structured-merge-diff sorts path elements by).
    /// </summary>
    public static int Compare(JsonNode? a, JsonNode? b)
    {
        var kind = KindOf(a);
        var byKind = kind.CompareTo(KindOf(b));
        if (byKind != 0)
        {
            return byKind;
        }
        switch (kind)
        {
            case JsonKind.Null:
                return 0;
            case JsonKind.Number:
                return CompareNumbers(a!, b!);
            case JsonKind.String:
                return string.CompareOrdinal(a!.GetValue<string>(), b!.GetValue<string>());
            case JsonKind.Boolean:
                return AsBoolean(a!).CompareTo(AsBoolean(b!));
            case JsonKind.Array:
            {
                var left = (JsonArray)a!;
                var right = (JsonArray)b!;
                for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
                {
                    var c = Compare(left[i], right[i]);
                    if (c != 0)
                    {
                        return c;
                    }
                }
                return left.Count.CompareTo(right.Count);
            }
            default:
            {
                // Maps compare by their sorted keys, then by the values under those keys.
                var left = (JsonObject)a!;
                var right = (JsonObject)b!;
                var leftKeys = left.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                var rightKeys = right.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
                for (var i = 0; i < Math.Min(leftKeys.Count, rightKeys.Count); i++)
                {
                    var c = string.CompareOrdinal(leftKeys[i], rightKeys[i]);
                    if (c != 0)
                    {
                        return c;
                    }
                    c = Compare(left[leftKeys[i]], right[rightKeys[i]]);
                    if (c != 0)
                    {
                        return c;
                    }
                }
                return leftKeys.Count.CompareTo(rightKeys.Count);
            }
        }
    }

    /// <summary>
    /// structured-merge-diff's number order: two int64s as integers, anything else as float64
    /// (so 1 and 1.0 sort as equal, matching <see cref="NumberEquality.MergeDiff"/>).
    /// </summary>
    public static int CompareNumbers(JsonNode a, JsonNode b)
    {
        var x = GoNumber.Of(a.AsValue());
        var y = GoNumber.Of(b.AsValue());
        return x.IsInteger && y.IsInteger ? x.Integer.CompareTo(y.Integer) : x.AsFloat.CompareTo(y.AsFloat);
    }

    /// <summary>
    /// A stable hash consistent with <see cref="Compare"/> and <see cref="NumberEquality.MergeDiff"/>:
    /// numbers hash by their float64 value, so 1 and 1.0 (and 0 and -0.0) collide as they must.
    /// </summary>
    public static int Hash(JsonNode? node)
    {
        switch (KindOf(node))
        {
            case JsonKind.Null:
                return 0;
            case JsonKind.String:
                return StringComparer.Ordinal.GetHashCode(node!.GetValue<string>());
            case JsonKind.Boolean:
                return AsBoolean(node!) ? 1 : 2;
            case JsonKind.Number:
            {
                var value = GoNumber.Of(node!.AsValue()).AsFloat;
                return value == 0 ? 0 : value.GetHashCode();
            }
            case JsonKind.Array:
            {
                var hash = new HashCode();
                foreach (var item in (JsonArray)node!)
                {
                    hash.Add(Hash(item));
                }
                return hash.ToHashCode();
            }
            default:
            {
                // Order-independent: objects compare equal whatever their property order.
                var sum = 17;
                foreach (var (name, value) in (JsonObject)node!)
                {
                    sum += HashCode.Combine(StringComparer.Ordinal.GetHashCode(name), Hash(value));
                }
                return sum;
            }
        }
    }
}
