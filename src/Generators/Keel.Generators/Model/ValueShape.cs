namespace Keel.Generators.Model;

/// <summary>What a C# type means in JSON.</summary>
internal enum ValueKind
{
    String,
    Boolean,
    Integer,
    Number,
    Enum,
    IntOrString,
    Quantity,
    FreeForm,
    Object,
    List,
    Map,
    Unsupported,
}

/// <summary>How a collection is declared, which decides how merge results are converted back.</summary>
internal enum CollectionKind
{
    None,

    /// <summary>Assignable from <c>List&lt;T&gt;</c> (IList, List, ICollection, IReadOnlyList, IEnumerable...).</summary>
    ListCompatible,

    /// <summary><c>T[]</c>.</summary>
    Array,

    /// <summary>Assignable from <c>Dictionary&lt;string, V&gt;</c>.</summary>
    DictionaryCompatible,
}

/// <summary>Free-form JSON types.</summary>
internal enum FreeFormKind
{
    None,
    JsonNode,
    JsonObject,
    JsonArray,
    JsonValue,
    JsonElement,
    Object,
}

/// <summary>Scalars that are reference types but mutable, so merge results copy them.</summary>
internal enum ScalarCopy
{
    None,
    Bytes,
}

/// <summary>
/// The JSON meaning of a property's C# type, recursively for list items and map values.
/// </summary>
/// <param name="Kind">What the value is in JSON.</param>
/// <param name="TypeName">The C# type, fully qualified (<c>global::...</c>), without nullable annotations on reference types.</param>
/// <param name="Format">The OpenAPI format (<c>int32</c>, <c>int64</c>, <c>double</c>, <c>date-time</c>, <c>byte</c>).</param>
/// <param name="IsValueType">Whether the C# type is a value type (after unwrapping <c>Nullable</c>).</param>
/// <param name="IsNullableValueType">Whether the C# type is <c>Nullable&lt;T&gt;</c>.</param>
/// <param name="Collection">How a list or map is declared.</param>
/// <param name="FreeForm">Which free-form JSON type.</param>
/// <param name="Element">List items or map values.</param>
/// <param name="TypeKey">For objects and enums: the metadata name of the type (the key into the type table).</param>
/// <param name="EnumValues">For enums: the JSON values.</param>
/// <param name="Copy">How a mutable reference scalar is copied.</param>
/// <param name="UnsupportedReason">Why the type is unsupported.</param>
internal sealed record ValueShape(
    ValueKind Kind,
    string TypeName,
    string? Format,
    bool IsValueType,
    bool IsNullableValueType,
    CollectionKind Collection,
    FreeFormKind FreeForm,
    ValueShape? Element,
    string? TypeKey,
    EquatableArray<string> EnumValues,
    ScalarCopy Copy,
    string? UnsupportedReason)
{
    public bool IsScalar => Kind is ValueKind.String or ValueKind.Boolean or ValueKind.Integer or ValueKind.Number or ValueKind.Enum or ValueKind.IntOrString or ValueKind.Quantity;

    /// <summary>A non-nullable value type: the merge cannot tell an explicit default from unset.</summary>
    public bool CannotBeUnset => IsValueType && !IsNullableValueType;

    public static ValueShape Simple(ValueKind kind, string typeName, string? format = null, bool isValueType = false, bool isNullable = false) =>
        new(kind, typeName, format, isValueType, isNullable, CollectionKind.None, FreeFormKind.None, null, null, EquatableArray<string>.Empty, ScalarCopy.None, null);

    public static ValueShape Unsupported(string typeName, string reason) =>
        new(ValueKind.Unsupported, typeName, null, false, false, CollectionKind.None, FreeFormKind.None, null, null, EquatableArray<string>.Empty, ScalarCopy.None, reason);
}
