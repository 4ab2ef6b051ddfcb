using System.Globalization;
using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Fields;
using Keel.ApiServer.Apply.Json;

namespace Keel.ApiServer.Apply.Managed;

/// <summary>
/// Reads and writes <c>metadata.managedFields</c>: entries with manager, operation, apiVersion, time
/// (RFC 3339, seconds, UTC), <c>fieldsType: FieldsV1</c>, fieldsV1 and subresource, sorted the way the
/// API server sorts them (Apply before Update, then oldest first, then manager, version, subresource).
/// </summary>
internal static class ManagedFieldsCodec
{
    public const string FieldsType = "FieldsV1";

    /// <summary>Decodes the entries; throws <see cref="FormatException"/> when they are malformed.</summary>
    public static Dictionary<ManagerKey, ManagedEntry> Decode(JsonNode? managedFields)
    {
        var result = new Dictionary<ManagerKey, ManagedEntry>();
        if (managedFields is null)
        {
            return result;
        }
        if (managedFields is not JsonArray entries)
        {
            throw new FormatException("managedFields must be a list");
        }
        foreach (var node in entries)
        {
            if (node is not JsonObject entry)
            {
                throw new FormatException("managedFields entries must be objects");
            }
            var manager = JsonValues.AsString(entry["manager"]) ?? "";
            var operation = JsonValues.AsString(entry["operation"]);
            var apiVersion = JsonValues.AsString(entry["apiVersion"]) ?? "";
            var subresource = JsonValues.AsString(entry["subresource"]);
            var key = operation switch
            {
                ManagerKey.ApplyOperation => ManagerKey.ForApply(manager, subresource),
                ManagerKey.UpdateOperation => ManagerKey.ForUpdate(manager, apiVersion, subresource),
                _ => throw new FormatException($"managedFields entry for {GoJson.Quote(manager)} has unknown operation {GoJson.Quote(operation ?? "")}"),
            };
            var fieldsType = JsonValues.AsString(entry["fieldsType"]);
            if (fieldsType != FieldsType)
            {
                throw new FormatException($"managedFields entry for {GoJson.Quote(manager)} has unexpected fieldsType {GoJson.Quote(fieldsType ?? "")}");
            }
            var fields = entry.TryGetPropertyValue("fieldsV1", out var fieldsV1) && fieldsV1 is not null
                ? FieldsV1.Decode(fieldsV1)
                : new FieldSet();
            DateTimeOffset? time = null;
            if (JsonValues.AsString(entry["time"]) is { } text)
            {
                time = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new FormatException($"managedFields entry for {GoJson.Quote(manager)} has invalid time {GoJson.Quote(text)}");
            }
            if (!result.TryAdd(key, new ManagedEntry(key, fields, apiVersion, time)))
            {
                throw new FormatException($"duplicate managedFields entries for manager {key.Identifier}");
            }
        }
        return result;
    }

    public static JsonArray Encode(IEnumerable<ManagedEntry> entries)
    {
        var sorted = entries
            .OrderBy(e => e.Key.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Time?.ToUnixTimeSeconds() ?? 0)
            .ThenBy(e => e.Key.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Key.Subresource ?? "", StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var entry in sorted)
        {
            var json = new JsonObject
            {
                ["manager"] = entry.Key.Manager,
                ["operation"] = entry.Key.Operation,
            };
            if (entry.ApiVersion.Length > 0)
            {
                json["apiVersion"] = entry.ApiVersion;
            }
            if (entry.Time is { } time)
            {
                json["time"] = FormatTime(time);
            }
            json["fieldsType"] = FieldsType;
            json["fieldsV1"] = FieldsV1.Encode(entry.Fields);
            if (entry.Key.Subresource is { } subresource)
            {
                json["subresource"] = subresource;
            }
            result.Add(json);
        }
        return result;
    }

    /// <summary>Kubernetes timestamps: RFC 3339 in UTC with whole seconds.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
