using System;

namespace Keel.Annotations;

/// <summary>How a list merges under server-side apply (<c>x-kubernetes-list-type</c>).</summary>
public enum ListTopology
{
    /// <summary>The list is one value: the whole list is replaced.</summary>
    Atomic,

    /// <summary>Items are unique scalars, merged as a set.</summary>
    Set,

    /// <summary>Items are objects identified by the <see cref="ListMapKeyAttribute"/> fields.</summary>
    Map,
}

/// <summary>How a map or struct merges under server-side apply (<c>x-kubernetes-map-type</c>).</summary>
public enum MapTopology
{
    Granular,
    Atomic,
}

/// <summary>List topology of a list property (<c>+listType</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class ListTypeAttribute : Attribute
{
    public ListTypeAttribute(ListTopology topology) => Topology = topology;

    public ListTopology Topology { get; }
}

/// <summary>A key field of a map list (<c>+listMapKey</c>); repeat for compound keys, in order.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = true, Inherited = false)]
public sealed class ListMapKeyAttribute : Attribute
{
    public ListMapKeyAttribute(string jsonName) => JsonName = jsonName;

    /// <summary>The JSON name of the key field of the item type.</summary>
    public string JsonName { get; }
}

/// <summary>Topology of a dictionary property (<c>+mapType</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class MapTypeAttribute : Attribute
{
    public MapTypeAttribute(MapTopology topology) => Topology = topology;

    public MapTopology Topology { get; }
}

/// <summary>Topology of an object-typed property or of every use of a class (<c>+structType</c>).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Class, Inherited = false)]
public sealed class StructTypeAttribute : Attribute
{
    public StructTypeAttribute(MapTopology topology) => Topology = topology;

    public MapTopology Topology { get; }
}
