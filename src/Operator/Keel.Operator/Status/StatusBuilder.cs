using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Rendering;
using Keel.Operator.Children;
using Keel.Runtime.Resources;

namespace Keel.Operator.Status;

/// <summary>Everything the status of one reconcile is computed from.</summary>
public sealed record StatusInputs
{
    public required ModelService ModelService { get; init; }

    public required RenderResult Render { get; init; }

    /// <summary>The apply pass; null when the render failed and nothing was applied.</summary>
    public ChildSyncResult? Sync { get; init; }

    /// <summary>The older ModelService holding this one's model name, when there is a conflict.</summary>
    public ModelService? NameHolder { get; init; }

    public required ChildKindCatalog Kinds { get; init; }

    public required DateTime Now { get; init; }
}

/// <summary>
/// Computes a ModelService's status (spec 1.5): child references that exist, ready strings and available counts from
/// the live Deployments, the conditions (aggregate <c>Ready</c>, <c>PresetsResolved</c>, <c>Rendered</c>,
/// <c>WorkloadsReady</c>, <c>RoutingReady</c>, <c>ModelNameConflict</c>, <c>DeprecatedPreset</c> and the mirrored
/// <c>Prefill…</c>/<c>Decode…</c>/<c>Epp…</c> Deployment conditions), <c>appliedConfigs</c> and
/// <c>observedGeneration</c>. Pure: equal inputs give an equal status, so an unchanged ModelService writes nothing.
/// </summary>
public static class StatusBuilder
{
    public const string ReasonReady = "Ready";
    public const string ReasonAvailable = "Available";
    public const string ReasonProgressing = "Progressing";
    public const string ReasonNoWorkloads = "NoWorkloads";
    public const string ReasonNotRendered = "NotRendered";
    public const string ReasonApplyFailed = "ApplyFailed";
    public const string ReasonModelNameConflict = ModelServiceConditions.ModelNameConflict;

    public static ModelServiceStatus Build(StatusInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var ms = inputs.ModelService;
        var previous = ms.Status;
        var generation = ms.Metadata?.Generation;
        var status = new ModelServiceStatus { ObservedGeneration = generation };
        var conditions = new ConditionList(previous?.Conditions, generation, inputs.Now);
        conditions.Set(ModelServiceConditions.Ready, ConditionList.Unknown, ReasonProgressing, string.Empty); // first in the list; decided last
        foreach (var condition in RenderConditions.For(inputs.Render, generation).Where(c => c.Type != ModelServiceConditions.DeprecatedPreset))
        {
            conditions.Set(condition.Type, condition.Status, condition.Reason, condition.Message);
        }

        IReadOnlyList<WorkloadReadiness> workloads;
        if (!inputs.Render.Succeeded || inputs.Sync is null)
        {
            // Nothing was applied: the children stay as they were; report what still exists.
            StatusReferences.Keep(status, previous, ms.Metadata?.NamespaceProperty ?? string.Empty, inputs.Kinds);
            workloads = WorkloadsFromReferences(status, ms.Metadata?.NamespaceProperty ?? string.Empty, inputs.Kinds);
            const string left = "the children were left as they are until the problem reported in PresetsResolved or Rendered is fixed";
            conditions.Set(ModelServiceConditions.WorkloadsReady, ConditionList.Unknown, ReasonNotRendered, left);
            conditions.Set(ModelServiceConditions.RoutingReady, ConditionList.Unknown, ReasonNotRendered, left);
            status.AppliedConfigs = previous?.AppliedConfigs;
        }
        else if (inputs.NameHolder is { } holder)
        {
            workloads = [];
            var message = ConflictMessage(ms, holder);
            conditions.Set(ModelServiceConditions.WorkloadsReady, false, ReasonModelNameConflict, "not served: " + message);
            conditions.Set(ModelServiceConditions.RoutingReady, false, ReasonModelNameConflict, "not served: " + message);
            conditions.Set(ModelServiceConditions.ModelNameConflict, true, ReasonModelNameConflict, message);
        }
        else
        {
            StatusReferences.Write(status, inputs.Render.References, inputs.Sync.States);
            workloads = WorkloadsFromStates(inputs.Sync.States);
            WriteWorkloadsReady(conditions, workloads);
            RoutingReadiness.Write(conditions, inputs.Sync);
            status.AppliedConfigs = inputs.Render.AppliedConfigs.Count == 0 ? null : [.. inputs.Render.AppliedConfigs];
        }

        WriteReadyStrings(status, workloads);
        if (RenderConditions.For(inputs.Render, generation).FirstOrDefault(c => c.Type == ModelServiceConditions.DeprecatedPreset) is { } deprecated)
        {
            conditions.Set(deprecated.Type, deprecated.Status, deprecated.Reason, deprecated.Message);
        }

        foreach (var workload in workloads)
        {
            foreach (var condition in workload.Conditions)
            {
                conditions.Set(workload.Prefix + condition.Type, condition.Status ?? ConditionList.Unknown, condition.Reason ?? string.Empty,
                    condition.Message ?? string.Empty, condition.LastTransitionTime);
            }
        }

        var (ready, reason, readyMessage) = Aggregate(inputs, conditions);
        conditions.Set(ModelServiceConditions.Ready, ready, reason, readyMessage);
        status.Conditions = [.. conditions.Items];
        return status;
    }

    public static string ConflictMessage(ModelService modelService, ModelService holder)
    {
        ArgumentNullException.ThrowIfNull(modelService);
        ArgumentNullException.ThrowIfNull(holder);
        return $"ModelService {holder.Metadata.Name} (created {holder.Metadata.CreationTimestamp:yyyy-MM-ddTHH:mm:ssZ}) already serves model name "
            + $"\"{modelService.Spec.Routing?.ModelName}\" in namespace {modelService.Metadata.NamespaceProperty}; the older ModelService keeps it, "
            + "so this one gets no children until that one is deleted (routing.modelName is immutable: to serve this one under another name, recreate it)";
    }

    private static (string Status, string Reason, string Message) Aggregate(StatusInputs inputs, ConditionList conditions)
    {
        if (inputs.NameHolder is not null)
        {
            return (ConditionList.False, ReasonModelNameConflict, conditions.Get(ModelServiceConditions.ModelNameConflict)!.Message);
        }

        foreach (var type in new[] { ModelServiceConditions.PresetsResolved, ModelServiceConditions.Rendered })
        {
            if (conditions.Get(type) is { Status: not ConditionList.True } failed)
            {
                return (ConditionList.False, failed.Reason, failed.Message);
            }
        }

        if (inputs.Sync?.Failures.FirstOrDefault() is { } failure)
        {
            return (ConditionList.False, ReasonApplyFailed, failure.Message + (inputs.Sync.Failures.Count > 1 ? $" ({inputs.Sync.Failures.Count} children refused)" : string.Empty));
        }

        foreach (var type in new[] { ModelServiceConditions.RoutingReady, ModelServiceConditions.WorkloadsReady })
        {
            if (conditions.Get(type) is { Status: not ConditionList.True } waiting && waiting.Reason == RoutingReadiness.ReasonApiNotInstalled)
            {
                return (ConditionList.False, waiting.Reason, waiting.Message);
            }
        }

        foreach (var type in new[] { ModelServiceConditions.WorkloadsReady, ModelServiceConditions.RoutingReady })
        {
            if (conditions.Get(type) is { Status: not ConditionList.True } waiting)
            {
                return (ConditionList.False, waiting.Reason, waiting.Message);
            }
        }

        var children = inputs.Sync?.States.Count ?? 0;
        return (ConditionList.True, ReasonReady, $"serving \"{inputs.ModelService.Spec.Routing?.ModelName}\": {children} children applied, workloads available");
    }

    private static void WriteWorkloadsReady(ConditionList conditions, IReadOnlyList<WorkloadReadiness> workloads)
    {
        if (workloads.Count == 0)
        {
            conditions.Set(ModelServiceConditions.WorkloadsReady, true, ReasonNoWorkloads, "the ModelService runs no Deployments");
            return;
        }

        var summary = string.Join("; ", workloads.Select(w => w.Summary));
        var ready = workloads.All(w => w.IsReady);
        conditions.Set(ModelServiceConditions.WorkloadsReady, ready, ready ? ReasonAvailable : ReasonProgressing, summary);
    }

    private static void WriteReadyStrings(ModelServiceStatus status, IReadOnlyList<WorkloadReadiness> workloads)
    {
        WorkloadReadiness? Of(string prefix) => workloads.FirstOrDefault(w => w.Prefix == prefix && w.Exists);
        status.PrefillReady = Of(ModelServiceConditions.PrefillPrefix)?.ReadyText;
        status.PrefillAvailable = Of(ModelServiceConditions.PrefillPrefix)?.AvailableCount;
        status.DecodeReady = Of(ModelServiceConditions.DecodePrefix)?.ReadyText;
        status.DecodeAvailable = Of(ModelServiceConditions.DecodePrefix)?.AvailableCount;
        status.EppReady = Of(ModelServiceConditions.EppPrefix)?.ReadyText;
        status.EppAvailable = Of(ModelServiceConditions.EppPrefix)?.AvailableCount;
    }

    private static List<WorkloadReadiness> WorkloadsFromStates(IReadOnlyList<ChildState> states)
    {
        var result = new List<WorkloadReadiness>();
        foreach (var (role, prefix, name) in Workloads)
        {
            if (states.FirstOrDefault(s => s.Child.Role == role) is { } state)
            {
                result.Add(new WorkloadReadiness(prefix, name, state.Exists ? state.Live as V1Deployment : null));
            }
        }

        return result;
    }

    private static List<WorkloadReadiness> WorkloadsFromReferences(ModelServiceStatus status, string @namespace, ChildKindCatalog kinds)
    {
        var deployments = kinds.Of<V1Deployment>();
        var result = new List<WorkloadReadiness>();
        foreach (var (role, prefix, name) in Workloads)
        {
            var reference = role switch
            {
                ChildRole.PrefillDeployment => status.PrefillDeploymentRef,
                ChildRole.DecodeDeployment => status.DecodeDeploymentRef,
                _ => status.EppDeploymentRef,
            };
            if (reference is not null && deployments.Peek(new ObjectKey(@namespace, reference)) is V1Deployment live)
            {
                result.Add(new WorkloadReadiness(prefix, name, live));
            }
        }

        return result;
    }

    private static readonly (ChildRole Role, string Prefix, string Name)[] Workloads =
    [
        (ChildRole.PrefillDeployment, ModelServiceConditions.PrefillPrefix, "prefill"),
        (ChildRole.DecodeDeployment, ModelServiceConditions.DecodePrefix, "decode"),
        (ChildRole.EppDeployment, ModelServiceConditions.EppPrefix, "endpoint picker"),
    ];
}
