using k8s.Models;
using Keel.Model.Api;

namespace Keel.Model.Rendering;

/// <summary>
/// Spec 4.1 (fix): the accelerator requirement <c>labelKey In labelValues</c> is added to <b>every</b> required
/// node-selector term of the pod (terms are ORed, so this ANDs it with each), or becomes the only term when there is
/// none. The original appended a new term, which ORed it and widened scheduling. A term that already holds the same
/// requirement is left as it is.
/// </summary>
internal static class AcceleratorAffinity
{
    public const string Path = "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution";

    /// <summary>Applies <paramref name="types"/> to <paramref name="pod"/> (a merged, unshared object).</summary>
    public static void Apply(V1PodSpec pod, AcceleratorTypes types)
    {
        var requirement = new V1NodeSelectorRequirement
        {
            Key = types.LabelKey,
            OperatorProperty = "In",
            Values = [.. types.LabelValues],
        };
        pod.Affinity ??= new V1Affinity();
        pod.Affinity.NodeAffinity ??= new V1NodeAffinity();
        var required = pod.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution ??= new V1NodeSelector();
        required.NodeSelectorTerms ??= [];
        if (required.NodeSelectorTerms.Count == 0)
        {
            required.NodeSelectorTerms.Add(new V1NodeSelectorTerm { MatchExpressions = [requirement] });
            return;
        }

        foreach (var term in required.NodeSelectorTerms)
        {
            term.MatchExpressions ??= [];
            if (!term.MatchExpressions.Any(e => Same(e, requirement)))
            {
                term.MatchExpressions.Add(Copy(requirement));
            }
        }
    }

    private static bool Same(V1NodeSelectorRequirement a, V1NodeSelectorRequirement b) =>
        string.Equals(a.Key, b.Key, StringComparison.Ordinal)
        && string.Equals(a.OperatorProperty, b.OperatorProperty, StringComparison.Ordinal)
        && (a.Values ?? []).SequenceEqual(b.Values ?? [], StringComparer.Ordinal);

    private static V1NodeSelectorRequirement Copy(V1NodeSelectorRequirement r) => new()
    {
        Key = r.Key,
        OperatorProperty = r.OperatorProperty,
        Values = r.Values is null ? null : [.. r.Values],
    };
}
