using Keel.Runtime.Cache;
using Keel.Runtime.LeaderElection;

namespace Keel.Runtime.Hosting;

/// <summary>Settings of a <see cref="ControllerManager"/> (controller-runtime's <c>manager.Options</c>).</summary>
public sealed record ManagerOptions
{
    /// <summary>Names the operator in logs and as the Events' reporting component.</summary>
    public string Name { get; init; } = "keel-operator";

    /// <summary>The one field manager every server-side apply uses.</summary>
    public string FieldManager { get; init; } = "keel-operator";

    public CacheOptions Cache { get; init; } = new();

    public LeaderElectionOptions LeaderElection { get; init; } = new();

    /// <summary>Where <c>/metrics</c> is served (<c>":8080"</c>, <c>"127.0.0.1:0"</c>); <c>"0"</c> disables it.</summary>
    public string MetricsBindAddress { get; init; } = ":8080";

    /// <summary>Where <c>/healthz</c> and <c>/readyz</c> are served; <c>"0"</c> disables them. May equal the metrics address.</summary>
    public string HealthProbeBindAddress { get; init; } = ":8081";

    /// <summary>On shutdown, in-flight reconciles get this long to finish before they are cancelled.</summary>
    public TimeSpan GracefulShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
