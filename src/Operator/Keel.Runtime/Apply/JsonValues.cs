using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keel.Runtime.Apply;

/// <summary>JSON equality as Kubernetes means it: numbers by value (1 == 1.0), objects by members, arrays in order.</summary>
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
            return a.TryGetValue<decimal>(out var da) && b.TryGetValue<decimal>(out var db)
                ? da == db
                : a.GetValue<double>().Equals(b.GetValue<double>());
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

    /// <summary>A canonical text for a JSON value, to compare set items and list keys.</summary>
    public static string Canonical(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray arr => "[" + string.Join(",", arr.Select(Canonical)) + "]",
        JsonValue value when value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var d)
            => d.ToString("G29", System.Globalization.CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };
}
