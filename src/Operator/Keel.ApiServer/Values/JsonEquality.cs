using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keel.ApiServer.Values;

/// <summary>
/// Deep equality of JSON values as the API server sees them: object properties in any order, arrays in
/// order, strings ordinally, and numbers by an explicit <see cref="NumberEquality"/> rule. A C# <c>null</c>
/// node is JSON <c>null</c>; a string never equals a number ("1" is not 1).
/// </summary>
internal static class JsonEquality
{
    public static bool DeepEquals(JsonNode? a, JsonNode? b, NumberEquality numbers)
    {
        var kind = KindOf(a);
        if (kind != KindOf(b))
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.String:
                return string.Equals(a!.GetValue<string>(), b!.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Number:
                return NumbersEqual(GoNumber.Of(a!.AsValue()), GoNumber.Of(b!.AsValue()), numbers);
            case JsonValueKind.Array:
                var left = a!.AsArray();
                var right = b!.AsArray();
                if (left.Count != right.Count)
                {
                    return false;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    if (!DeepEquals(left[i], right[i], numbers))
                    {
                        return false;
                    }
                }

                return true;
            case JsonValueKind.Object:
                var lo = a!.AsObject();
                var ro = b!.AsObject();
                if (lo.Count != ro.Count)
                {
                    return false;
                }

                foreach (var (name, value) in lo)
                {
                    if (!ro.TryGetPropertyValue(name, out var other) || !DeepEquals(value, other, numbers))
                    {
                        return false;
                    }
                }

                return true;
            default:
                // null, true and false: equal kinds are equal values.
                return true;
        }
    }

    public static bool NumbersEqual(GoNumber a, GoNumber b, NumberEquality numbers) => numbers switch
    {
        NumberEquality.MergeDiff => a.IsInteger && b.IsInteger ? a.Integer == b.Integer : a.AsFloat == b.AsFloat,
        NumberEquality.Encoded => a.ToJson() == b.ToJson(),
        NumberEquality.GoTyped => a.IsInteger == b.IsInteger && (a.IsInteger ? a.Integer == b.Integer : a.Float == b.Float),
        _ => throw new ArgumentOutOfRangeException(nameof(numbers), numbers, null),
    };

    private static JsonValueKind KindOf(JsonNode? node) => node switch
    {
        null => JsonValueKind.Null,
        JsonValue value when value.GetValueKind() is JsonValueKind.Undefined => JsonValueKind.Null,
        _ => node.GetValueKind(),
    };
}
