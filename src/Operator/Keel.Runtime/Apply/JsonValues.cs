using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keel.Runtime.Apply;

/// <summary>JSON equality as server-side apply means it: numbers by value (1 == 1.0), objects by members, arrays in order.</summary>
internal static class JsonValues
{
    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return true;
            case (JsonObject oa, JsonObject ob):
                if (oa.Count != ob.Count)
                {
                    return false;
                }

                foreach (var (name, value) in oa)
                {
                    if (!ob.TryGetPropertyValue(name, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }

                return true;
            case (JsonArray xa, JsonArray xb):
                if (xa.Count != xb.Count)
                {
                    return false;
                }

                for (var i = 0; i < xa.Count; i++)
                {
                    if (!DeepEquals(xa[i], xb[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (JsonValue va, JsonValue vb):
                return ScalarEquals(va, vb);
            default:
                return false;
        }
    }

    public static bool ScalarEquals(JsonValue a, JsonValue b)
    {
        var ka = a.GetValueKind();
        var kb = b.GetValueKind();
        if (ka == JsonValueKind.Number && kb == JsonValueKind.Number)
        {
            return NumberEquals(a, b);
        }

        if (ka != kb)
        {
            return false;
        }

        return ka switch
        {
            JsonValueKind.String => a.GetValue<string>() == b.GetValue<string>(),
            JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => true,
            _ => a.ToJsonString() == b.ToJsonString(),
        };
    }

    /// <summary>
    /// Numbers as structured-merge-diff compares them (what the server's apply does): integers exactly, anything else
    /// as float64, so 1 == 1.0 and 1e-30 != 2e-30 (decimal would round both to 0). One rule with <see cref="Canonical"/>.
    /// This runs for every number of every child on every reconcile, so parsed values are read without allocating.
    /// </summary>
    private static bool NumberEquals(JsonValue a, JsonValue b) => Number(a) == Number(b);

    /// <summary>A canonical text for a JSON value, to compare set items and list keys.</summary>
    public static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray arr => "[" + string.Join(",", arr.Select(Canonical)) + "]",
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => Number(value).ToString(),
        _ => node.ToJsonString(),
    };

    private static JsonNumber Number(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.TryGetInt64(out var integer) ? new JsonNumber(true, integer, 0) : JsonNumber.Of(element.GetDouble());
        }

        var text = value.ToJsonString();
        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? new JsonNumber(true, parsed, 0)
            : JsonNumber.Of(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A number's equality class: an int64, or a float64. An integral float within ±2^53 is the integer it
    /// equals exactly (1.0 is 1, -0.0 is 0), as structured-merge-diff's int-to-float comparison makes it.
    /// </summary>
    private readonly record struct JsonNumber(bool IsInteger, long Integer, double Float)
    {
        private const double ExactIntegers = 9007199254740992; // 2^53

        public static JsonNumber Of(double value) =>
            Math.Abs(value) <= ExactIntegers && Math.Floor(value) == value ? new JsonNumber(true, (long)value, 0) : new JsonNumber(false, 0, value);

        public override string ToString() => IsInteger
            ? Integer.ToString(CultureInfo.InvariantCulture)
            : Float.ToString("R", CultureInfo.InvariantCulture);
    }
}
