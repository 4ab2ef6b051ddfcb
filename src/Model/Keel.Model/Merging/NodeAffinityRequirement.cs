using k8s.Models;

namespace Keel.Model.Merging;

/// <summary>
/// The merge rule for a required node label (a ModelService's <c>acceleratorTypes</c>), modelservice spec
/// section 4.1: node-selector terms are ORed, so the requirement is added to <b>every</b> required term
/// (AND), or becomes the only term when there is none. Appending a new term instead would widen scheduling.
/// </summary>
public static class NodeAffinityRequirement
{
    /// <summary>
    /// A copy of <paramref name="affinity"/> whose required node-selector terms all carry
    /// <paramref name="requirement"/>. An expression on the same key in a term is replaced (the overlay
    /// decides that label); other expressions, the terms' field selectors and preferred terms are kept.
    /// </summary>
    public static V1Affinity AddToEveryTerm(V1Affinity? affinity, V1NodeSelectorRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        var result = ObjectMerger.Clone(affinity) ?? new V1Affinity();
        result.NodeAffinity ??= new V1NodeAffinity();
        var required = result.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution ??= new V1NodeSelector();
        var terms = required.NodeSelectorTerms ??= new List<V1NodeSelectorTerm>();
        if (terms.Count == 0)
        {
            terms.Add(new V1NodeSelectorTerm());
        }

        foreach (var term in terms)
        {
            var expressions = term.MatchExpressions ??= new List<V1NodeSelectorRequirement>();
            for (var i = expressions.Count - 1; i >= 0; i--)
            {
                if (string.Equals(expressions[i].Key, requirement.Key, StringComparison.Ordinal))
                {
                    expressions.RemoveAt(i);
                }
            }

            expressions.Add(ObjectMerger.Clone(requirement)!);
        }

        return result;
    }
}
