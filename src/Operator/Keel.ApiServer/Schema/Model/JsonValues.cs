using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Errors;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Schema.Model;

/// <summary>
/// Reads <see cref="JsonNode"/> values the way Go's unstructured JSON does: an integral literal is an int64,
/// anything else numeric is a float64 (see <see cref="GoNumber"/>). Equality lives in <see cref="JsonEquality"/>.
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
        JsonValueKind.Number => GoNumber.TryGetInteger(node!.AsValue(), out _) ? "integer" : "number",
        _ => "null",
    };

    public static bool IsIntegralNumber(JsonValue value)
    {
        if (GoNumber.TryGetInteger(value, out _))
        {
            return true;
        }

        var d = GoNumber.GetDouble(value);
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
                builder.Append(GoNumber.TryGetInteger(number, out var l)
                    ? l.ToString(CultureInfo.InvariantCulture)
                    : GoFormatting.JsonFloat(GoNumber.GetDouble(number)));
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
