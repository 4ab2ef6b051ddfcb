using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Fields;
using Keel.ApiServer.Apply.Json;
using Keel.ApiServer.Apply.Topology;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Apply.Typed;

/// <summary>
/// Compares two versions of an object field by field (structured-merge-diff's Compare), which decides
/// what an update takes ownership of and which owned fields an apply would change.
/// </summary>
internal sealed class ObjectComparer
{
    private readonly FieldSet added = new();
    private readonly FieldSet modified = new();
    private readonly FieldSet removed = new();

    private ObjectComparer()
    {
    }

    /// <summary>Compares <paramref name="before"/> (null for a create) with <paramref name="after"/>.</summary>
    public static Comparison Compare(JsonObject? before, JsonObject after, TypeNode type)
    {
        var comparer = new ObjectComparer();
        comparer.Compare(before ?? [], true, after, true, type, FieldPath.Root);
        return new Comparison(comparer.added, comparer.modified, comparer.removed);
    }

    private void Compare(JsonNode? lhs, bool lhsPresent, JsonNode? rhs, bool rhsPresent, TypeNode type, FieldPath path)
    {
        var lhsShape = lhsPresent ? type.ShapeOf(lhs) : (ValueShape?)null;
        var rhsShape = rhsPresent ? type.ShapeOf(rhs) : (ValueShape?)null;
        var inLeaf = false;
        if (lhsShape is { } l && rhsShape is { } r && l != r)
        {
            // The value changed shape (only possible where the schema allows several, or in an invalid
            // object): each side's structure is compared against nothing, and a leaf side counts as modified.
            inLeaf = CompareAs(l, lhs, true, null, false, type, path, bothPresent: true)
                | CompareAs(r, null, false, rhs, true, type, path, bothPresent: true);
        }
        else
        {
            inLeaf = CompareAs((lhsShape ?? rhsShape)!.Value, lhs, lhsPresent, rhs, rhsPresent, type, path, bothPresent: false);
        }
        if (!inLeaf)
        {
            if (!lhsPresent)
            {
                added.Insert(path);
            }
            else if (!rhsPresent)
            {
                removed.Insert(path);
            }
        }
    }

    /// <summary>Compares with one shape; returns true when the position was handled as a leaf.</summary>
    private bool CompareAs(ValueShape shape, JsonNode? lhs, bool lhsPresent, JsonNode? rhs, bool rhsPresent, TypeNode type, FieldPath path, bool bothPresent)
    {
        switch (shape)
        {
            case ValueShape.Map when !type.Map!.Atomic && !BothEmpty(lhs, rhs):
                CompareMaps(lhs as JsonObject, rhs as JsonObject, type.Map!, path);
                return false;
            case ValueShape.List when !type.List!.IsAtomic && !BothEmpty(lhs, rhs):
                if (CompareLists(lhs as JsonArray, rhs as JsonArray, type.List!, path))
                {
                    return false;
                }
                break;
        }
        Leaf(lhs, lhsPresent || bothPresent, rhs, rhsPresent || bothPresent, path);
        return true;
    }

    private static bool BothEmpty(JsonNode? lhs, JsonNode? rhs) => IsEmptyContainer(lhs) && IsEmptyContainer(rhs);

    private static bool IsEmptyContainer(JsonNode? node) => node switch
    {
        null => true,
        JsonObject obj => obj.Count == 0,
        JsonArray array => array.Count == 0,
        _ => false,
    };

    private void Leaf(JsonNode? lhs, bool lhsPresent, JsonNode? rhs, bool rhsPresent, FieldPath path)
    {
        if (!lhsPresent)
        {
            added.Insert(path);
        }
        else if (!rhsPresent)
        {
            removed.Insert(path);
        }
        else if (!JsonEquality.DeepEquals(lhs, rhs, NumberEquality.MergeDiff))
        {
            modified.Insert(path);
        }
    }

    private void CompareMaps(JsonObject? lhs, JsonObject? rhs, MapShape map, FieldPath path)
    {
        if (lhs is not null)
        {
            foreach (var (name, value) in lhs)
            {
                JsonNode? other = null;
                var hasOther = rhs?.TryGetPropertyValue(name, out other) == true;
                Compare(value, true, other, hasOther, map.TypeOf(name) ?? UntypedTypes.Deduced, path.Append(PathElement.Field(name)));
            }
        }
        if (rhs is not null)
        {
            foreach (var (name, value) in rhs)
            {
                if (lhs?.ContainsKey(name) != true)
                {
                    Compare(null, false, value, true, map.TypeOf(name) ?? UntypedTypes.Deduced, path.Append(PathElement.Field(name)));
                }
            }
        }
    }

    /// <summary>Compares keyed items; false when an item cannot be identified (the list is then a leaf).</summary>
    private bool CompareLists(JsonArray? lhs, JsonArray? rhs, ListShape list, FieldPath path)
    {
        var lhsItems = lhs is null ? [] : ListItems.Index(list, lhs, out _);
        var rhsItems = rhs is null ? [] : ListItems.Index(list, rhs, out _);
        if (lhsItems is null || rhsItems is null)
        {
            return false;
        }
        // Repeated keys: the first occurrence stands for the key.
        var lhsByElement = new Dictionary<PathElement, JsonNode?>();
        foreach (var item in lhsItems)
        {
            lhsByElement.TryAdd(item.Element, item.Value);
        }
        var seen = new HashSet<PathElement>();
        foreach (var item in rhsItems)
        {
            if (!seen.Add(item.Element))
            {
                continue;
            }
            var hasLive = lhsByElement.TryGetValue(item.Element, out var live);
            Compare(live, hasLive, item.Value, true, list.Element, path.Append(item.Element));
        }
        foreach (var (element, value) in lhsByElement)
        {
            if (!seen.Contains(element))
            {
                Compare(value, true, null, false, list.Element, path.Append(element));
            }
        }
        return true;
    }
}
