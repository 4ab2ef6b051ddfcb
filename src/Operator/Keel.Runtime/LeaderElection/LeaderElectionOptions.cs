namespace Keel.Runtime.LeaderElection;

/// <summary>What happens when a leader loses its lease (renewal failed past the deadline).</summary>
public enum LeadershipLostBehavior
{
    /// <summary>
    /// Stop the controllers (cancelling in-flight reconciles), keep the caches warm and campaign again. The default:
    /// it also suits the embedded mode, where nothing would restart an exited process.
    /// </summary>
    Rejoin,

    /// <summary>Stop the controllers and end the manager with an error, as controller-runtime does (the pod restarts).</summary>
    Exit,
}

/// <summary>Leader election on a coordination.k8s.io Lease (client-go defaults: 15 s lease, 10 s renew deadline, 2 s retry).</summary>
public sealed record LeaderElectionOptions
{
    /// <summary>On by default: more than one replica may run. Turn it off for a single embedded instance or for tests.</summary>
    public bool Enabled { get; init; } = true;

    public string LeaseName { get; init; } = "keel-operator-leader";

    /// <summary>The Lease's namespace; null uses the pod's namespace (service account file) or <c>default</c>.</summary>
    public string? LeaseNamespace { get; init; }

    /// <summary>This candidate's identity; null uses the host name plus a random suffix.</summary>
    public string? Identity { get; init; }

    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RenewDeadline { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetryPeriod { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>On shutdown, hand the lease back (empty holder) so another replica takes over at once instead of after <see cref="LeaseDuration"/>.</summary>
    public bool ReleaseOnCancel { get; init; } = true;

    public LeadershipLostBehavior OnLost { get; init; } = LeadershipLostBehavior.Rejoin;
}
