using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Fields;
using Keel.ApiServer.Apply.Json;
using Keel.ApiServer.Apply.Topology;

namespace Keel.ApiServer.Apply.Typed;

/// <summary>One item of a keyed list or set, with the path element that identifies it.</summary>
internal readonly record struct ListItem(PathElement Element, JsonNode? Value, bool Duplicated);

/// <summary>Identifies the items of associative lists (keyed lists and sets) the way structured-merge-diff does.</summary>
internal static class ListItems
{
    /// <summary>
    /// The path element of <paramref name="item"/>: its key fields for a keyed list (an omitted key field
    /// takes the schema default, as for <c>protocol: TCP</c> on container ports), its value for a set.
    /// </summary>
    public static PathElement? ElementOf(ListShape list, JsonNode? item, out string? error)
    {
        error = null;
        if (list.Type == ListType.Map)
        {
            if (item is not JsonObject obj)
            {
                error = JsonValues.IsNull(item)
                    ? "associative list with keys may not have a null element"
                    : "associative list with keys may not have non-map elements";
                return null;
            }
            var fields = new List<KeyField>(list.Keys.Count);
            foreach (var key in list.Keys)
            {
                if (obj.TryGetPropertyValue(key, out var value))
                {
                    fields.Add(new KeyField(key, value));
                }
                else if (list.Element.Map?.Fields.TryGetValue(key, out var field) == true && field.Default is not null)
                {
                    fields.Add(new KeyField(key, field.Default));
                }
                else
                {
                    error = $"associative list with keys has an element that omits key field {GoJson.Quote(key)} (and doesn't have default value)";
                    return null;
                }
            }
            return PathElement.Keyed(fields);
        }

        switch (JsonValues.KindOf(item))
        {
            case JsonKind.Object:
                error = "associative list without keys has an element that's a map type";
                return null;
            case JsonKind.Array:
                error = "associative list without keys has an element that's a list type";
                return null;
            default:
                return PathElement.SetValue(item);
        }
    }

    /// <summary>
    /// Indexes the items of an associative list in order. Returns null when an item cannot be identified
    /// (the caller then treats the list as a whole); <paramref name="error"/> names the first such item.
    /// Repeated keys are kept, flagged as duplicated.
    /// </summary>
    public static IReadOnlyList<ListItem>? Index(ListShape list, JsonArray items, out string? error)
    {
        error = null;
        var elements = new PathElement[items.Count];
        var counts = new Dictionary<PathElement, int>();
        for (var i = 0; i < items.Count; i++)
        {
            var element = ElementOf(list, items[i], out var itemError);
            if (element is null)
            {
                error = $"element {i}: {itemError}";
                return null;
            }
            elements[i] = element;
            counts[element] = counts.GetValueOrDefault(element) + 1;
        }
        var result = new ListItem[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            result[i] = new ListItem(elements[i], items[i], counts[elements[i]] > 1);
        }
        return result;
    }
}
