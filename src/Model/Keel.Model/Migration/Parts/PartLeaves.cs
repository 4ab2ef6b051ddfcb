using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.Model.Presets;

namespace Keel.Model.Migration.Parts;

/// <summary>What a position of a part wants, as the typed reader sees it.</summary>
internal enum FieldKind
{
    String,
    Integer,
    Number,
    Boolean,
    IntOrString,

    /// <summary>A quantity, a time, an enumeration: a string the typed reader parses further.</summary>
    Other,

    /// <summary>Any JSON: the render reads a template's output like an unquoted YAML scalar.</summary>
    FreeForm,

    /// <summary>A string where the type wants an object or a list: the typed reader rejects it.</summary>
    Mismatch,
}

/// <summary>
/// Walks the string leaves of a part's JSON with the kind of field each stands in, using the same type metadata
/// (<see cref="JsonShape"/>) the render uses to convert a template's output, so both agree on what a position wants.
/// </summary>
internal static class PartLeaves
{
    /// <summary>
    /// Calls <paramref name="visit"/> for every string leaf under <paramref name="node"/> (read as <paramref name="type"/>);
    /// the leaf is replaced by what it returns (the same value to keep it). Returns the root, replaced when it is a leaf.
    /// </summary>
    public static JsonNode? Visit(JsonNode? node, Type type, Func<JsonValue, FieldKind, string, JsonNode?> visit, string path = "$") =>
        Walk(node, JsonShape.Of(type), visit, path);

    /// <summary>Calls <paramref name="visit"/> for every string leaf, changing nothing.</summary>
    public static void Inspect(JsonNode? node, Type type, Action<JsonValue, FieldKind, string> visit) =>
        Visit(node, type, (value, kind, path) =>
        {
            visit(value, kind, path);
            return value;
        });

    public static string Describe(FieldKind kind) => kind switch
    {
        FieldKind.String => "a string",
        FieldKind.Integer => "an integer",
        FieldKind.Number => "a number",
        FieldKind.Boolean => "true or false",
        FieldKind.IntOrString => "an integer or a name",
        FieldKind.FreeForm => "any value",
        FieldKind.Mismatch => "an object or a list",
        _ => "a formatted string",
    };

    private static JsonNode? Walk(JsonNode? node, JsonShape shape, Func<JsonValue, FieldKind, string, JsonNode?> visit, string path)
    {
        switch (node)
        {
            case JsonObject obj when shape.Kind == JsonShapeKind.Object:
                foreach (var (name, value) in obj.ToList())
                {
                    if (shape.Property(name) is { } propertyType)
                    {
                        Set(obj, name, value, Walk(value, JsonShape.Of(propertyType), visit, PartLocation.Property(path, name)));
                    }
                }

                break;
            case JsonObject map when shape.Kind == JsonShapeKind.Map && shape.ElementType is { } valueType:
                var valueShape = JsonShape.Of(valueType);
                foreach (var (name, value) in map.ToList())
                {
                    Set(map, name, value, Walk(value, valueShape, visit, PartLocation.Property(path, name)));
                }

                break;
            case JsonArray array when shape.Kind == JsonShapeKind.List && shape.ElementType is { } itemType:
                var itemShape = JsonShape.Of(itemType);
                for (var i = 0; i < array.Count; i++)
                {
                    Set(array, i, Walk(array[i], itemShape, visit, PartLocation.Index(path, i)));
                }

                break;
            case JsonObject or JsonArray when shape.Kind == JsonShapeKind.FreeForm:
                return FreeForm(node, visit, path);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return visit(value, KindOf(shape), path);
        }

        return node;
    }

    private static JsonNode? FreeForm(JsonNode? node, Func<JsonValue, FieldKind, string, JsonNode?> visit, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    Set(obj, name, value, FreeForm(value, visit, PartLocation.Property(path, name)));
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Set(array, i, FreeForm(array[i], visit, PartLocation.Index(path, i)));
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return visit(value, FieldKind.FreeForm, path);
        }

        return node;
    }

    private static void Set(JsonObject obj, string name, JsonNode? before, JsonNode? after)
    {
        if (!ReferenceEquals(before, after))
        {
            obj[name] = after;
        }
    }

    private static void Set(JsonArray array, int index, JsonNode? after)
    {
        if (!ReferenceEquals(array[index], after))
        {
            array[index] = after;
        }
    }

    private static FieldKind KindOf(JsonShape shape) => shape.Kind switch
    {
        JsonShapeKind.FreeForm => FieldKind.FreeForm,
        JsonShapeKind.Scalar => shape.Scalar switch
        {
            ScalarKind.String => FieldKind.String,
            ScalarKind.Integer => FieldKind.Integer,
            ScalarKind.Number => FieldKind.Number,
            ScalarKind.Boolean => FieldKind.Boolean,
            ScalarKind.IntOrString => FieldKind.IntOrString,
            _ => FieldKind.Other,
        },
        _ => FieldKind.Mismatch,
    };
}
