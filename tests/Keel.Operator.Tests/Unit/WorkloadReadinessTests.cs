using k8s.Models;
using Keel.Operator.Status;

namespace Keel.Operator.Tests.Unit;

public sealed class WorkloadReadinessTests
{
    private static V1Deployment Deployment(int replicas, long generation, long observed, int updated, int ready, int available, int total) => new()
    {
        Metadata = new V1ObjectMeta { Generation = generation },
        Spec = new V1DeploymentSpec { Replicas = replicas },
        Status = new V1DeploymentStatus { ObservedGeneration = observed, UpdatedReplicas = updated, ReadyReplicas = ready, AvailableReplicas = available, Replicas = total },
    };

    [Theory]
    [InlineData(2, 2, 1, 2, 2, 2, 2, "decode: waiting for the Deployment controller to observe the new spec")]
    [InlineData(2, 1, 1, 1, 1, 1, 1, "decode: 1 of 2 replicas updated")]
    [InlineData(2, 1, 1, 2, 2, 2, 3, "decode: 1 old replicas pending termination")]
    [InlineData(2, 1, 1, 2, 1, 1, 2, "decode: 1 of 2 updated replicas available")]
    [InlineData(2, 1, 1, 2, 2, 2, 2, null)]
    [InlineData(0, 1, 1, 0, 0, 0, 0, null)]
    public void Rollout_progress_reads_like_kubectl_rollout_status(int replicas, long generation, long observed, int updated, int ready, int available, int total, string? waiting)
    {
        var workload = new WorkloadReadiness("Decode", "decode", Deployment(replicas, generation, observed, updated, ready, available, total));
        Assert.Equal(waiting, workload.Waiting);
        Assert.Equal(waiting is null, workload.IsReady);
    }

    [Fact]
    public void The_ready_string_is_ready_replicas_over_spec_replicas_and_nothing_when_the_deployment_is_absent()
    {
        var live = new WorkloadReadiness("Decode", "decode", Deployment(3, 1, 1, 3, 1, 2, 3));
        Assert.Equal(("1/3", 2), (live.ReadyText, live.AvailableCount!.Value));
        var fresh = new WorkloadReadiness("Decode", "decode", new V1Deployment { Metadata = new V1ObjectMeta(), Spec = new V1DeploymentSpec() });
        Assert.Equal(("0/1", 0), (fresh.ReadyText, fresh.AvailableCount!.Value));
        var absent = new WorkloadReadiness("Decode", "decode", null);
        Assert.Equal((null, null, false), (absent.ReadyText, absent.AvailableCount, absent.IsReady));
        Assert.Equal("the decode Deployment does not exist yet", absent.Waiting);
    }
}
