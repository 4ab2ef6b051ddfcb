using System.Text;
using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Json;

namespace Keel.ApiServer.Apply.Fields;

/// <summary>What a <see cref="PathElement"/> selects; the order is the sort order of elements of different kinds.</summary>
internal enum PathElementKind
{
    /// <summary>A field of a struct or a key of a map: <c>f:replicas</c>.</summary>
    Field = 0,

    /// <summary>An item of a keyed list, by its key fields: <c>k:{"name":"vllm"}</c>.</summary>
    Key = 1,

    /// <summary>An item of a set, by its value: <c>v:"a"</c>.</summary>
    Value = 2,

    /// <summary>An item of a list by position: <c>i:0</c> (never recorded for ownership, accepted when read).</summary>
    Index = 3,
}

/// <summary>One key field of a keyed list item.</summary>
internal readonly record struct KeyField(string Name, JsonNode? Value);

/// <summary>
/// One step of a field path, as structured-merge-diff defines it. Immutable; equality and ordering
/// are by value (numbers by numeric value), so elements can key sorted sets and dictionaries.
/// </summary>
internal sealed class PathElement : IEquatable<PathElement>, IComparable<PathElement>
{
    private readonly int hash;

    private PathElement(PathElementKind kind, string? fieldName, IReadOnlyList<KeyField> key, JsonNode? value, int index)
    {
        Kind = kind;
        FieldName = fieldName;
        Key = key;
        Value = value;
        Index = index;
        hash = kind switch
        {
            PathElementKind.Field => HashCode.Combine(kind, StringComparer.Ordinal.GetHashCode(fieldName!)),
            PathElementKind.Key => key.Aggregate(HashCode.Combine(kind), (h, f) => HashCode.Combine(h, StringComparer.Ordinal.GetHashCode(f.Name), JsonValues.Hash(f.Value))),
            PathElementKind.Value => HashCode.Combine(kind, JsonValues.Hash(value)),
            _ => HashCode.Combine(kind, index),
        };
    }

    public PathElementKind Kind { get; }

    public string? FieldName { get; }

    /// <summary>Key fields sorted by name (as structured-merge-diff sorts them); empty unless <see cref="Kind"/> is Key.</summary>
    public IReadOnlyList<KeyField> Key { get; }

    public JsonNode? Value { get; }

    public int Index { get; }

    public static PathElement Field(string name) => new(PathElementKind.Field, name, [], null, 0);

    public static PathElement Keyed(IEnumerable<KeyField> fields) =>
        new(PathElementKind.Key, null,
            fields.Select(f => new KeyField(f.Name, JsonValues.Clone(f.Value)))
                .OrderBy(f => f.Name, StringComparer.Ordinal).ToArray(),
            null, 0);

    public static PathElement SetValue(JsonNode? value) => new(PathElementKind.Value, null, [], JsonValues.Clone(value), 0);

    public static PathElement AtIndex(int index) => new(PathElementKind.Index, null, [], null, index);

    public bool Equals(PathElement? other)
    {
        if (other is null || other.hash != hash || other.Kind != Kind)
        {
            return false;
        }
        return CompareTo(other) == 0;
    }

    public override bool Equals(object? obj) => Equals(obj as PathElement);

    public override int GetHashCode() => hash;

    public int CompareTo(PathElement? other)
    {
        if (other is null)
        {
            return 1;
        }
        var byKind = Kind.CompareTo(other.Kind);
        if (byKind != 0)
        {
            return byKind;
        }
        switch (Kind)
        {
            case PathElementKind.Field:
                return string.CompareOrdinal(FieldName, other.FieldName);
            case PathElementKind.Key:
                for (var i = 0; ; i++)
                {
                    if (i >= Key.Count || i >= other.Key.Count)
                    {
                        return Key.Count.CompareTo(other.Key.Count);
                    }
                    var byName = string.CompareOrdinal(Key[i].Name, other.Key[i].Name);
                    if (byName != 0)
                    {
                        return byName;
                    }
                    var byValue = JsonValues.Compare(Key[i].Value, other.Key[i].Value);
                    if (byValue != 0)
                    {
                        return byValue;
                    }
                }
            case PathElementKind.Value:
                return JsonValues.Compare(Value, other.Value);
            default:
                return Index.CompareTo(other.Index);
        }
    }

    /// <summary>The element as a path segment: <c>.spec</c>, <c>[name="vllm"]</c>, <c>[=80]</c>, <c>[0]</c>.</summary>
    public override string ToString() => Kind switch
    {
        PathElementKind.Field => "." + FieldName,
        PathElementKind.Key => "[" + string.Join(",", Key.Select(f => f.Name + "=" + GoJson.Display(f.Value))) + "]",
        PathElementKind.Value => "[=" + GoJson.Display(Value) + "]",
        _ => "[" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]",
    };

    /// <summary>The element as a <c>fieldsV1</c> key: <c>f:spec</c>, <c>k:{"name":"vllm"}</c>, <c>v:80</c>, <c>i:0</c>.</summary>
    public string Serialize()
    {
        var builder = new StringBuilder();
        switch (Kind)
        {
            case PathElementKind.Field:
                builder.Append("f:").Append(FieldName);
                break;
            case PathElementKind.Key:
                builder.Append("k:{");
                for (var i = 0; i < Key.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }
                    GoJson.WriteString(builder, Key[i].Name);
                    builder.Append(':');
                    GoJson.Write(builder, Key[i].Value);
                }
                builder.Append('}');
                break;
            case PathElementKind.Value:
                builder.Append("v:");
                GoJson.Write(builder, Value);
                break;
            default:
                builder.Append("i:").Append(Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
        return builder.ToString();
    }

    /// <summary>Parses a <c>fieldsV1</c> key; throws <see cref="FormatException"/> on anything else.</summary>
    public static PathElement Parse(string text)
    {
        if (text.Length < 2 || text[1] != ':')
        {
            throw new FormatException($"invalid fieldsV1 key {GoJson.Quote(text)}");
        }
        var body = text[2..];
        switch (text[0])
        {
            case 'f':
                return Field(body);
            case 'v':
                return SetValue(ParseJson(text, body));
            case 'i':
                return int.TryParse(body, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    ? AtIndex(index)
                    : throw new FormatException($"invalid fieldsV1 index key {GoJson.Quote(text)}");
            case 'k':
                return ParseJson(text, body) is JsonObject fields
                    ? Keyed(fields.Select(p => new KeyField(p.Key, p.Value)))
                    : throw new FormatException($"invalid fieldsV1 key {GoJson.Quote(text)}: keys must be a JSON object");
            default:
                throw new FormatException($"invalid fieldsV1 key {GoJson.Quote(text)}: unknown prefix");
        }
    }

    private static JsonNode? ParseJson(string text, string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"invalid fieldsV1 key {GoJson.Quote(text)}: {e.Message}", e);
        }
    }
}
