using System.Text.Json.Nodes;

namespace Keel.DeployCheck;

/// <summary>
/// The chart must render what deploy/ holds, object for object and field for field (compared as data, so key order,
/// quoting and comments do not matter). Two documented differences are allowed: Helm's bookkeeping labels
/// (<c>helm.sh/chart</c>, <c>app.kubernetes.io/managed-by</c>) on the chart's objects, and the Namespace, which Helm
/// creates itself (<c>helm install --create-namespace</c>) instead of rendering it.
/// </summary>
internal static class ChartComparison
{
    private static readonly string[] HelmLabels = ["helm.sh/chart", "app.kubernetes.io/managed-by"];

    public static IReadOnlyList<string> Differences(ManifestSet manifests, ManifestSet chart)
    {
        var differences = new List<string>();
        var expected = manifests.Objects.Where(o => (string?)o.Value["kind"] != "Namespace").ToDictionary(o => o.Key, o => o.Value);
        foreach (var (key, obj) in chart.Objects)
        {
            if (!expected.TryGetValue(key, out var wanted))
            {
                differences.Add($"{key}: rendered by the chart, not in deploy/");
                continue;
            }

            var rendered = (JsonObject)obj.DeepClone();
            if (rendered["metadata"]?["labels"] is JsonObject labels)
            {
                foreach (var label in HelmLabels)
                {
                    labels.Remove(label);
                }
            }

            if (FirstDifference(wanted, rendered, "") is { } path)
            {
                differences.Add($"{key}: differs at {path}");
            }
        }

        differences.AddRange(expected.Keys.Where(k => !chart.Objects.ContainsKey(k)).Select(k => $"{k}: in deploy/, not rendered by the chart"));
        return differences;
    }

    /// <summary>The JSON path of the first difference (manifest value → chart value), or null when equal.</summary>
    private static string? FirstDifference(JsonNode? manifest, JsonNode? chart, string path)
    {
        switch (manifest, chart)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    if (!a.ContainsKey(key) || !b.ContainsKey(key))
                    {
                        return $"{path}.{key} ({(a.ContainsKey(key) ? "only in deploy/" : "only in the chart")})";
                    }

                    if (FirstDifference(a[key], b[key], $"{path}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    if (i >= a.Count || i >= b.Count)
                    {
                        return $"{path}[{i}] (the lists have {a.Count} and {b.Count} items)";
                    }

                    if (FirstDifference(a[i], b[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            default:
                return JsonNode.DeepEquals(manifest, chart)
                    ? null
                    : $"{path}: {manifest?.ToJsonString() ?? "null"} in deploy/, {chart?.ToJsonString() ?? "null"} in the chart";
        }
    }
}
