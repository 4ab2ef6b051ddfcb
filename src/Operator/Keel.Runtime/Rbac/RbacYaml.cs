using System.Text;
using Keel.Model.Serialization;

namespace Keel.Runtime.Rbac;

/// <summary>
/// Writes generated RBAC objects as a YAML stream, each role preceded by comments that say why every permission it
/// grants is needed (the reasons the code declared), so a reviewer reads the role and its justification together.
/// </summary>
public static class RbacYaml
{
    public static string Write(IEnumerable<RbacObject> objects, string? header = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var text = new StringBuilder();
        var first = true;
        foreach (var obj in objects)
        {
            text.Append(first ? "" : "---\n");
            if (first && header is not null)
            {
                foreach (var line in header.Split('\n'))
                {
                    text.Append("# ").Append(line).Append('\n');
                }
            }

            first = false;
            AppendReasons(text, obj);
            text.Append(KeelYaml.SerializeNode(obj.Manifest));
        }

        return text.ToString();
    }

    /// <summary>The comment lines explaining <paramref name="grants"/>: one per resource, verbs grouped by reason.</summary>
    public static IReadOnlyList<string> Explain(PermissionSet grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        var lines = new List<string>();
        foreach (var target in grants.Permissions.GroupBy(p => (p.ApiGroup, p.Resource, p.ResourceName)))
        {
            var what = target.First().GroupResource + (target.Key.ResourceName is null ? "" : $" named {target.Key.ResourceName}");
            var byReason = target
                .GroupBy(p => string.Join("; ", Specific(grants.ReasonsFor(p))))
                .Select(g => $"{string.Join(", ", g.Select(p => p.Verb))} ({g.Key})");
            lines.Add($"{what}: {string.Join("; ", byReason)}");
        }

        return lines;
    }

    /// <summary>The cache's generic reason adds nothing next to a controller's.</summary>
    private static IEnumerable<string> Specific(IReadOnlyList<string> reasons) =>
        reasons.Count > 1 ? reasons.Where(r => r != Cache.InformerCache.InformerReason) : reasons;

    private static void AppendReasons(StringBuilder text, RbacObject obj)
    {
        if (obj.Grants.Count == 0)
        {
            return;
        }

        text.Append("# ").Append(obj.Kind).Append(' ').Append(obj.Name).Append(": why each permission is needed\n");
        foreach (var line in Explain(obj.Grants))
        {
            text.Append("#   ").Append(line).Append('\n');
        }
    }
}
