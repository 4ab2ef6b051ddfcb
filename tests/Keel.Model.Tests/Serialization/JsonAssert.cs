using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace Keel.Model.Tests.Serialization;

/// <summary>Semantic JSON equality (key order ignored, numbers by value) with the path of the first difference.</summary>
internal static class JsonAssert
{
    public static void Equivalent(JsonNode? expected, JsonNode? actual, string? context = null)
    {
        if (Difference(expected, actual, "$") is { } difference)
        {
            throw new XunitException($"{context}{(context is null ? "" : ": ")}JSON differs at {difference}\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
        }
    }

    private static string? Difference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                foreach (var (key, value) in e)
                {
                    if (!a.ContainsKey(key))
                    {
                        return $"{path}.{key} (missing)";
                    }

                    if (Difference(value, a[key], $"{path}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }

                var extra = a.Select(p => p.Key).FirstOrDefault(k => !e.ContainsKey(k));
                return extra is null ? null : $"{path}.{extra} (unexpected)";
            case (JsonArray e, JsonArray a):
                if (e.Count != a.Count)
                {
                    return $"{path} (length {e.Count} vs {a.Count})";
                }

                for (var i = 0; i < e.Count; i++)
                {
                    if (Difference(e[i], a[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonValue e, JsonValue a):
                return JsonNode.DeepEquals(e, a) ? null : $"{path} ({e.ToJsonString()} vs {a.ToJsonString()})";
            default:
                return $"{path} ({expected?.GetValueKind().ToString() ?? "null"} vs {actual?.GetValueKind().ToString() ?? "null"})";
        }
    }
}
