using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Definition;

/// <summary>Reading the CRD as written, tolerating wrong JSON types (reported elsewhere or treated as absent).</summary>
internal static class JsonRead
{
    public static string Str(JsonNode? node, string key) => JsonValues.AsString((node as JsonObject)?[key]) ?? "";

    public static bool Bool(JsonNode? node, string key) => JsonValues.AsBool((node as JsonObject)?[key]) ?? false;

    public static bool? OptionalBool(JsonNode? node, string key) => JsonValues.AsBool((node as JsonObject)?[key]);

    public static JsonObject? Obj(JsonNode? node, string key) => (node as JsonObject)?[key] as JsonObject;

    public static JsonArray Arr(JsonNode? node, string key) => (node as JsonObject)?[key] as JsonArray ?? [];

    public static bool Has(JsonNode? node, string key) => node is JsonObject obj && obj.ContainsKey(key);

    public static List<string> Strings(JsonNode? node, string key) =>
        Arr(node, key).Select(JsonValues.AsString).Where(s => s is not null).Select(s => s!).ToList();

    public static bool IsString(JsonNode? node) => JsonValues.KindOf(node) == JsonValueKind.String;
}
