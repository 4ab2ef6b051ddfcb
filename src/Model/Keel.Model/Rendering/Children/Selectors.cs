using k8s.Models;

namespace Keel.Model.Rendering;

/// <summary>Label unions the operator forces (spec 5.3): the preset's labels or selector, plus the operator's.</summary>
internal static class Selectors
{
    /// <summary>A new map: <paramref name="preset"/> then <paramref name="forced"/> (forced wins per key).</summary>
    public static Dictionary<string, string> Union(IDictionary<string, string>? preset, IReadOnlyDictionary<string, string> forced)
    {
        var result = preset is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(preset, StringComparer.Ordinal);
        foreach (var (key, value) in forced)
        {
            result[key] = value;
        }

        return result;
    }

    /// <summary>
    /// A Deployment selector: the preset's matchLabels ∪ <paramref name="forced"/>, the preset's matchExpressions kept.
    /// The selector is an atomic struct, so the operator writes all of it.
    /// </summary>
    public static V1LabelSelector DeploymentSelector(V1LabelSelector? preset, IReadOnlyDictionary<string, string> forced) => new()
    {
        MatchLabels = Union(preset?.MatchLabels, forced),
        MatchExpressions = preset?.MatchExpressions?.Select(e => Merging.ObjectMerger.Clone(e)!).ToList(),
    };
}
