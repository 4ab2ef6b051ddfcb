using System.Text.Json.Nodes;
using Keel.Model.Merging;
using Keel.Model.Presets;
using Keel.Model.Topology;

namespace Keel.Model.Rendering;

/// <summary>
/// Attributes every leaf of a finished child to the layer that set it: the deepest operator write covering the
/// leaf wins; otherwise the last merge whose overlay set it; a leaf every merge kept from its base goes back to the
/// first base (the preset). List items are named by their merge key (<c>containers[name=vllm]</c>) as the merge
/// names them, or by index.
/// </summary>
internal sealed class ProvenanceResolver
{
    private readonly ProvenanceRecorder recorder;
    private readonly List<Dictionary<string, MergeEvent>> stageEvents;
    private readonly Dictionary<string, List<string>> selectors = new(StringComparer.Ordinal);
    private readonly List<FieldProvenance> leaves = [];

    private ProvenanceResolver(ProvenanceRecorder recorder)
    {
        this.recorder = recorder;
        stageEvents = recorder.Stages.Select(stage =>
        {
            var byPath = new Dictionary<string, MergeEvent>(StringComparer.Ordinal);
            foreach (var e in stage.Trace.Events)
            {
                byPath[e.Path] = e;
                CollectSelectors(e.Path);
            }

            return byPath;
        }).ToList();
        foreach (var write in recorder.Writes)
        {
            CollectSelectors(write.Path);
        }
    }

    public static IReadOnlyList<FieldProvenance> Resolve(ProvenanceRecorder recorder, JsonObject body, Type type)
    {
        var resolver = new ProvenanceResolver(recorder);
        resolver.Visit(body, JsonShape.Of(type), string.Empty);
        return resolver.leaves;
    }

    private void Visit(JsonNode? node, JsonShape shape, string path)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0 && shape.Kind == JsonShapeKind.Object:
                foreach (var (name, value) in obj)
                {
                    Visit(value, JsonShape.Of(shape.Property(name) ?? typeof(JsonNode)), path.Length == 0 ? name : path + "." + name);
                }

                return;
            case JsonObject map when map.Count > 0 && shape.Kind == JsonShapeKind.Map:
                var valueShape = JsonShape.Of(shape.ElementType ?? typeof(JsonNode));
                foreach (var (key, value) in map)
                {
                    Visit(value, valueShape, path + "['" + key + "']");
                }

                return;
            case JsonArray array when array.Count > 0 && shape.Kind == JsonShapeKind.List && shape.ElementType is { } itemType
                && JsonShape.Of(itemType) is { Kind: JsonShapeKind.Object } itemShape:
                for (var i = 0; i < array.Count; i++)
                {
                    var selector = array[i] is JsonObject item ? FindSelector(path, item) : null;
                    Visit(array[i], itemShape, path + "[" + (selector ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "]");
                }

                return;
            default:
                leaves.Add(Attribute(path));
                return;
        }
    }

    private FieldProvenance Attribute(string path)
    {
        ProvenanceRecorder.Write? best = null;
        foreach (var write in recorder.Writes)
        {
            if (IsPrefix(write.Path, path) && (best is null || write.Path.Length >= best.Value.Path.Length))
            {
                best = write;
            }
        }

        if (best is { } w)
        {
            return new FieldProvenance(path, RenderLayer.Operator, w.Rule);
        }

        var (layers, rule) = FromStages(path, stageEvents.Count - 1);
        return new FieldProvenance(path, layers, rule);
    }

    private (RenderLayer Layers, string Rule) FromStages(string path, int last)
    {
        for (var s = last; s >= 0; s--)
        {
            var stage = recorder.Stages[s];
            if (Deepest(stageEvents[s], path) is not { } e)
            {
                continue;
            }

            switch (e.Side)
            {
                case MergeSide.Overlay:
                    return (stage.OverlayLayer, e.Strategy.ToString());
                case MergeSide.Both:
                    var earlier = s > 0 ? FromStages(path, s - 1).Layers : stage.BaseLayer;
                    return (stage.OverlayLayer | earlier, e.Strategy.ToString());
                default:
                    if (s == 0)
                    {
                        return (stage.BaseLayer, e.Strategy.ToString());
                    }

                    break;
            }
        }

        return (recorder.Stages.Count > 0 ? recorder.Stages[0].BaseLayer : RenderLayer.Operator, nameof(MergeStrategy.Replace));
    }

    private static MergeEvent? Deepest(Dictionary<string, MergeEvent> events, string path)
    {
        foreach (var prefix in Prefixes(path))
        {
            if (events.TryGetValue(prefix, out var e))
            {
                return e;
            }
        }

        return null;
    }

    /// <summary>The path, then each shorter path at a segment boundary, down to the root (the empty path).</summary>
    private static IEnumerable<string> Prefixes(string path)
    {
        yield return path;
        var inQuote = false;
        var cuts = new List<int>();
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '\'')
            {
                inQuote = !inQuote;
            }
            else if (!inQuote && (c == '.' || c == '[') && i > 0)
            {
                cuts.Add(i);
            }
        }

        for (var i = cuts.Count - 1; i >= 0; i--)
        {
            yield return path[..cuts[i]];
        }

        if (path.Length > 0)
        {
            yield return string.Empty;
        }
    }

    private static bool IsPrefix(string prefix, string path) =>
        prefix.Length == 0
        || (path.StartsWith(prefix, StringComparison.Ordinal)
            && (path.Length == prefix.Length || path[prefix.Length] is '.' or '['));

    /// <summary>Remembers each keyed item selector (<c>name=vllm</c>) a recorded path uses, by the path of its list.</summary>
    private void CollectSelectors(string path)
    {
        var inQuote = false;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '\'')
            {
                inQuote = !inQuote;
                continue;
            }

            if (inQuote || c != '[' || i + 1 >= path.Length || path[i + 1] == '\'')
            {
                continue;
            }

            var end = path.IndexOf(']', i);
            if (end < 0)
            {
                return;
            }

            var selector = path[(i + 1)..end];
            if (selector.Contains('=', StringComparison.Ordinal))
            {
                var list = path[..i];
                if (!selectors.TryGetValue(list, out var known))
                {
                    selectors[list] = known = [];
                }

                if (!known.Contains(selector, StringComparer.Ordinal))
                {
                    known.Add(selector);
                }
            }

            i = end;
        }
    }

    /// <summary>The recorded selector that names <paramref name="item"/>: every key it gives matches (a key the item lacks took its default).</summary>
    private string? FindSelector(string listPath, JsonObject item)
    {
        if (!selectors.TryGetValue(listPath, out var candidates))
        {
            return null;
        }

        foreach (var candidate in candidates)
        {
            var matches = true;
            var any = false;
            foreach (var pair in candidate.Split(','))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    matches = false;
                    break;
                }

                var key = pair[..eq];
                var value = pair[(eq + 1)..];
                if (item[key] is JsonValue actual)
                {
                    any = true;
                    var text = actual.GetValueKind() == System.Text.Json.JsonValueKind.String ? actual.GetValue<string>() : actual.ToJsonString();
                    if (!string.Equals(text, value, StringComparison.Ordinal))
                    {
                        matches = false;
                        break;
                    }
                }
            }

            if (matches && any)
            {
                return candidate;
            }
        }

        return null;
    }
}
