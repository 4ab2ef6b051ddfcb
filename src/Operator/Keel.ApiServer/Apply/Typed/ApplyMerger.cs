using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Fields;
using Keel.ApiServer.Apply.Json;
using Keel.ApiServer.Apply.Topology;

namespace Keel.ApiServer.Apply.Typed;

/// <summary>
/// Merges an applied configuration into the live object (structured-merge-diff's Merge with "keep the
/// applied side"): leaves, atomic lists and atomic maps take the applied value; granular maps merge key
/// by key (live keys first, then new ones); keyed lists and sets merge item by item in the order
/// described at <see cref="MergeItems"/>. The inputs are not modified.
/// </summary>
internal static class ApplyMerger
{
    public static JsonObject Merge(JsonObject live, JsonObject config, TypeNode type) =>
        (JsonObject)Merge(live, true, config, true, type)!;

    private static JsonNode? Merge(JsonNode? lhs, bool lhsPresent, JsonNode? rhs, bool rhsPresent, TypeNode type)
    {
        if (!rhsPresent)
        {
            return JsonValues.Clone(lhs);
        }
        if (!lhsPresent)
        {
            return JsonValues.Clone(rhs);
        }
        var shape = type.ShapeOf(rhs);
        if (shape != type.ShapeOf(lhs))
        {
            return JsonValues.Clone(rhs);
        }
        switch (shape)
        {
            case ValueShape.Map when !type.Map!.Atomic && !BothEmpty(lhs, rhs):
                return MergeMaps(lhs as JsonObject, rhs as JsonObject, type.Map!);
            case ValueShape.List when !type.List!.IsAtomic && !BothEmpty(lhs, rhs):
                return MergeLists(lhs as JsonArray, rhs as JsonArray, type.List!);
            default:
                return JsonValues.Clone(rhs);
        }
    }

    /// <summary>Empty and null containers on both sides are leaves, so <c>{}</c> vs null keeps the applied one.</summary>
    private static bool BothEmpty(JsonNode? lhs, JsonNode? rhs) => IsEmptyContainer(lhs) && IsEmptyContainer(rhs);

    private static bool IsEmptyContainer(JsonNode? node) => node switch
    {
        null => true,
        JsonObject obj => obj.Count == 0,
        JsonArray array => array.Count == 0,
        _ => false,
    };

    private static JsonObject MergeMaps(JsonObject? lhs, JsonObject? rhs, MapShape map)
    {
        var result = new JsonObject();
        if (lhs is not null)
        {
            foreach (var (name, value) in lhs)
            {
                JsonNode? applied = null;
                var hasApplied = rhs?.TryGetPropertyValue(name, out applied) == true;
                result[name] = Merge(value, true, applied, hasApplied, map.TypeOf(name) ?? UntypedTypes.Deduced);
            }
        }
        if (rhs is not null)
        {
            foreach (var (name, value) in rhs)
            {
                if (lhs?.ContainsKey(name) != true)
                {
                    result[name] = JsonValues.Clone(value);
                }
            }
        }
        return result;
    }

    private static JsonNode? MergeLists(JsonArray? lhs, JsonArray? rhs, ListShape list)
    {
        var lhsItems = lhs is null ? [] : ListItems.Index(list, lhs, out _);
        var rhsItems = rhs is null ? [] : ListItems.Index(list, rhs, out _);
        if (lhsItems is null || rhsItems is null)
        {
            // Items that cannot be identified (only possible in a stored object): replace as a whole.
            return JsonValues.Clone(rhs);
        }
        var result = new JsonArray();
        foreach (var item in MergeItems(lhsItems, rhsItems, list.Element))
        {
            result.Add(item);
        }
        return result;
    }

    /// <summary>
    /// The item order of structured-merge-diff: walk both lists together; items only in the live list
    /// keep their place relative to their neighbours, items in the applied configuration appear in the
    /// configuration's order, and a shared item that the configuration moves is emitted where the
    /// configuration puts it. A live key repeated several times collapses into the applied item.
    /// </summary>
    private static IEnumerable<JsonNode?> MergeItems(IReadOnlyList<ListItem> lhs, IReadOnlyList<ListItem> rhs, TypeNode element)
    {
        var lhsByElement = new Dictionary<PathElement, ListItem>();
        foreach (var item in lhs)
        {
            lhsByElement.TryAdd(item.Element, item);
        }
        var rhsByElement = new Dictionary<PathElement, ListItem>();
        foreach (var item in rhs)
        {
            rhsByElement.TryAdd(item.Element, item);
        }

        // The shared items, in the configuration's order: the next one we expect to meet in the live list.
        var sharedOrder = new Queue<PathElement>(rhs.Select(i => i.Element).Where(lhsByElement.ContainsKey));
        var nextShared = sharedOrder.Count > 0 ? sharedOrder.Dequeue() : null;
        var merged = new HashSet<PathElement>();

        JsonNode? MergeItem(PathElement key)
        {
            var live = lhsByElement.TryGetValue(key, out var l) && !l.Duplicated ? l : (ListItem?)null;
            var applied = rhsByElement[key];
            return Merge(live?.Value, live is not null, applied.Value, true, element);
        }

        void AdvanceShared(PathElement key)
        {
            if (nextShared is not null && nextShared.Equals(key))
            {
                nextShared = sharedOrder.Count > 0 ? sharedOrder.Dequeue() : null;
            }
        }

        int li = 0, ri = 0;
        while (li < lhs.Count || ri < rhs.Count)
        {
            if (li < lhs.Count && ri < rhs.Count)
            {
                var key = lhs[li].Element;
                if (key.Equals(rhs[ri].Element) && !merged.Contains(key))
                {
                    merged.Add(key);
                    yield return MergeItem(key);
                    li++;
                    ri++;
                    nextShared = sharedOrder.Count > 0 ? sharedOrder.Dequeue() : null;
                    continue;
                }
                if (rhsByElement.ContainsKey(key) && nextShared is not null && !nextShared.Equals(key))
                {
                    // A shared item the configuration places later: it is emitted when the configuration reaches it.
                    li++;
                    continue;
                }
            }
            if (li < lhs.Count)
            {
                var key = lhs[li].Element;
                if (!rhsByElement.ContainsKey(key))
                {
                    yield return JsonValues.Clone(lhs[li].Value);
                    li++;
                    continue;
                }
                if (merged.Contains(key))
                {
                    li++;
                    continue;
                }
            }
            if (ri < rhs.Count)
            {
                var key = rhs[ri].Element;
                ri++;
                if (merged.Add(key))
                {
                    yield return MergeItem(key);
                }
                AdvanceShared(key);
            }
        }
    }
}
