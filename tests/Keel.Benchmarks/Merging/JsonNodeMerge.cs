using System.Text.Json.Nodes;
using Keel.Model.Topology;

namespace Keel.Benchmarks.Merging;

/// <summary>
/// The baseline: the same merge rules applied to JSON trees, driven by the topology catalog at run time
/// (what a merge without generated code looks like). Keys compare by their JSON text; null counts as unset.
/// </summary>
public static class JsonNodeMerge
{
    public static JsonNode? Merge(JsonNode? @base, JsonNode? overlay, Type type)
    {
        if (overlay is null || @base is null)
        {
            return (overlay ?? @base)?.DeepClone();
        }

        var topology = TopologyCatalog.For(type) ?? throw new InvalidOperationException("no topology for " + type);
        if (topology.Atomic)
        {
            return overlay.DeepClone();
        }

        var b = @base.AsObject();
        var o = overlay.AsObject();
        var cleared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in topology.OneOfGroups)
        {
            if (group.Members.Any(m => o[m] is not null))
            {
                cleared.UnionWith(group.Members.Where(m => o[m] is null));
            }
        }

        var result = new JsonObject();
        foreach (var name in b.Select(p => p.Key).Concat(o.Select(p => p.Key)).Distinct(StringComparer.Ordinal))
        {
            var baseValue = cleared.Contains(name) ? null : b[name];
            var merged = topology.Field(name) is { } field ? MergeField(field, baseValue, o[name]) : (o[name] ?? baseValue)?.DeepClone();
            if (merged is not null)
            {
                result[name] = merged;
            }
        }

        return result;
    }

    private static JsonNode? MergeField(FieldTopology field, JsonNode? @base, JsonNode? overlay)
    {
        switch (field.Strategy)
        {
            case MergeStrategy.MergeFields:
                return Merge(@base, overlay, field.ClrType);
            case MergeStrategy.MapUnion when @base is JsonObject b && overlay is JsonObject o:
                var map = new JsonObject();
                foreach (var (key, value) in b)
                {
                    if (!o.ContainsKey(key))
                    {
                        map[key] = value?.DeepClone();
                    }
                }

                foreach (var (key, value) in o)
                {
                    map[key] = field.ElementType is { } valueType && b[key] is { } baseValue ? Merge(baseValue, value, valueType) : value?.DeepClone();
                }

                return map;
            case MergeStrategy.MapList when @base is JsonArray b && overlay is JsonArray o:
                return MergeByKey(b, o, field);
            case MergeStrategy.SetUnion when @base is JsonArray b && overlay is JsonArray o:
                var set = new JsonArray(b.Select(i => i?.DeepClone()).ToArray());
                foreach (var item in o.Where(i => !set.Any(s => JsonNode.DeepEquals(s, i))))
                {
                    set.Add(item?.DeepClone());
                }

                return set;
            case MergeStrategy.Prepend when @base is JsonArray b && overlay is JsonArray { Count: > 0 } o:
                return new JsonArray(o.Concat(b).Select(i => i?.DeepClone()).ToArray());
            case MergeStrategy.Prepend or MergeStrategy.AtomicReplaceUnlessEmpty when overlay is JsonArray { Count: 0 }:
                return (@base ?? overlay).DeepClone();
            default:
                return (overlay ?? @base)?.DeepClone();
        }
    }

    private static JsonArray MergeByKey(JsonArray @base, JsonArray overlay, FieldTopology field)
    {
        var result = @base.Select(i => i?.DeepClone()).ToList();
        foreach (var item in overlay)
        {
            var slot = result.FindIndex(r => field.MergeKeys.All(k => JsonNode.DeepEquals(r?[k], item?[k])));
            if (slot < 0)
            {
                result.Add(item?.DeepClone());
            }
            else
            {
                result[slot] = Merge(result[slot], item, field.ElementType!);
            }
        }

        return new JsonArray(result.ToArray());
    }
}
