using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>A reference to a BaseConfig preset.</summary>
[StructType(MapTopology.Atomic)]
public sealed partial class BaseConfigReference
{
    /// <summary>Name of the BaseConfig.</summary>
    [MinLength(1)]
    [MaxLength(253)]
    public required string Name { get; set; }

    /// <summary>
    /// Namespace of the BaseConfig; defaults to the ModelService's. A preset in another namespace is used only
    /// when that namespace is one of the operator's preset namespaces.
    /// </summary>
    [MinLength(1)]
    [MaxLength(63)]
    [Pattern(Patterns.DnsLabel)]
    public string? Namespace { get; set; }
}
