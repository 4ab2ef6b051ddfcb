using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Json;
using Keel.ApiServer.Apply.Topology;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Apply.PatchFormats;

/// <summary>
/// Strategic merge patch as the API server applies it to built-in kinds (what <c>kubectl edit</c>,
/// <c>kubectl patch</c> and client-side <c>kubectl apply</c> send). Maps merge, <c>null</c> deletes;
/// lists follow the field's patch strategy: <c>merge</c> lists of objects merge items by the patch merge
/// key, <c>merge</c> lists of scalars take the union, other lists are replaced. Directives:
/// <c>$patch: replace|delete|merge</c> (on maps and as list items), <c>$retainKeys</c>,
/// <c>$deleteFromPrimitiveList/&lt;field&gt;</c> and <c>$setElementOrder/&lt;field&gt;</c>.
/// The strategy comes from <c>x-kubernetes-patch-strategy</c>/<c>x-kubernetes-patch-merge-key</c> in the
/// schema; without them, a keyed list merges by its first key, a set merges, other lists are replaced.
/// </summary>
internal static class StrategicMergePatch
{
    private const string PatchDirective = "$patch";
    private const string RetainKeysDirective = "$retainKeys";
    private const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";
    private const string SetElementOrderPrefix = "$setElementOrder/";

    public static JsonObject Apply(JsonObject target, JsonObject patch, TypeNode type) =>
        MergeMap((JsonObject)target.DeepClone(), (JsonObject)patch.DeepClone(), type);

    private static JsonObject MergeMap(JsonObject original, JsonObject patch, TypeNode? type)
    {
        if (patch.TryGetPropertyValue(PatchDirective, out var directive))
        {
            switch (JsonValues.AsString(directive))
            {
                case "replace":
                    patch.Remove(PatchDirective);
                    return MergeMap([], patch, type);
                case "delete":
                    return [];
                case "merge":
                    patch.Remove(PatchDirective);
                    break;
                default:
                    throw new PatchException($"unknown patch type: {GoJson.Display(directive)} in map: {GoJson.Write(patch)}", PatchException.BadRequest);
            }
        }

        ApplyRetainKeys(original, patch);
        ApplySetElementOrder(original, patch, type);

        foreach (var (rawKey, patchValue) in patch.ToList())
        {
            var key = rawKey;
            var isDeleteList = false;
            if (key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                key = key[DeleteFromPrimitiveListPrefix.Length..];
                isDeleteList = true;
                if (!original.ContainsKey(key))
                {
                    continue;
                }
            }
            if (patchValue is null)
            {
                original.Remove(key);
                continue;
            }
            var childType = type?.Map?.TypeOf(key);
            if (!original.TryGetPropertyValue(key, out var originalValue) || !SameContainerKind(originalValue, patchValue))
            {
                if (!isDeleteList)
                {
                    original[key] = Clean(patchValue, childType);
                }
                continue;
            }
            switch (patchValue)
            {
                case JsonObject patchMap:
                    var mergedMap = HasStrategy(childType, "replace")
                        ? Clean(patchMap, childType)
                        : MergeMap((JsonObject)originalValue!, patchMap, childType);
                    if (!ReferenceEquals(mergedMap, originalValue))
                    {
                        original[key] = mergedMap;
                    }
                    break;
                case JsonArray patchList:
                    original[key] = MergeListField((JsonArray)originalValue!, patchList, childType, isDeleteList);
                    break;
                default:
                    original[key] = JsonValues.Clone(patchValue);
                    break;
            }
        }
        return original;
    }

    /// <summary>A value that is new to the object, with directives applied (against nothing) and nulls dropped.</summary>
    private static JsonNode? Clean(JsonNode? value, TypeNode? type) => value switch
    {
        JsonObject map => MergeMap([], (JsonObject)map.DeepClone(), type),
        JsonArray list => MergeListField([], (JsonArray)list.DeepClone(), type, isDeleteList: false),
        _ => JsonValues.Clone(value),
    };

    private static bool SameContainerKind(JsonNode? a, JsonNode? b) =>
        (a is JsonObject && b is JsonObject) || (a is JsonArray && b is JsonArray)
        || (a is not JsonObject and not JsonArray && b is not JsonObject and not JsonArray);

    private static bool HasStrategy(TypeNode? type, string strategy) =>
        type?.PatchStrategy?.Split(',').Contains(strategy) == true;

    /// <summary>Clears the keys of the original that <c>$retainKeys</c> does not list.</summary>
    private static void ApplyRetainKeys(JsonObject original, JsonObject patch)
    {
        if (!patch.TryGetPropertyValue(RetainKeysDirective, out var retain))
        {
            return;
        }
        patch.Remove(RetainKeysDirective);
        if (retain is not JsonArray keys || keys.Any(k => JsonValues.AsString(k) is null))
        {
            throw new PatchException("invalid patch format of retainKeys", PatchException.BadRequest);
        }
        var retained = keys.Select(k => JsonValues.AsString(k)!).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in patch)
        {
            if (value is not null && !key.StartsWith('$') && !retained.Contains(key))
            {
                throw new PatchException("patch content doesn't match retainKeys list", PatchException.Unprocessable);
            }
        }
        foreach (var key in original.Select(p => p.Key).Where(k => !retained.Contains(k)).ToList())
        {
            original.Remove(key);
        }
    }

    /// <summary>
    /// Handles <c>$setElementOrder/field</c> with the field's patch list: merge them, then order the items
    /// as the directive lists them, keeping items only on the server where they were relative to the rest.
    /// </summary>
    private static void ApplySetElementOrder(JsonObject original, JsonObject patch, TypeNode? type)
    {
        foreach (var (directiveKey, orderValue) in patch.ToList())
        {
            if (!directiveKey.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            patch.Remove(directiveKey);
            if (orderValue is not JsonArray order)
            {
                throw new PatchException("invalid patch format of setElementOrder list", PatchException.BadRequest);
            }
            var key = directiveKey[SetElementOrderPrefix.Length..];
            var childType = type?.Map?.TypeOf(key);
            var originalList = original[key] as JsonArray;
            var patchList = patch[key] as JsonArray;
            if (originalList is null && patchList is null)
            {
                continue;
            }
            var (_, mergeKey) = ListStrategy(childType);
            var merged = patchList is null
                ? (JsonArray)originalList!.DeepClone()
                : MergeListField(originalList ?? [], patchList, childType, isDeleteList: false);
            var orderList = order.ToList();
            var (ordered, serverOnly) = Partition(merged, orderList, mergeKey);
            original[key] = ToArray(NormalizeOrder(ordered, serverOnly, orderList, (originalList ?? []).ToList(), mergeKey));
            patch.Remove(key);
        }
    }

    private static (bool Merge, string? MergeKey) ListStrategy(TypeNode? type)
    {
        if (type?.PatchStrategy is { } strategy)
        {
            return strategy.Split(',').Contains("merge") ? (true, type.PatchMergeKey) : (false, null);
        }
        return type?.List switch
        {
            { Type: ListType.Map, Keys.Count: > 0 } keyed => (true, keyed.Keys[0]),
            { Type: ListType.Set } => (true, null),
            _ => (false, null),
        };
    }

    private static JsonArray MergeListField(JsonArray original, JsonArray patch, TypeNode? type, bool isDeleteList)
    {
        if (isDeleteList)
        {
            return ToArray(original.Where(item => !patch.Any(p => JsonEquality.DeepEquals(p, item, NumberEquality.GoTyped))).Select(JsonValues.Clone).ToList());
        }
        var (merge, mergeKey) = ListStrategy(type);
        var elementType = type?.List?.Element;
        if (!merge)
        {
            return (JsonArray)patch.DeepClone();
        }
        if (original.Count == 0 && patch.Count == 0)
        {
            return [];
        }
        var items = original.Concat(patch).Where(i => i is not null).ToList();
        if (items.Any(i => i is JsonArray))
        {
            throw new PatchException("lists of lists are not supported", PatchException.Unprocessable);
        }
        var mapsItems = items.Count > 0 && items[0] is JsonObject;
        if (items.Any(i => i is JsonObject != mapsItems))
        {
            throw new PatchException("list items must all be maps or all be scalars", PatchException.BadRequest);
        }

        List<JsonNode?> merged;
        var serverOrder = original.ToList();
        var patchOrder = patch.ToList();
        if (!mapsItems)
        {
            merged = [];
            foreach (var item in original.Concat(patch))
            {
                if (!merged.Any(m => JsonEquality.DeepEquals(m, item, NumberEquality.GoTyped)))
                {
                    merged.Add(JsonValues.Clone(item));
                }
            }
            mergeKey = null;
        }
        else
        {
            if (mergeKey is null)
            {
                // A list of objects without a merge key cannot merge item by item: the patch replaces it.
                return (JsonArray)patch.DeepClone();
            }
            var (server, patchItems, replaced) = ApplySpecialItems(original, patch, mergeKey);
            if (replaced)
            {
                serverOrder = server;
                patchOrder = [];
            }
            merged = MergeItemsByKey(server, patchItems, mergeKey, elementType);
        }
        var (inPatch, serverOnly) = Partition(merged, patchOrder, mergeKey);
        return ToArray(NormalizeOrder(inPatch, serverOnly, patchOrder, serverOrder, mergeKey));
    }

    /// <summary>Processes <c>$patch</c> list items: delete matching server items, or replace the whole list.</summary>
    private static (List<JsonNode?> Server, List<JsonNode?> Patch, bool Replaced) ApplySpecialItems(JsonArray original, JsonArray patch, string mergeKey)
    {
        var server = original.Select(JsonValues.Clone).ToList();
        var plain = new List<JsonNode?>();
        var replace = false;
        foreach (var item in patch)
        {
            var map = (JsonObject)item!;
            if (!map.TryGetPropertyValue(PatchDirective, out var directive))
            {
                plain.Add(item);
                continue;
            }
            switch (JsonValues.AsString(directive))
            {
                case "delete":
                    if (!map.TryGetPropertyValue(mergeKey, out var keyValue))
                    {
                        throw new PatchException($"map: {GoJson.Write(map)} does not contain declared merge key: {mergeKey}", PatchException.BadRequest);
                    }
                    server.RemoveAll(s => s is JsonObject o && o.TryGetPropertyValue(mergeKey, out var v) && JsonEquality.DeepEquals(v, keyValue, NumberEquality.GoTyped));
                    break;
                case "replace":
                    replace = true;
                    break;
                case "merge":
                    throw new PatchException("merging lists cannot yet be specified in the patch", PatchException.BadRequest);
                default:
                    throw new PatchException($"unknown patch type: {GoJson.Display(directive)} in map: {GoJson.Write(map)}", PatchException.BadRequest);
            }
        }
        return replace
            ? (plain.Select(JsonValues.Clone).ToList(), [], true)
            : (server, plain, false);
    }

    private static List<JsonNode?> MergeItemsByKey(List<JsonNode?> server, List<JsonNode?> patch, string mergeKey, TypeNode? elementType)
    {
        var merged = server;
        foreach (var item in patch)
        {
            var map = (JsonObject)item!;
            if (!map.TryGetPropertyValue(mergeKey, out var keyValue))
            {
                throw new PatchException($"map: {GoJson.Write(map)} does not contain declared merge key: {mergeKey}", PatchException.BadRequest);
            }
            var index = merged.FindIndex(s => s is JsonObject o && o.TryGetPropertyValue(mergeKey, out var v) && JsonEquality.DeepEquals(v, keyValue, NumberEquality.GoTyped));
            if (index >= 0)
            {
                merged[index] = MergeMap((JsonObject)merged[index]!, (JsonObject)map.DeepClone(), elementType);
            }
            else
            {
                merged.Add(Clean(map, elementType));
            }
        }
        return merged;
    }

    /// <summary>Splits items into those the order list mentions and those only the server has.</summary>
    private static (List<JsonNode?> Listed, List<JsonNode?> ServerOnly) Partition(IEnumerable<JsonNode?> items, IReadOnlyList<JsonNode?> order, string? mergeKey)
    {
        var listed = new List<JsonNode?>();
        var serverOnly = new List<JsonNode?>();
        foreach (var item in items)
        {
            (IndexOf(order, item, mergeKey) >= 0 ? listed : serverOnly).Add(item);
        }
        return (listed, serverOnly);
    }

    /// <summary>
    /// Orders patch items by the patch (or <c>$setElementOrder</c>) order and server-only items by the
    /// server order, then interleaves them: a server-only item goes before a patch item when the server
    /// had it earlier.
    /// </summary>
    private static List<JsonNode?> NormalizeOrder(List<JsonNode?> patchItems, List<JsonNode?> serverOnly, IReadOnlyList<JsonNode?> patchOrder, IReadOnlyList<JsonNode?> serverOrder, string? mergeKey)
    {
        var right = patchItems.OrderBy(i => Rank(patchOrder, i, mergeKey)).ToList();
        var left = serverOnly.OrderBy(i => Rank(serverOrder, i, mergeKey)).ToList();
        var result = new List<JsonNode?>(left.Count + right.Count);
        int l = 0, r = 0;
        while (l < left.Count || r < right.Count)
        {
            if (l >= left.Count)
            {
                result.Add(right[r++]);
            }
            else if (r >= right.Count)
            {
                result.Add(left[l++]);
            }
            else
            {
                var leftIndex = IndexOf(serverOrder, left[l], mergeKey);
                var rightIndex = IndexOf(serverOrder, right[r], mergeKey);
                result.Add(leftIndex >= 0 && rightIndex >= 0 && leftIndex < rightIndex ? left[l++] : right[r++]);
            }
        }
        return result;
    }

    private static int Rank(IReadOnlyList<JsonNode?> order, JsonNode? item, string? mergeKey)
    {
        var index = IndexOf(order, item, mergeKey);
        return index < 0 ? int.MaxValue : index;
    }

    private static int IndexOf(IReadOnlyList<JsonNode?> list, JsonNode? item, string? mergeKey)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (mergeKey is null
                ? JsonEquality.DeepEquals(list[i], item, NumberEquality.GoTyped)
                : list[i] is JsonObject candidate && item is JsonObject target
                  && candidate.TryGetPropertyValue(mergeKey, out var a) && target.TryGetPropertyValue(mergeKey, out var b)
                  && JsonEquality.DeepEquals(a, b, NumberEquality.GoTyped))
            {
                return i;
            }
        }
        return -1;
    }

    private static JsonArray ToArray(IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item?.Parent is null ? item : item.DeepClone());
        }
        return array;
    }
}
