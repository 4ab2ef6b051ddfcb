using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>
/// A Gateway API ParentReference: the object (usually a Gateway) an HTTPRoute attaches to.
/// Same fields, defaults and validations as <c>gateway.networking.k8s.io/v1</c> ParentReference.
/// </summary>
public sealed partial class GatewayReference
{
    /// <summary>
    /// Group of the referent. Defaults to <c>gateway.networking.k8s.io</c>; set it to the empty string
    /// for the core group (a Service parent).
    /// </summary>
    [Default("\"gateway.networking.k8s.io\"")]
    [MaxLength(253)]
    [Pattern(Patterns.GatewayGroup)]
    public string? Group { get; set; }

    /// <summary>Kind of the referent. Defaults to <c>Gateway</c>.</summary>
    [Default("\"Gateway\"")]
    [MinLength(1)]
    [MaxLength(63)]
    [Pattern(Patterns.GatewayKind)]
    public string? Kind { get; set; }

    /// <summary>Namespace of the referent; defaults to the route's namespace.</summary>
    [MinLength(1)]
    [MaxLength(63)]
    [Pattern(Patterns.DnsLabel)]
    public string? Namespace { get; set; }

    /// <summary>Name of the referent.</summary>
    [MinLength(1)]
    [MaxLength(253)]
    public required string Name { get; set; }

    /// <summary>
    /// A section of the referent: the listener name of a Gateway, the port name of a Service.
    /// Unset means the whole resource.
    /// </summary>
    [MinLength(1)]
    [MaxLength(253)]
    [Pattern(Patterns.DnsSubdomain)]
    public string? SectionName { get; set; }

    /// <summary>The network port the route targets (all listeners on that port).</summary>
    [Minimum(1)]
    [Maximum(65535)]
    public int? Port { get; set; }
}
