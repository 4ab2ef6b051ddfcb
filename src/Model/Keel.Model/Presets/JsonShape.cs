using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using k8s.Models;
using Keel.Model.Serialization;

namespace Keel.Model.Presets;

/// <summary>What a JSON position holds for the type that reads it.</summary>
internal enum JsonShapeKind
{
    /// <summary>An object with known properties (everything else is unknown).</summary>
    Object,

    /// <summary>A list of one element type.</summary>
    List,

    /// <summary>A string-keyed map of one value type.</summary>
    Map,

    /// <summary>A single value (string, number, boolean, int-or-string, quantity, time).</summary>
    Scalar,

    /// <summary>Any JSON (JsonNode, JsonElement): nothing is unknown.</summary>
    FreeForm,
}

/// <summary>The JSON type a scalar position wants.</summary>
internal enum ScalarKind
{
    String,
    Integer,
    Number,
    Boolean,
    IntOrString,
    Other,
}

/// <summary>
/// The JSON shape of a .NET type as <see cref="KeelJson"/> reads it, taken from the source-generated
/// System.Text.Json metadata: exactly the property names the deserializer understands (so "unknown field" means
/// "would be dropped"), and the scalar type of each leaf (so a rendered template can become an integer where an
/// integer is wanted). Built once per type and cached; thread-safe.
/// </summary>
internal sealed class JsonShape
{
    private static readonly ConcurrentDictionary<Type, JsonShape> Cache = new();

    private readonly Dictionary<string, Type>? properties;

    private JsonShape(Type type, JsonShapeKind kind, ScalarKind scalar, Dictionary<string, Type>? properties, Type? element)
    {
        Type = type;
        Kind = kind;
        Scalar = scalar;
        this.properties = properties;
        ElementType = element;
    }

    public Type Type { get; }

    public JsonShapeKind Kind { get; }

    public ScalarKind Scalar { get; }

    /// <summary>The item type of a list, the value type of a map.</summary>
    public Type? ElementType { get; }

    public static JsonShape Of(Type type) => Cache.GetOrAdd(type, Create);

    /// <summary>The .NET type of the property with JSON name <paramref name="name"/>, or null when the type has none.</summary>
    public Type? Property(string name) => properties is not null && properties.TryGetValue(name, out var type) ? type : null;

    private static JsonShape Create(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(JsonNode).IsAssignableFrom(underlying) || underlying == typeof(JsonElement) || underlying == typeof(object))
        {
            return new JsonShape(type, JsonShapeKind.FreeForm, ScalarKind.Other, null, null);
        }

        if (ScalarOf(underlying) is { } scalar)
        {
            return new JsonShape(type, JsonShapeKind.Scalar, scalar, null, null);
        }

        JsonTypeInfo info;
        try
        {
            info = KeelJson.TypeInfo(underlying);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // A type no context knows: nothing can be said about it, so nothing is reported unknown.
            return new JsonShape(type, JsonShapeKind.FreeForm, ScalarKind.Other, null, null);
        }

        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                var props = new Dictionary<string, Type>(StringComparer.Ordinal);
                foreach (var property in info.Properties)
                {
                    if (!property.IsExtensionData)
                    {
                        props[property.Name] = property.PropertyType;
                    }
                }

                return new JsonShape(type, JsonShapeKind.Object, ScalarKind.Other, props, null);
            case JsonTypeInfoKind.Enumerable:
                return new JsonShape(type, JsonShapeKind.List, ScalarKind.Other, null, info.ElementType);
            case JsonTypeInfoKind.Dictionary:
                return new JsonShape(type, JsonShapeKind.Map, ScalarKind.Other, null, info.ElementType);
            default:
                return new JsonShape(type, JsonShapeKind.Scalar, ScalarKind.Other, null, null);
        }
    }

    private static ScalarKind? ScalarOf(Type type)
    {
        if (type == typeof(string))
        {
            return ScalarKind.String;
        }

        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte)
            || type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte))
        {
            return ScalarKind.Integer;
        }

        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal))
        {
            return ScalarKind.Number;
        }

        if (type == typeof(bool))
        {
            return ScalarKind.Boolean;
        }

        if (type == typeof(IntOrString))
        {
            return ScalarKind.IntOrString;
        }

        if (type == typeof(ResourceQuantity) || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type.IsEnum)
        {
            return ScalarKind.Other;
        }

        return null;
    }
}
