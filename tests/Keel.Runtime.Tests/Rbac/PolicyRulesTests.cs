using Keel.Runtime.Rbac;

namespace Keel.Runtime.Tests.Rbac;

public sealed class PolicyRulesTests
{
    private static Permission P(string group, string resource, string verb, string? name = null) => new(group, resource, verb, name);

    [Fact]
    public void Resources_of_a_group_that_need_the_same_verbs_share_one_rule_and_others_get_their_own()
    {
        var rules = PolicyRules.From(
        [
            P("", "services", "list"), P("", "services", "watch"), P("", "configmaps", "watch"), P("", "configmaps", "list"),
            P("", "events", "create"), P("", "events", "patch"),
        ]);

        Assert.Equal(2, rules.Count);
        Assert.Equal(["configmaps", "services"], rules[0].Resources);
        Assert.Equal(["list", "watch"], rules[0].Verbs);
        Assert.Equal(["events"], rules[1].Resources);
        Assert.Equal(["create", "patch"], rules[1].Verbs);
    }

    [Fact]
    public void A_rule_never_spans_two_api_groups_because_a_rule_grants_every_group_resource_combination()
    {
        var rules = PolicyRules.From([P("apps", "deployments", "list"), P("", "pods", "list")]);

        Assert.Equal(2, rules.Count);
        Assert.All(rules, r => Assert.Single(r.Resources));
        Assert.Equal(["", "apps"], rules.Select(r => r.ApiGroup));
    }

    [Fact]
    public void Name_restricted_permissions_keep_their_names_and_never_widen_to_the_whole_resource()
    {
        var rules = PolicyRules.From(
        [
            P("coordination.k8s.io", "leases", "create"),
            P("coordination.k8s.io", "leases", "get", "op"), P("coordination.k8s.io", "leases", "update", "op"),
        ]);

        Assert.Equal(2, rules.Count);
        var open = Assert.Single(rules, r => r.ResourceNames.Count == 0);
        Assert.Equal(["create"], open.Verbs);
        var named = Assert.Single(rules, r => r.ResourceNames.Count > 0);
        Assert.Equal(["op"], named.ResourceNames);
        Assert.Equal(["get", "update"], named.Verbs);
    }

    [Fact]
    public void The_output_is_the_same_whatever_order_the_permissions_were_declared_in()
    {
        Permission[] permissions =
        [
            P("", "configmaps", "delete"), P("apps", "deployments", "patch"), P("", "configmaps", "list"), P("llm-d.ai", "modelservices/status", "patch"),
            P("rbac.authorization.k8s.io", "clusterroles", "bind", "epp"), P("apps", "deployments", "list"), P("", "configmaps", "patch"),
        ];
        var expected = Render(PolicyRules.From(permissions));
        for (var seed = 0; seed < 20; seed++)
        {
            var shuffled = permissions.OrderBy(_ => Random.Shared.Next()).ToArray();
            Assert.Equal(expected, Render(PolicyRules.From(shuffled)));
        }

        // Verbs in the conventional order (reads, writes, RBAC), not alphabetical.
        Assert.Equal(["list", "patch", "delete"], PolicyRules.From(permissions).First(r => r.Resources.Contains("configmaps")).Verbs);
    }

    private static string Render(IReadOnlyList<PolicyRule> rules) => string.Join("\n", rules.Select(r => r.ToJson().ToJsonString()));
}
