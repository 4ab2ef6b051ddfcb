using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Rendering;
using Keel.Operator.Children;
using Keel.Operator.Status;
using Keel.Runtime.Events;

namespace Keel.Operator;

/// <summary>
/// The Kubernetes Events the operator records on a ModelService (what <c>kubectl describe msvc</c> shows): a Normal
/// event per child created, changed or deleted, and a Warning when something goes wrong — once per transition, never
/// on a reconcile that changes nothing, so a resync writes no Events.
/// </summary>
public static class OperatorEvents
{
    public const string Created = "Created";
    public const string Updated = "Updated";
    public const string Deleted = "Deleted";
    public const string ApplyFailed = StatusBuilder.ReasonApplyFailed;
    public const string ApiNotInstalled = RoutingReadiness.ReasonApiNotInstalled;
    public const string Ready = StatusBuilder.ReasonReady;
    public const string RenderedWithWarnings = RenderConditions.ReasonRenderedWithWarnings;

    public static void Record(IEventRecorder events, ModelService modelService, IList<V1Condition>? before, IList<V1Condition> after, ChildSyncResult? sync)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(modelService);
        ArgumentNullException.ThrowIfNull(after);
        if (sync is not null)
        {
            // One Event per kind of change and reconcile (not one per child): readable in kubectl describe, and never
            // folded into "(combined from similar events)".
            if (sync.Created.Count > 0)
            {
                events.Normal(modelService, Created, "Created " + List(sync.Created.Select(s => $"{s.Child.Kind} {s.Child.Name}")));
            }

            if (sync.Updated.Count > 0)
            {
                events.Normal(modelService, Updated, "Updated " + List(sync.Updated.Select(u => $"{u.State.Child.Kind} {u.State.Child.Name}" + (u.Reason is null ? string.Empty : $" ({u.Reason})"))));
            }

            if (sync.Deleted.Count > 0)
            {
                events.Normal(modelService, Deleted, "Deleted " + List(sync.Deleted.Select(d => $"{d.Kind.Resource.Kind} {d.Key.Name}")) + ": no longer desired");
            }

            foreach (var failure in sync.Failures)
            {
                events.Warning(modelService, ApplyFailed, failure.Message);
            }
        }

        V1Condition? Old(string type) => before?.FirstOrDefault(c => c.Type == type);
        V1Condition? New(string type) => after.FirstOrDefault(c => c.Type == type);
        bool Changed(V1Condition now) => Old(now.Type) is not { } old || old.Status != now.Status || old.Reason != now.Reason || old.Message != now.Message;

        foreach (var type in new[] { ModelServiceConditions.PresetsResolved, ModelServiceConditions.Rendered })
        {
            if (New(type) is { Status: ConditionList.False } failed && Changed(failed) && failed.Reason != RenderConditions.ReasonNotRendered)
            {
                events.Warning(modelService, failed.Reason, failed.Message);
            }
        }

        if (New(ModelServiceConditions.Rendered) is { Status: ConditionList.True, Reason: RenderConditions.ReasonRenderedWithWarnings } warned && Changed(warned))
        {
            events.Warning(modelService, RenderedWithWarnings, warned.Message);
        }

        if (New(ModelServiceConditions.ModelNameConflict) is { Status: ConditionList.True } conflict && Old(conflict.Type)?.Status != ConditionList.True)
        {
            events.Warning(modelService, ModelServiceConditions.ModelNameConflict, conflict.Message);
        }

        if (New(ModelServiceConditions.DeprecatedPreset) is { Status: ConditionList.True } deprecated && Old(deprecated.Type)?.Status != ConditionList.True)
        {
            events.Warning(modelService, ModelServiceConditions.DeprecatedPreset, deprecated.Message);
        }

        if (New(ModelServiceConditions.RoutingReady) is { Reason: ApiNotInstalled } missing && Changed(missing))
        {
            events.Warning(modelService, ApiNotInstalled, missing.Message);
        }

        if (New(ModelServiceConditions.Ready) is { Status: ConditionList.True } ready && Old(ready.Type)?.Status != ConditionList.True)
        {
            events.Normal(modelService, Ready, ready.Message);
        }
    }

    private static string List(IEnumerable<string> items) => string.Join(", ", items);
}
