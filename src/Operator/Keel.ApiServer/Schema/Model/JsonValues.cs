using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Errors;

namespace Keel.ApiServer.Schema.Model;

/// <summary>
/// Reads <see cref="JsonNode"/> values the way Go's unstructured JSON does: an integral literal is an int64,
/// anything else numeric is a float64, and equality is semantic (key order never matters).
/// </summary>
internal static class JsonValues
{
    public static JsonValueKind KindOf(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    /// <summary>The OpenAPI type name of a value: string, integer, number, boolean, object, array or null.</summary>
    public static string TypeNameOf(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Number => TryGetInteger(node!.AsValue(), out _) ? "integer" : "number",
        _ => "null",
    };

    /// <summary>True when the number is written as an integer that fits an int64 (Go decodes it as int64).</summary>
    public static bool TryGetInteger(JsonValue value, out long result)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out result))
            {
                return true;
            }

            result = 0;
            return false;
        }

        switch (value.GetValue<object>())
        {
            case long l: result = l; return true;
            case int i: result = i; return true;
            case short s: result = s; return true;
            case sbyte sb: result = sb; return true;
            case byte b: result = b; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul when ul <= long.MaxValue: result = (long)ul; return true;
            default: result = 0; return false;
        }
    }

    public static double GetDouble(JsonValue value)
    {
        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.GetDouble();
        }

        return value.GetValue<object>() switch
        {
            double d => d,
            float f => f,
            decimal m => (double)m,
            long l => l,
            int i => i,
            ulong ul => ul,
            uint ui => ui,
            short s => s,
            byte b => b,
            var other => Convert.ToDouble(other, CultureInfo.InvariantCulture),
        };
    }

    public static bool IsIntegralNumber(JsonValue value)
    {
        if (TryGetInteger(value, out _))
        {
            return true;
        }

        var d = GetDouble(value);
        return !double.IsInfinity(d) && Math.Floor(d) == d;
    }

    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool? AsBool(JsonNode? node) => KindOf(node) switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>Semantic JSON equality: numbers by value, objects regardless of key order.</summary>
    public static bool DeepEquals(JsonNode? a, JsonNode? b)
    {
        var kind = KindOf(a);
        var otherKind = KindOf(b);
        if (kind is JsonValueKind.True or JsonValueKind.False || otherKind is JsonValueKind.True or JsonValueKind.False)
        {
            return kind == otherKind;
        }

        if (kind != otherKind)
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                return string.Equals(a!.GetValue<string>(), b!.GetValue<string>(), StringComparison.Ordinal);
            case JsonValueKind.Number:
                var x = a!.AsValue();
                var y = b!.AsValue();
                if (TryGetInteger(x, out var xi) && TryGetInteger(y, out var yi))
                {
                    return xi == yi;
                }

                return GetDouble(x).Equals(GetDouble(y));
            case JsonValueKind.Array:
                var left = a!.AsArray();
                var right = b!.AsArray();
                if (left.Count != right.Count)
                {
                    return false;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    if (!DeepEquals(left[i], right[i]))
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

                foreach (var (key, value) in lo)
                {
                    if (!ro.TryGetPropertyValue(key, out var other) || !DeepEquals(value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>Go's <c>json.Marshal</c> of the unstructured value: compact, object keys sorted.</summary>
    public static string CanonicalJson(JsonNode? node)
    {
        var builder = new StringBuilder();
        WriteCanonical(builder, node);
        return builder.ToString();
    }

    private static void WriteCanonical(StringBuilder builder, JsonNode? node)
    {
        switch (KindOf(node))
        {
            case JsonValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in node!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    builder.Append('"').Append(JsonEncodedText.Encode(key).Value).Append("\":");
                    WriteCanonical(builder, value);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var array = node!.AsArray();
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    WriteCanonical(builder, array[i]);
                }

                builder.Append(']');
                break;
            case JsonValueKind.Number:
                var number = node!.AsValue();
                builder.Append(TryGetInteger(number, out var l)
                    ? l.ToString(CultureInfo.InvariantCulture)
                    : GoFormatting.JsonFloat(GetDouble(number)));
                break;
            case JsonValueKind.String:
                builder.Append('"').Append(JsonEncodedText.Encode(node!.GetValue<string>()).Value).Append('"');
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    /// <summary>Compact JSON of a value, for <see cref="FieldError.BadValueJson"/>.</summary>
    public static string ToJson(JsonNode? node) => node is null ? "null" : node.ToJsonString();
}
