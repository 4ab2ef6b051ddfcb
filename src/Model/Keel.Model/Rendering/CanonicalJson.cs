using System.Text.Json.Nodes;
using Keel.Model.Serialization;

namespace Keel.Model.Rendering;

/// <summary>
/// The JSON of a child as the render hands it out: nulls omitted (only fields the operator sets, for server-side
/// apply), keys sorted at every level (as kubectl prints objects), so equal inputs give byte-identical output.
/// </summary>
internal static class CanonicalJson
{
    public static JsonObject Of(object value) => (JsonObject)Sorted(KeelJson.SerializeToNode(value))!;

    public static JsonNode? Sorted(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var sorted = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
                {
                    if (value is not null)
                    {
                        obj.Remove(key);
                        sorted[key] = Sorted(value);
                    }
                }

                return sorted;
            case JsonArray array:
                var items = array.ToList();
                array.Clear();
                var copy = new JsonArray();
                foreach (var item in items)
                {
                    copy.Add(Sorted(item));
                }

                return copy;
            default:
                return node;
        }
    }
}
