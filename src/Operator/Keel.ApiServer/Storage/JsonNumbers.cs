using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keel.ApiServer.Storage;

/// <summary>
/// Reads numbers and booleans from JSON nodes whatever backs them: a value parsed from a request is a
/// JsonElement, one set in code is a CLR int or long, and System.Text.Json's explicit casts only accept
/// the exact backing type. Objects in flight mix both.
/// </summary>
public static class JsonNumbers
{
    public static long? Long(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number &&
        long.TryParse(v.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
            ? l
            : node is JsonValue d && d.GetValueKind() == JsonValueKind.Number && double.TryParse(d.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var f)
                ? (long)f
                : null;

    public static int? Int(JsonNode? node) => Long(node) is { } l ? (int)l : null;

    public static double? Double(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number &&
        double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;

    public static bool? Bool(JsonNode? node) => node is JsonValue v ? v.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    } : null;
}
