using System.Text.Json.Nodes;

namespace Keel.ApiServer.Apply.Fields;

/// <summary>
/// The <c>FieldsV1</c> encoding of a <see cref="FieldSet"/> used in <c>metadata.managedFields</c>:
/// a JSON object whose keys are serialized path elements (<c>f:</c>, <c>k:</c>, <c>v:</c>, <c>i:</c>),
/// <c>{}</c> for a leaf and a <c>"."</c> entry when a path is owned itself and also has owned children.
/// Entries are written in path element order, as the Kubernetes API server writes them.
/// </summary>
internal static class FieldsV1
{
    public static JsonObject Encode(FieldSet set) => Encode(set, includeSelf: false);

    private static JsonObject Encode(FieldSet set, bool includeSelf)
    {
        var result = new JsonObject();
        if (includeSelf && !set.IsEmpty)
        {
            result["."] = new JsonObject();
        }
        using var members = set.Members.GetEnumerator();
        using var children = set.Children.GetEnumerator();
        var hasMember = members.MoveNext();
        var hasChild = children.MoveNext();
        while (hasMember || hasChild)
        {
            var order = !hasChild ? -1 : !hasMember ? 1 : members.Current.CompareTo(children.Current.Key);
            if (order < 0)
            {
                result[members.Current.Serialize()] = new JsonObject();
                hasMember = members.MoveNext();
            }
            else if (order > 0)
            {
                result[children.Current.Key.Serialize()] = Encode(children.Current.Value, includeSelf: false);
                hasChild = children.MoveNext();
            }
            else
            {
                result[children.Current.Key.Serialize()] = Encode(children.Current.Value, includeSelf: true);
                hasMember = members.MoveNext();
                hasChild = children.MoveNext();
            }
        }
        return result;
    }

    /// <summary>Parses a fieldsV1 object; throws <see cref="FormatException"/> when it is malformed.</summary>
    public static FieldSet Decode(JsonNode? fields)
    {
        if (fields is not JsonObject obj)
        {
            throw new FormatException("fieldsV1 must be a JSON object");
        }
        var set = new FieldSet();
        foreach (var (key, value) in obj)
        {
            if (key == ".")
            {
                continue;
            }
            var element = PathElement.Parse(key);
            if (value is not JsonObject child)
            {
                throw new FormatException($"fieldsV1 entry {key} must be a JSON object");
            }
            if (child.Count == 0 || child.ContainsKey("."))
            {
                set.InsertMember(element);
            }
            set.AddChild(element, Decode(child));
        }
        return set;
    }
}
