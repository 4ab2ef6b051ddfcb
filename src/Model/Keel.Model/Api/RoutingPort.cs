using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>A named port that templates can reference by name.</summary>
public sealed partial class RoutingPort
{
    /// <summary>The name templates use to look the port up (<c>getPort NAME</c>).</summary>
    [MinLength(1)]
    public required string Name { get; set; }

    /// <summary>The port number.</summary>
    [Minimum(1)]
    public required int Port { get; set; }
}
