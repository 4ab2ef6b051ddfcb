using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>How requests reach the model.</summary>
public sealed partial class Routing
{
    /// <summary>
    /// The model name clients put in the OpenAI <c>model</c> field. It should be unique among the ModelServices
    /// that share an InferencePool: when two claim it, the older keeps it. Immutable.
    /// </summary>
    [MaxLength(256)]
    [Immutable(Message = "modelName is immutable")]
    public required string ModelName { get; set; }

    /// <summary>
    /// Named ports, referenced from templates by name (<c>{{ "http" | getPort }}</c>). Names are unique.
    /// </summary>
    [ListType(ListTopology.Map)]
    [ListMapKey("name")]
    public IList<RoutingPort>? Ports { get; set; }

    /// <summary>
    /// Gateways the HTTPRoute attaches to, merged into the preset route's parentRefs
    /// (Gateway API ParentReference; up to 32).
    /// </summary>
    [MaxItems(32)]
    [ListType(ListTopology.Atomic)]
    public IList<GatewayReference>? GatewayRefs { get; set; }
}
