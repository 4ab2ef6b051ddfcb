using System.Text.Json.Nodes;

namespace Keel.Runtime.Rbac;

/// <summary>One RBAC policy rule: one API group, the resources it covers, optional object names, the verbs.</summary>
public sealed record PolicyRule(string ApiGroup, IReadOnlyList<string> Resources, IReadOnlyList<string> ResourceNames, IReadOnlyList<string> Verbs)
{
    /// <summary>The rule as it appears in a Role or ClusterRole (<c>resourceNames</c> only when restricted).</summary>
    public JsonObject ToJson()
    {
        var rule = new JsonObject
        {
            ["apiGroups"] = new JsonArray(JsonValue.Create(ApiGroup)),
            ["resources"] = new JsonArray([.. Resources.Select(r => (JsonNode)JsonValue.Create(r))]),
        };
        if (ResourceNames.Count > 0)
        {
            rule["resourceNames"] = new JsonArray([.. ResourceNames.Select(n => (JsonNode)JsonValue.Create(n))]);
        }

        rule["verbs"] = new JsonArray([.. Verbs.Select(v => (JsonNode)JsonValue.Create(v))]);
        return rule;
    }
}

/// <summary>
/// Compacts permissions into policy rules that grant exactly them and nothing more: one API group per rule (a rule
/// with several groups and resources grants every combination), resources that need the same verbs share a rule,
/// name-restricted permissions keep their <c>resourceNames</c>. The output order is stable (group, names, resources),
/// so generated roles never change without a reason.
/// </summary>
public static class PolicyRules
{
    public static IReadOnlyList<PolicyRule> From(IEnumerable<Permission> permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);

        // (group, resource, name) → verbs
        var verbsOf = permissions
            .GroupBy(p => (p.ApiGroup, p.Resource, Name: p.ResourceName ?? ""))
            .Select(g => (g.Key.ApiGroup, g.Key.Resource, g.Key.Name, Verbs: Key(g.Select(p => p.Verb), KubeVerbs.Order)));

        // Names that need the same verbs on the same resource share a rule.
        var named = verbsOf
            .GroupBy(e => (e.ApiGroup, e.Resource, e.Verbs, Restricted: e.Name.Length > 0))
            .Select(g => (g.Key.ApiGroup, g.Key.Resource, g.Key.Verbs,
                Names: g.Key.Restricted ? Key(g.Select(e => e.Name), StringComparer.Ordinal) : ""));

        // Resources of a group that need the same verbs on the same names share a rule.
        return named
            .GroupBy(e => (e.ApiGroup, e.Verbs, e.Names))
            .Select(g => new PolicyRule(
                g.Key.ApiGroup,
                [.. g.Select(e => e.Resource).Order(StringComparer.Ordinal)],
                Split(g.Key.Names),
                Split(g.Key.Verbs)))
            .OrderBy(r => r.ApiGroup, StringComparer.Ordinal)
            .ThenBy(r => r.ResourceNames.Count > 0 ? 1 : 0)
            .ThenBy(r => string.Join(",", r.Resources), StringComparer.Ordinal)
            .ThenBy(r => string.Join(",", r.ResourceNames), StringComparer.Ordinal)
            .ThenBy(r => string.Join(",", r.Verbs), StringComparer.Ordinal)
            .ToList();
    }

    private static string Key(IEnumerable<string> values, IComparer<string> order) =>
        string.Join('\n', values.Distinct(StringComparer.Ordinal).Order(order));

    private static string[] Split(string key) => key.Length == 0 ? [] : key.Split('\n');
}
