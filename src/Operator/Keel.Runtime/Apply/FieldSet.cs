using System.Text.Json;
using System.Text.Json.Nodes;

namespace Keel.Runtime.Apply;

/// <summary>
/// A parsed <c>managedFields[].fieldsV1</c> tree: the fields one manager owns. Keys are <c>f:name</c> (a field),
/// <c>k:{...}</c> (an associative-list item by its key fields), <c>v:value</c> (a set item) and <c>i:n</c> (an index);
/// the <c>.</c> marker ("the node itself") is folded into <see cref="OwnsSelf"/>.
/// </summary>
public sealed class FieldSet
{
    private readonly Dictionary<string, FieldSet> _children;

    private FieldSet(Dictionary<string, FieldSet> children, bool ownsSelf)
    {
        _children = children;
        OwnsSelf = ownsSelf;
    }

    public static FieldSet Empty { get; } = new([], false);

    /// <summary>The tree had a <c>.</c> entry here.</summary>
    public bool OwnsSelf { get; }

    public IReadOnlyDictionary<string, FieldSet> Children => _children;

    /// <summary>A leaf: the field is owned as a whole (a scalar, an atomic list or map, or an empty object).</summary>
    public bool IsLeaf => _children.Count == 0;

    public FieldSet? Child(string key) => _children.GetValueOrDefault(key);

    public static FieldSet Parse(JsonNode? fieldsV1)
    {
        if (fieldsV1 is not JsonObject obj)
        {
            return Empty;
        }

        var children = new Dictionary<string, FieldSet>(StringComparer.Ordinal);
        var ownsSelf = false;
        foreach (var (key, value) in obj)
        {
            if (key == ".")
            {
                ownsSelf = true;
                continue;
            }

            children[key] = Parse(value);
        }

        return new FieldSet(children, ownsSelf);
    }

    /// <summary>Parses fieldsV1 as KubernetesClient hands it over (a JsonElement or any serializable object).</summary>
    public static FieldSet FromObject(object? fieldsV1) => fieldsV1 switch
    {
        null => Empty,
        JsonNode node => Parse(node),
        JsonElement element => Parse(JsonNode.Parse(element.GetRawText())),
        string text => Parse(JsonNode.Parse(text)),
        var other => Parse(JsonSerializer.SerializeToNode(other)),
    };

    /// <summary>A copy without one child (used to set the status subtree aside for the main resource).</summary>
    public FieldSet Without(string key)
    {
        if (!_children.ContainsKey(key))
        {
            return this;
        }

        var children = new Dictionary<string, FieldSet>(_children, StringComparer.Ordinal);
        children.Remove(key);
        return new FieldSet(children, OwnsSelf);
    }
}
