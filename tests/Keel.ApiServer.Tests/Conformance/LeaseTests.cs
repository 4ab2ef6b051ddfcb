using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

/// <summary>KubernetesClient's own leader election (which the runtime uses) works against the server's Lease semantics.</summary>
public sealed class LeaseTests
{
    private static LeaderElector Elector(Kubernetes client, string identity) =>
        new(new LeaderElectionConfig(new LeaseLock(client, "default", "operator-lock", identity))
        {
            LeaseDuration = TimeSpan.FromSeconds(2),
            RenewDeadline = TimeSpan.FromSeconds(1),
            RetryPeriod = TimeSpan.FromMilliseconds(100),
        });

    [Fact]
    public async Task One_of_two_candidates_leads_and_the_other_takes_over_when_it_stops()
    {
        await using var h = await ApiServerHarness.StartAsync();
        using var first = Elector(h.Client, "first");
        using var second = Elector(h.Client, "second");
        var firstLeads = new TaskCompletionSource();
        var secondLeads = new TaskCompletionSource();
        first.OnStartedLeading += () => firstLeads.TrySetResult();
        second.OnStartedLeading += () => secondLeads.TrySetResult();

        using var stopFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();
        var runFirst = first.RunUntilLeadershipLostAsync(stopFirst.Token);
        await firstLeads.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var runSecond = second.RunAndTryToHoldLeadershipForeverAsync(stopSecond.Token);

        var lease = await h.Client.CoordinationV1.ReadNamespacedLeaseAsync("operator-lock", "default");
        Assert.Equal("first", lease.Spec.HolderIdentity);
        Assert.False(secondLeads.Task.IsCompleted);

        await stopFirst.CancelAsync();
        await secondLeads.Task.WaitAsync(TimeSpan.FromSeconds(20));
        lease = await h.Client.CoordinationV1.ReadNamespacedLeaseAsync("operator-lock", "default");
        Assert.Equal("second", lease.Spec.HolderIdentity);
        await stopSecond.CancelAsync();
        await Task.WhenAll(runFirst, runSecond).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
