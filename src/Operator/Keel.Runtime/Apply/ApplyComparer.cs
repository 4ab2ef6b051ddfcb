using System.Text.Json.Nodes;

namespace Keel.Runtime.Apply;

/// <summary>
/// Answers "would this server-side apply change anything?" without asking the server, so a reconcile of an
/// unchanged object sends no write at all.
/// <para>The rule: an apply is a no-op exactly when</para>
/// <list type="number">
/// <item>every field in the desired object has the same value in the live object (fields the server defaulted or
/// that other managers own are not looked at, so server defaulting never causes a write), and</item>
/// <item>the fields our field manager owns (its <c>Apply</c> entry in <c>managedFields</c>) are exactly the fields of
/// the desired object: a field we own but no longer set means the apply must go out so the server removes it, and a
/// field we set but do not own yet means the apply must go out so we take ownership.</item>
/// </list>
/// The owned-field tree also tells how to match list items without any schema: <c>k:{…}</c> entries name an
/// associative list's key fields (items are matched by key, and a key field the server defaulted, like a port's
/// protocol, matches when the desired item leaves it out), <c>v:</c> entries make a set, and a leaf means an atomic
/// list compared whole. Our items of a set or associative list must also appear in the desired order, since an apply
/// reorders them.
/// </summary>
public static class ApplyComparer
{
    // Identity and server-owned metadata: never part of an owned field set, never compared.
    private static readonly string[] ServerMetadata =
        ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp",
         "deletionGracePeriodSeconds", "managedFields", "selfLink", "generateName"];

    /// <summary>
    /// Compares a desired apply body with the live object. <paramref name="owned"/> is our manager's owned-field set
    /// for <paramref name="scope"/> (null when we own nothing yet). Returns null when applying would change nothing,
    /// otherwise the first reason (a field path) it would.
    /// </summary>
    public static string? FirstDifference(JsonObject desired, JsonObject? live, FieldSet? owned, ApplyScope scope)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (live is null)
        {
            return "the object does not exist yet";
        }

        if (owned is null)
        {
            return "the field manager owns no fields of this object yet";
        }

        var body = Prepare(desired, scope);
        if (scope == ApplyScope.Main)
        {
            owned = owned.Without("f:status");
        }

        return CompareObject(body, live, owned, "");
    }

    /// <summary>The part of an apply body that field ownership covers: no identity, no status (main) or only status.</summary>
    public static JsonObject Prepare(JsonObject desired, ApplyScope scope)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var body = (JsonObject)desired.DeepClone();
        body.Remove("apiVersion");
        body.Remove("kind");
        if (scope == ApplyScope.Status)
        {
            var status = body["status"]?.DeepClone();
            body.Clear();
            if (status is not null)
            {
                body["status"] = status;
            }

            return body;
        }

        body.Remove("status");
        if (body["metadata"] is JsonObject metadata)
        {
            foreach (var name in ServerMetadata)
            {
                metadata.Remove(name);
            }

            if (metadata.Count == 0)
            {
                body.Remove("metadata");
            }
        }

        return body;
    }

    private static string? Compare(JsonNode? desired, JsonNode? live, FieldSet owned, string path) => desired switch
    {
        JsonObject obj => live is not JsonObject liveObj ? $"{path}: differs"
            : owned.IsLeaf && obj.Count > 0 ? (JsonValues.DeepEquals(obj, liveObj) ? null : $"{path}: differs") // an atomic struct or map
            : CompareObject(obj, liveObj, owned, path),
        JsonArray arr => live is JsonArray liveArr ? CompareList(arr, liveArr, owned, path) : $"{path}: differs",
        JsonValue value => !owned.IsLeaf
            ? $"{path}: owned as a structure, desired as a value"
            : live is JsonValue liveValue && JsonValues.ScalarEquals(value, liveValue) ? null : $"{path}: differs",
        _ => null,
    };

    private static string? CompareObject(JsonObject desired, JsonObject live, FieldSet owned, string path)
    {
        var present = 0;
        foreach (var (name, value) in desired)
        {
            if (value is null)
            {
                continue; // an explicit null is not a field the apply sets
            }

            present++;
            var childPath = $"{path}.{name}";
            if (owned.Child("f:" + name) is not { } child)
            {
                return $"{childPath}: not owned yet";
            }

            if (!live.TryGetPropertyValue(name, out var liveValue) || liveValue is null)
            {
                return $"{childPath}: missing on the server";
            }

            if (Compare(value, liveValue, child, childPath) is { } difference)
            {
                return difference;
            }
        }

        var ownedFields = owned.Children.Keys.Where(k => k.StartsWith("f:", StringComparison.Ordinal)).ToList();
        if (ownedFields.Count != present)
        {
            var stale = ownedFields.First(k => desired[k[2..]] is null);
            return $"{path}.{stale[2..]}: owned but no longer desired";
        }

        return null;
    }

    private static string? CompareList(JsonArray desired, JsonArray live, FieldSet owned, string path)
    {
        if (owned.IsLeaf)
        {
            return JsonValues.DeepEquals(desired, live) ? null : $"{path}: differs";
        }

        var keys = owned.Children.Keys.ToList();
        if (keys.All(k => k.StartsWith("k:", StringComparison.Ordinal)))
        {
            return CompareAssociativeList(desired, live, owned, path);
        }

        if (keys.All(k => k.StartsWith("v:", StringComparison.Ordinal)))
        {
            var ownedValues = keys.Select(k => JsonValues.Canonical(JsonNode.Parse(k[2..]))).ToHashSet(StringComparer.Ordinal);
            var desiredValues = desired.Select(JsonValues.Canonical).ToHashSet(StringComparer.Ordinal);
            if (!ownedValues.SetEquals(desiredValues) || desiredValues.Count != desired.Count)
            {
                return $"{path}: set items differ";
            }

            // The apply also imposes its order on our items: live must list them in the desired order.
            var ours = live.Select(JsonValues.Canonical).Where(desiredValues.Contains).ToList();
            return ours.SequenceEqual(desired.Select(JsonValues.Canonical), StringComparer.Ordinal) ? null : $"{path}: set items differ or are out of order";
        }

        return $"{path}: list ownership cannot be compared";
    }

    private static string? CompareAssociativeList(JsonArray desired, JsonArray live, FieldSet owned, string path)
    {
        var ownedItems = owned.Children.Select(kv => (Key: JsonNode.Parse(kv.Key[2..]) as JsonObject, Fields: kv.Value)).ToList();
        if (ownedItems.Any(i => i.Key is null))
        {
            return $"{path}: unreadable list key";
        }

        if (ownedItems.Count != desired.Count)
        {
            return $"{path}: {desired.Count} items desired, {ownedItems.Count} owned";
        }

        var used = new HashSet<int>();
        var liveOrder = new List<int>();
        foreach (var item in desired)
        {
            if (item is not JsonObject desiredItem)
            {
                return $"{path}: a desired item is not an object";
            }

            // The owned key whose fields the desired item agrees with (key fields it leaves out were defaulted).
            var match = -1;
            for (var i = 0; i < ownedItems.Count; i++)
            {
                if (!used.Contains(i) && KeyMatches(ownedItems[i].Key!, desiredItem))
                {
                    match = i;
                    break;
                }
            }

            if (match < 0)
            {
                return $"{path}[{Describe(desiredItem, ownedItems[0].Key!)}]: not owned yet";
            }

            used.Add(match);
            var (key, fields) = ownedItems[match];
            var liveIndex = IndexOf(live, key!);
            var itemPath = $"{path}[{JsonValues.Canonical(key)}]";
            if (liveIndex < 0)
            {
                return $"{itemPath}: missing on the server";
            }

            liveOrder.Add(liveIndex);
            var liveItem = (JsonObject)live[liveIndex]!;
            if (fields.IsLeaf)
            {
                // An atomic item (owner references are): owned whole, compared whole.
                if (!JsonValues.DeepEquals(desiredItem, liveItem))
                {
                    return $"{itemPath}: differs";
                }

                continue;
            }

            if (CompareObject(desiredItem, liveItem, fields, itemPath) is { } difference)
            {
                return difference;
            }
        }

        // The apply also imposes its order on our items: live must hold them in the desired order.
        for (var i = 1; i < liveOrder.Count; i++)
        {
            if (liveOrder[i] < liveOrder[i - 1])
            {
                return $"{path}: items out of order";
            }
        }

        return null;
    }

    private static int IndexOf(JsonArray live, JsonObject key)
    {
        for (var i = 0; i < live.Count; i++)
        {
            if (live[i] is JsonObject item && key.All(kv => item[kv.Key] is { } v && JsonValues.DeepEquals(kv.Value, v)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool KeyMatches(JsonObject ownedKey, JsonObject desiredItem)
    {
        var agreed = 0;
        foreach (var (field, value) in ownedKey)
        {
            if (desiredItem[field] is { } desiredValue)
            {
                if (!JsonValues.DeepEquals(value, desiredValue))
                {
                    return false;
                }

                agreed++;
            }
        }

        return agreed > 0;
    }

    private static string Describe(JsonObject item, JsonObject keyShape)
        => JsonValues.Canonical(new JsonObject(keyShape.Select(kv => KeyValuePair.Create(kv.Key, item[kv.Key]?.DeepClone()))));
}
