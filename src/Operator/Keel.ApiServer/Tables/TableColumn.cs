using System.Globalization;
using System.Text.Json.Nodes;

namespace Keel.ApiServer.Tables;

/// <summary>
/// One column of <c>kubectl get</c> output. Either a JSONPath (as CRD printer columns declare them) or
/// a function for built-in kinds whose columns are computed (a Deployment's "Ready" is "ready/desired").
/// </summary>
public sealed record TableColumn(string Name, string Type, string Description, int Priority, Func<JsonObject, DateTimeOffset, JsonNode?> Cell)
{
    public string Format { get; init; } = "";

    /// <summary>A column as a CRD declares it; <c>date</c> cells become ages, like the real server renders them.</summary>
    public static TableColumn FromJsonPath(string name, string type, string jsonPath, string description = "", int priority = 0, string format = "")
    {
        var path = SimpleJsonPath.Parse(jsonPath);
        return new TableColumn(name, type, description, priority, (obj, now) => CellFor(type, path.Evaluate(obj), now)) { Format = format };
    }

    public static TableColumn Age(string name = "Age") =>
        FromJsonPath(name, "date", ".metadata.creationTimestamp",
            "CreationTimestamp is a timestamp representing the server time when this object was created.");

    private static JsonNode? CellFor(string type, IReadOnlyList<JsonNode?> results, DateTimeOffset now)
    {
        if (results.Count == 0 || results[0] is not { } value)
        {
            return null;
        }

        switch (type)
        {
            case "integer" when Storage.JsonNumbers.Long(value) is { } l:
                return l;
            case "number" when Storage.JsonNumbers.Double(value) is { } d:
                return d;
            case "boolean" when Storage.JsonNumbers.Bool(value) is { } b:
                return b;
            case "date" when value is JsonValue v && v.TryGetValue<string>(out var s):
                return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                    ? HumanDuration.Since(t, now)
                    : "<invalid>";
            case "string":
                return value is JsonValue sv && sv.TryGetValue<string>(out var text) ? text : value.ToJsonString();
            default:
                return null;
        }
    }
}
