using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Fields;
using Keel.ApiServer.Apply.Topology;

namespace Keel.ApiServer.Apply.Typed;

/// <summary>
/// The fields a value sets (structured-merge-diff's ToFieldSet), which is what an applier owns:
/// every scalar; atomic lists and maps as a whole; each keyed-list or set item itself plus its fields;
/// map entries under undeclared keys (label keys, free-form maps). Declared struct fields that only
/// contain other fields are not members, and neither are empty or null granular maps and lists.
/// </summary>
internal static class FieldSetBuilder
{
    public static FieldSet FromObject(JsonObject value, TypeNode type)
    {
        var set = new FieldSet();
        Walk(value, type, FieldPath.Root, set);
        return set;
    }

    private static void Walk(JsonNode? value, TypeNode type, FieldPath path, FieldSet set)
    {
        switch (type.ShapeOf(value))
        {
            case ValueShape.List:
                var list = type.List!;
                if (list.IsAtomic)
                {
                    set.Insert(path);
                    return;
                }
                if (value is not JsonArray items)
                {
                    return;
                }
                var indexed = ListItems.Index(list, items, out _);
                if (indexed is null)
                {
                    // Items that cannot be identified: the list can only be owned as a whole.
                    set.Insert(path);
                    return;
                }
                foreach (var item in indexed)
                {
                    var itemPath = path.Append(item.Element);
                    if (!item.Duplicated)
                    {
                        Walk(item.Value, list.Element, itemPath, set);
                    }
                    set.Insert(itemPath);
                }
                return;

            case ValueShape.Map:
                var map = type.Map!;
                if (map.Atomic)
                {
                    set.Insert(path);
                    return;
                }
                if (value is not JsonObject obj)
                {
                    return;
                }
                foreach (var (name, child) in obj)
                {
                    var childPath = path.Append(PathElement.Field(name));
                    Walk(child, map.TypeOf(name) ?? UntypedTypes.Deduced, childPath, set);
                    if (!map.Declares(name))
                    {
                        set.Insert(childPath);
                    }
                }
                return;

            default:
                set.Insert(path);
                return;
        }
    }
}
