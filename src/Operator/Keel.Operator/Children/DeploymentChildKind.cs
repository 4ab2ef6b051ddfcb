using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Rendering;
using Keel.Runtime.Apply;
using Keel.Runtime.Cache;
using Keel.Runtime.Resources;

namespace Keel.Operator.Children;

/// <summary>
/// Deployments, with decoupleScaling (spec 5.6). Under <see cref="ReplicasPolicy.InitialOnly"/> the operator sets
/// <c>spec.replicas</c> only when it creates the Deployment and must not own the field afterwards, so an autoscaler's
/// value survives. Server-side apply removes a field whose only manager stops applying it, so letting go is a
/// hand-over: a second field manager (<see cref="ModelServiceOperatorOptions.InitialReplicasFieldManager"/>) applies
/// the current replicas first, then the operator's manager applies the Deployment without them. An autoscaler that
/// later writes replicas (scale subresource, update or forced apply) takes the field from the hand-over manager.
/// </summary>
public sealed class DeploymentChildKind(InformerCache cache) : ChildKind<V1Deployment>(cache, optional: false)
{
    public override async Task<ChildApplied> ApplyAsync(RenderedChild child, ChildWriters writers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(child);
        ArgumentNullException.ThrowIfNull(writers);
        if (child.ReplicasPolicy != ReplicasPolicy.InitialOnly)
        {
            return await base.ApplyAsync(child, writers, cancellationToken).ConfigureAwait(false);
        }

        var desired = (V1Deployment)child.Object;
        var live = (V1Deployment?)Peek(new ObjectKey(child.Namespace, child.Name));
        var created = live is null;
        var outcome = ApplyOutcome.Unchanged;
        string? reason = null;
        if (live is null)
        {
            // Creation: the rendered replicas go in with everything else.
            var first = await writers.Operator.ApplyAsync(desired, null, cancellationToken).ConfigureAwait(false);
            live = first.Object;
            outcome = ApplyOutcome.Applied;
            reason = first.Reason;
        }

        if (live is not null && OwnsReplicas(live, writers.Operator.FieldManager))
        {
            // Hand the field to the second manager (at the value running now), so the next apply can drop it.
            var replicas = live.Spec?.Replicas ?? child.Replicas ?? 1;
            var handover = await writers.InitialReplicas.ApplyAsync(ReplicasOnly(child, replicas), live, cancellationToken).ConfigureAwait(false);
            live = handover.Object ?? live;
            outcome = handover.Outcome == ApplyOutcome.Applied ? ApplyOutcome.Applied : outcome;
        }

        var withoutReplicas = KubeObject.DeepCopy(desired);
        withoutReplicas.Spec.Replicas = null;
        var result = await writers.Operator.ApplyAsync(withoutReplicas, live, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == ApplyOutcome.Applied)
        {
            outcome = ApplyOutcome.Applied;
            reason ??= result.Reason;
        }

        return new ChildApplied(outcome, created, result.Object ?? live, reason);
    }

    /// <summary>Whether <paramref name="fieldManager"/>'s apply entry owns <c>spec.replicas</c>.</summary>
    public static bool OwnsReplicas(V1Deployment deployment, string fieldManager)
    {
        foreach (var entry in deployment.Metadata?.ManagedFields ?? [])
        {
            if (entry.Manager != fieldManager || entry.Operation != "Apply" || !string.IsNullOrEmpty(entry.Subresource) || entry.FieldsV1 is null)
            {
                continue;
            }

            var fields = entry.FieldsV1 switch
            {
                JsonElement element => JsonNode.Parse(element.GetRawText()),
                JsonNode node => node,
                var other => JsonSerializer.SerializeToNode(other, KubernetesSerializer.Options),
            };
            if (fields?["f:spec"]?["f:replicas"] is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static V1Deployment ReplicasOnly(RenderedChild child, int replicas) => new()
    {
        ApiVersion = child.ApiVersion,
        Kind = child.Kind,
        Metadata = new V1ObjectMeta { Name = child.Name, NamespaceProperty = child.Namespace },
        Spec = new V1DeploymentSpec { Replicas = replicas },
    };
}
