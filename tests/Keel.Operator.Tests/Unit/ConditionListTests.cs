using k8s.Models;
using Keel.Operator.Status;

namespace Keel.Operator.Tests.Unit;

public sealed class ConditionListTests
{
    private static readonly DateTime Then = new(2026, 1, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 1, 2, 12, 30, 45, 987, DateTimeKind.Utc);

    [Fact]
    public void A_condition_keeps_its_transition_time_while_its_status_holds_even_when_reason_and_message_change()
    {
        var previous = new[] { new V1Condition { Type = "Ready", Status = "False", Reason = "Progressing", Message = "0/1", LastTransitionTime = Then } };
        var list = new ConditionList(previous, generation: 3, Now);
        var c = list.Set("Ready", false, "Progressing", "1/2");
        Assert.Equal((Then, 3L), (c.LastTransitionTime, c.ObservedGeneration!.Value));
    }

    [Fact]
    public void A_status_change_stamps_now_in_whole_seconds_and_a_source_time_when_given()
    {
        var previous = new[] { new V1Condition { Type = "Ready", Status = "False", LastTransitionTime = Then } };
        var list = new ConditionList(previous, 1, Now);
        Assert.Equal(new DateTime(2026, 1, 2, 12, 30, 45, DateTimeKind.Utc), list.Set("Ready", true, "Ready", "ok").LastTransitionTime);
        var mirrored = list.Set("DecodeAvailable", "True", "MinimumReplicasAvailable", "m", transitionedAt: Then);
        Assert.Equal(Then, mirrored.LastTransitionTime);
    }

    [Fact]
    public void Setting_a_type_again_replaces_it_in_place_so_the_order_is_stable()
    {
        var list = new ConditionList(null, 1, Now);
        list.Set("Ready", "Unknown", "Progressing", "");
        list.Set("Rendered", true, "Rendered", "");
        list.Set("Ready", true, "Ready", "done");
        Assert.Equal(["Ready", "Rendered"], list.Items.Select(c => c.Type));
        Assert.Equal("done", list.Get("Ready")!.Message);
        Assert.Equal("Unspecified", list.Set("X", true, "", "").Reason);
    }
}
