using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Keel.ApiServer.Schema.Model;
using Keel.ApiServer.Schema.Validation;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>
/// Converts JSON under a schema node into the values the Cel interpreter works on: int64, double, string, bool, null,
/// <c>object?[]</c> lists, <c>Dictionary&lt;string, object?&gt;</c> maps and objects (objects keyed by escaped field
/// names, only declared fields visible), DateTimeOffset timestamps, protobuf Durations and ByteStrings for formatted strings.
/// The evaluator converts a subtree once and hands the converted children down to the rules below it.
/// </summary>
internal static class CelValueConverter
{
    public static object? Convert(JsonNode? value, CelShape shape)
    {
        if (value is null)
        {
            return null;
        }

        if (value is JsonValue scalar)
        {
            return ConvertScalar(scalar, shape);
        }

        object? converted;
        switch (value)
        {
            case JsonArray array when shape.Kind == CelShapeKind.List:
                var items = new object?[array.Count];
                for (var i = 0; i < array.Count; i++)
                {
                    items[i] = Convert(array[i], shape.Elem!);
                }

                converted = items;
                break;
            case JsonObject obj when shape.Kind == CelShapeKind.Map:
                var map = new Dictionary<string, object?>(obj.Count, StringComparer.Ordinal);
                foreach (var (key, child) in obj)
                {
                    map[key] = Convert(child, shape.Value!);
                }

                converted = map;
                break;
            case JsonObject obj when shape.Kind == CelShapeKind.Object:
                var fields = new Dictionary<string, object?>(obj.Count, StringComparer.Ordinal);
                foreach (var (key, child) in obj)
                {
                    if (shape.Fields.TryGetValue(key, out var field))
                    {
                        fields[field.CelName] = Convert(child, field.Shape);
                    }
                }

                converted = fields;
                break;
            default:
                converted = Dynamic(value);
                break;
        }

        return converted;
    }

    private static object? ConvertScalar(JsonValue value, CelShape shape)
    {
        var kind = value.GetValueKind();
        switch (shape.Kind)
        {
            case CelShapeKind.Double when kind == JsonValueKind.Number:
                return GoNumber.GetDouble(value);
            case CelShapeKind.Bytes when kind == JsonValueKind.String:
                var text = value.GetValue<string>();
                try
                {
                    return ByteString.FromBase64(text);
                }
                catch (FormatException)
                {
                    return text;
                }

            case CelShapeKind.Duration when kind == JsonValueKind.String:
                var duration = value.GetValue<string>();
                return GoDuration.TryParseStrfmt(duration, out var span) ? Duration.FromTimeSpan(span) : duration;
            case CelShapeKind.Timestamp when kind == JsonValueKind.String:
                var timestamp = value.GetValue<string>();
                return TryParseTimestamp(timestamp, out var time) ? (object)time : timestamp;
            default:
                return Dynamic(value);
        }
    }

    /// <summary>A value with no usable schema: JSON kinds map to CEL kinds directly.</summary>
    public static object? Dynamic(JsonNode? value)
    {
        switch (JsonValues.KindOf(value))
        {
            case JsonValueKind.String:
                return value!.GetValue<string>();
            case JsonValueKind.Number:
                var number = value!.AsValue();
                return GoNumber.TryGetInteger(number, out var l) ? (object)l : GoNumber.GetDouble(number);
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Array:
                return value!.AsArray().Select(Dynamic).ToArray();
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (key, child) in value!.AsObject())
                {
                    map[key] = Dynamic(child);
                }

                return map;
            default:
                return null;
        }
    }

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd",
    ];

    private static bool TryParseTimestamp(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time);
}
