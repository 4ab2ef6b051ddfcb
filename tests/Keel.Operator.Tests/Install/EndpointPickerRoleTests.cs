using System.Text.Json.Nodes;

namespace Keel.Operator.Tests.Install;

/// <summary>
/// The endpoint picker's ClusterRole shipped in deploy/ (and, through the chart-equals-deploy check, in the chart): what
/// the EPP needs (the shared spec's upstream-apis.md, "RBAC the EPP needs"), nothing more, and the operator can bind it.
/// </summary>
public sealed class EndpointPickerRoleTests
{
    private static readonly string[] Read = ["get", "list", "watch"];

    private readonly DeployManifests _deploy = DeployManifests.Read();

    [Fact]
    public void Deploy_ships_the_epp_cluster_role_the_operator_is_told_to_bind()
    {
        var name = _deploy.Flag("--epp-cluster-role");
        Assert.NotNull(name);
        Assert.NotNull(_deploy.Single("ClusterRole", name));

        // Kubernetes lets a RoleBinding reference a role only if the writer holds every permission in it or may `bind`
        // it: the operator may bind exactly this role, and holds none of its read permissions (pods, leases) itself.
        var operatorRules = Rules(_deploy.Single("ClusterRole", "modelservice-operator"));
        var bind = Assert.Single(operatorRules, r => r.Verbs.Contains("bind"));
        Assert.Equal(new Rule(["rbac.authorization.k8s.io"], ["clusterroles"], ["bind"], [name]), bind);
        Assert.DoesNotContain(operatorRules, r => r.Resources.Contains("pods") || r.Resources.Contains("leases"));
    }

    [Fact]
    public void The_epp_cluster_role_grants_what_the_endpoint_picker_needs_and_nothing_else()
    {
        var granted = Rules(_deploy.Single("ClusterRole", _deploy.Flag("--epp-cluster-role")))
            .SelectMany(r => r.ApiGroups.SelectMany(g => r.Resources.Select(res => (Resource: Qualified(g, res), r.Verbs, r.ResourceNames))))
            .ToList();
        Assert.All(granted, g => Assert.Empty(g.ResourceNames));

        var expected = new Dictionary<string, string[]>
        {
            // The pool's endpoints and the routing objects the EPP reads, in each API generation the operator writes.
            ["pods"] = Read,
            ["inferencepools.inference.networking.k8s.io"] = Read,
            ["inferencepools.inference.networking.x-k8s.io"] = Read,
            ["inferenceobjectives.llm-d.ai"] = Read,
            ["inferencemodelrewrites.llm-d.ai"] = Read,
            ["inferenceobjectives.inference.networking.x-k8s.io"] = Read,
            ["inferencemodels.inference.networking.x-k8s.io"] = Read,
            // Leader election between EPP replicas, and its Events.
            ["leases.coordination.k8s.io"] = ["get", "list", "watch", "create", "update", "patch", "delete"],
            ["events"] = ["create", "patch"],
            // Authenticated metrics.
            ["tokenreviews.authentication.k8s.io"] = ["create"],
            ["subjectaccessreviews.authorization.k8s.io"] = ["create"],
        };
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), granted.Select(g => g.Resource).Order(StringComparer.Ordinal));
        Assert.All(granted, g => Assert.Equal(expected[g.Resource].Order(StringComparer.Ordinal), g.Verbs.Order(StringComparer.Ordinal)));
    }

    private static string Qualified(string group, string resource) => group.Length == 0 ? resource : $"{resource}.{group}";

    private static List<Rule> Rules(JsonObject role) => [.. role["rules"]!.AsArray().Select(r => new Rule(
        Strings(r!["apiGroups"]), Strings(r["resources"]), Strings(r["verbs"]), Strings(r["resourceNames"])))];

    private static string[] Strings(JsonNode? node) => node?.AsArray().Select(v => (string)v!).ToArray() ?? [];

    private sealed record Rule(string[] ApiGroups, string[] Resources, string[] Verbs, string[] ResourceNames)
    {
        public bool Equals(Rule? other) => other is not null && ApiGroups.SequenceEqual(other.ApiGroups) && Resources.SequenceEqual(other.Resources)
            && Verbs.SequenceEqual(other.Verbs) && ResourceNames.SequenceEqual(other.ResourceNames);

        public override int GetHashCode() => HashCode.Combine(ApiGroups.Length, Resources.Length);
    }
}
