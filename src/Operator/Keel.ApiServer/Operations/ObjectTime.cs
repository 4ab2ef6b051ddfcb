using System.Globalization;
using System.Text.Json.Nodes;

namespace Keel.ApiServer.Operations;

/// <summary>Kubernetes' RFC 3339 timestamps (second precision, UTC) and small metadata accessors.</summary>
public static class ObjectTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) &&
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;
}

/// <summary>Typed reads and writes of <c>metadata</c> on a JSON object.</summary>
public static class Meta
{
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject m)
        {
            return m;
        }

        var created = new JsonObject();
        obj["metadata"] = created;
        return created;
    }

    public static string Str(JsonObject obj, string field) =>
        obj["metadata"] is JsonObject m && m[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

    public static long Generation(JsonObject obj) =>
        Storage.JsonNumbers.Long(obj["metadata"]?["generation"]) ?? 0;

    public static List<string> Finalizers(JsonObject obj) =>
        obj["metadata"]?["finalizers"] is JsonArray a ? a.Select(f => (string?)f ?? "").ToList() : [];

    public static void SetFinalizers(JsonObject obj, IReadOnlyCollection<string> finalizers)
    {
        var meta = Of(obj);
        if (finalizers.Count == 0)
        {
            meta.Remove("finalizers");
        }
        else
        {
            meta["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        }
    }

    public static bool IsDeleting(JsonObject obj) => obj["metadata"]?["deletionTimestamp"] is not null;

    public static Dictionary<string, string> Labels(JsonObject obj)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (obj["metadata"]?["labels"] is JsonObject labels)
        {
            foreach (var (k, v) in labels)
            {
                result[k] = v is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : "";
            }
        }

        return result;
    }
}
