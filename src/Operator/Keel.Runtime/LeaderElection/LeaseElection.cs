using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Keel.Runtime.Client;
using Keel.Runtime.Metrics;
using Keel.Runtime.Rbac;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Runtime.LeaderElection;

/// <summary>
/// Campaigns for a Lease with KubernetesClient's <see cref="LeaderElector"/> and <see cref="LeaseLock"/>, runs a
/// leading function while this instance holds it, and releases it on shutdown. The leading function gets a token
/// that fires when leadership is lost or the manager stops; the lease keeps being renewed until the function has
/// returned, so in-flight work finishes under a valid lease.
/// </summary>
public sealed class LeaseElection
{
    private readonly IKubernetes _client;
    private readonly ILogger _logger;
    private readonly RuntimeMetrics? _metrics;
    private volatile bool _isLeader;
    private volatile string? _leader;

    public LeaseElection(IKubernetes client, LeaderElectionOptions options, RuntimeMetrics? metrics = null, ILogger? logger = null, PermissionSet? permissions = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Identity = options.Identity ?? $"{Environment.MachineName}_{Guid.NewGuid():N}";
        Namespace = options.LeaseNamespace ?? PodNamespace() ?? "default";
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
        _metrics?.LeaderStatus.WithLabels(Options.LeaseName).Set(0);

        // LeaseLock reads, creates and replaces the one Lease; a create cannot be limited by name (it has none yet).
        var reason = $"leader election on the Lease {Options.LeaseName}";
        permissions?.Require("coordination.k8s.io", "leases", [KubeVerbs.Create], reason, PermissionScope.OperatorNamespace);
        permissions?.Require("coordination.k8s.io", "leases", [KubeVerbs.Get, KubeVerbs.Update], reason, PermissionScope.OperatorNamespace, [Options.LeaseName]);
    }

    public LeaderElectionOptions Options { get; }

    public string Identity { get; }

    public string Namespace { get; }

    public bool IsLeader => _isLeader;

    /// <summary>The holder this instance last observed.</summary>
    public string? CurrentLeader => _leader;

    /// <summary>Raised when this instance starts leading.</summary>
    public event Action? Started;

    /// <summary>Raised when this instance stops leading (lost, or released on shutdown).</summary>
    public event Action? Stopped;

    /// <summary>Raised when a different holder is observed.</summary>
    public event Action<string>? NewLeader;

    /// <summary>
    /// Campaigns until <paramref name="cancellationToken"/> fires. Returns normally on shutdown; throws
    /// <see cref="LeadershipLostException"/> when leadership was lost and <see cref="LeaderElectionOptions.OnLost"/> is Exit.
    /// </summary>
    public async Task RunAsync(Func<CancellationToken, Task> lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        while (!cancellationToken.IsCancellationRequested)
        {
            var lost = await CampaignOnceAsync(lead, cancellationToken).ConfigureAwait(false);
            if (lost && Options.OnLost == LeadershipLostBehavior.Exit)
            {
                throw new LeadershipLostException($"Lost the lease {Namespace}/{Options.LeaseName}.");
            }
        }
    }

    /// <summary>One term: acquire, lead until lost or cancelled. Returns true when leadership was lost (not cancelled).</summary>
    private async Task<bool> CampaignOnceAsync(Func<CancellationToken, Task> lead, CancellationToken cancellationToken)
    {
        var leaseLock = new LeaseLock(_client, Namespace, Options.LeaseName, Identity);
        using var elector = new LeaderElector(new LeaderElectionConfig(leaseLock)
        {
            LeaseDuration = Options.LeaseDuration,
            RenewDeadline = Options.RenewDeadline,
            RetryPeriod = Options.RetryPeriod,
        });
        using var electionCts = new CancellationTokenSource();
        using var leadCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var acquired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        elector.OnStartedLeading += () => acquired.TrySetResult();
        elector.OnStoppedLeading += () => leadCts.Cancel();
        elector.OnNewLeader += leader =>
        {
            _leader = leader;
            _logger.LogInformation("Lease {Namespace}/{Lease} is held by {Leader}", Namespace, Options.LeaseName, leader);
            NewLeader?.Invoke(leader);
        };
        elector.OnError += e => _logger.LogDebug("Leader election: {Error}", ApiErrors.Describe(e));

        var election = elector.RunUntilLeadershipLostAsync(electionCts.Token);
        var shutdown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task first;
        using (cancellationToken.Register(() => shutdown.TrySetResult()))
        {
            first = await Task.WhenAny(acquired.Task, election, shutdown.Task).ConfigureAwait(false);
        }

        if (first != acquired.Task)
        {
            await electionCts.CancelAsync().ConfigureAwait(false);
            await Quietly(election).ConfigureAwait(false);
            return false;
        }

        _isLeader = true;
        _metrics?.LeaderStatus.WithLabels(Options.LeaseName).Set(1);
        _logger.LogInformation("Became leader of {Namespace}/{Lease} as {Identity}", Namespace, Options.LeaseName, Identity);
        Started?.Invoke();
        try
        {
            await lead(leadCts.Token).ConfigureAwait(false);
        }
        finally
        {
            var lost = !cancellationToken.IsCancellationRequested;
            await electionCts.CancelAsync().ConfigureAwait(false);
            await Quietly(election).ConfigureAwait(false);
            if (!lost && Options.ReleaseOnCancel)
            {
                await ReleaseAsync(leaseLock).ConfigureAwait(false);
            }

            _isLeader = false;
            _metrics?.LeaderStatus.WithLabels(Options.LeaseName).Set(0);
            if (lost)
            {
                _logger.LogWarning("Lost leadership of {Namespace}/{Lease}", Namespace, Options.LeaseName);
            }

            Stopped?.Invoke();
        }

        return !cancellationToken.IsCancellationRequested;
    }

    /// <summary>Hands the lease back: empty holder, so the next candidate acquires it on its next try.</summary>
    private async Task ReleaseAsync(LeaseLock leaseLock)
    {
        using var timeout = new CancellationTokenSource(Options.RenewDeadline);
        try
        {
            var current = await leaseLock.GetAsync(timeout.Token).ConfigureAwait(false);
            if (current?.HolderIdentity != Identity)
            {
                return;
            }

            var now = DateTime.UtcNow;
            var released = await leaseLock.UpdateAsync(new LeaderElectionRecord
            {
                HolderIdentity = "",
                LeaseDurationSeconds = 1,
                AcquireTime = now,
                RenewTime = now,
                LeaderTransitions = current.LeaderTransitions,
            }, timeout.Token).ConfigureAwait(false);
            _logger.LogInformation(released ? "Released the lease {Namespace}/{Lease}" : "Could not release the lease {Namespace}/{Lease}", Namespace, Options.LeaseName);
        }
#pragma warning disable CA1031 // Releasing is a courtesy; the lease expires anyway.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogWarning("Could not release the lease {Namespace}/{Lease}: {Error}", Namespace, Options.LeaseName, ApiErrors.Describe(e));
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The elector ends by cancellation or by a lost renewal; both are expected here.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static string? PodNamespace()
    {
        const string path = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}

/// <summary>Leadership was lost and the configured behavior is to exit.</summary>
public sealed class LeadershipLostException(string message) : Exception(message);
