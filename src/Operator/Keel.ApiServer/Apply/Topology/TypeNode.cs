using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Json;

namespace Keel.ApiServer.Apply.Topology;

/// <summary>How the items of a list relate: replaced as a whole, a set of scalars, or keyed items.</summary>
internal enum ListType
{
    Atomic,
    Set,
    Map,
}

/// <summary>How a JSON value is treated at one schema position.</summary>
internal enum ValueShape
{
    Scalar,
    List,
    Map,

    /// <summary>The value's shape is not one the schema allows here (an invalid object).</summary>
    Mismatch,
}

/// <summary>
/// The merge topology of one schema position, modelled on structured-merge-diff's "atom": a position
/// may accept a scalar, a list and/or a map (untyped positions accept all three and the value decides).
/// Nodes form a graph (recursive schemas, the deduced type refers to itself); they are built once by
/// <see cref="SchemaTopologyParser"/> and never change afterwards.
/// </summary>
internal sealed class TypeNode
{
    public TypeNode(string description) => Description = description;

    /// <summary>Where the node came from, for error messages.</summary>
    public string Description { get; }

    public bool Scalar { get; internal set; }

    public ListShape? List { get; internal set; }

    public MapShape? Map { get; internal set; }

    /// <summary>Strategic merge patch strategy declared where this node is used (x-kubernetes-patch-strategy).</summary>
    public string? PatchStrategy { get; internal set; }

    /// <summary>Strategic merge patch merge key declared where this node is used (x-kubernetes-patch-merge-key).</summary>
    public string? PatchMergeKey { get; internal set; }

    /// <summary>Picks how to treat <paramref name="value"/> here (structured-merge-diff's deduceAtom + handleAtom order).</summary>
    public ValueShape ShapeOf(JsonNode? value) => JsonValues.KindOf(value) switch
    {
        JsonKind.Object => Map is not null ? ValueShape.Map : ValueShape.Mismatch,
        JsonKind.Array => List is not null ? ValueShape.List : ValueShape.Mismatch,
        JsonKind.Null => Map is not null ? ValueShape.Map : Scalar ? ValueShape.Scalar : List is not null ? ValueShape.List : ValueShape.Mismatch,
        _ => Scalar ? ValueShape.Scalar : ValueShape.Mismatch,
    };

    public override string ToString() => Description;
}

/// <summary>A list position: its relationship, key fields and item type.</summary>
internal sealed class ListShape
{
    public ListShape(ListType type, IReadOnlyList<string> keys, TypeNode element)
    {
        Type = type;
        Keys = keys;
        Element = element;
    }

    public ListType Type { get; }

    /// <summary>The x-kubernetes-list-map-keys, in declaration order.</summary>
    public IReadOnlyList<string> Keys { get; }

    public TypeNode Element { get; }

    public bool IsAtomic => Type == ListType.Atomic;
}

/// <summary>A map or struct position: declared fields, the type of undeclared keys, and granularity.</summary>
internal sealed class MapShape
{
    public MapShape(IReadOnlyDictionary<string, StructField> fields, TypeNode? elementType, bool atomic)
    {
        Fields = fields;
        ElementType = elementType;
        Atomic = atomic;
    }

    public IReadOnlyDictionary<string, StructField> Fields { get; }

    /// <summary>The type of keys that are not declared fields; null when undeclared keys are not allowed.</summary>
    public TypeNode? ElementType { get; }

    public bool Atomic { get; }

    public bool Declares(string name) => Fields.ContainsKey(name);

    /// <summary>The type of the value under <paramref name="name"/>, or null when the schema does not allow it.</summary>
    public TypeNode? TypeOf(string name) => Fields.TryGetValue(name, out var field) ? field.Type : ElementType;
}

/// <summary>A declared field of a struct, with its schema default (used for list keys that are omitted).</summary>
internal sealed record StructField(string Name, TypeNode Type, JsonNode? Default);
