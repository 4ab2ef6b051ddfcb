using System.Text.Json.Nodes;
using Keel.Model.Serialization;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.Install;

/// <summary>The generated RBAC of deploy/ against the operator's code.</summary>
public sealed class GeneratedRbacTests
{
    [Fact]
    public async Task Deploy_holds_exactly_what_modelservice_rbac_generates_from_the_code()
    {
        // build/gen-deploy.sh --check says the same in CI; here it fails the tests too, naming the command to run.
        var generated = await RbacCommandRun.RunAsync();
        Assert.True(generated == Repository.Read("deploy", "20-rbac.yaml"), "deploy/20-rbac.yaml is out of date with the operator's code: run build/gen-deploy.sh");
    }

    [Fact]
    public async Task The_operator_role_is_least_privilege_no_wildcards_no_secrets_no_get_and_bind_only_on_the_epp_role()
    {
        var objects = KeelYaml.ParseAll(await RbacCommandRun.RunAsync(), "rbac").Select(d => (JsonObject)d.Root!).ToList();
        var role = objects.Single(o => (string?)o["kind"] == "ClusterRole" && (string?)o["metadata"]!["name"] == "modelservice-operator");
        var rules = role["rules"]!.AsArray().Select(r => r!.AsObject()).ToList();
        IEnumerable<string> All(string field) => rules.SelectMany(r => r[field]?.AsArray().Select(v => (string)v!) ?? []);

        Assert.DoesNotContain("*", All("verbs").Concat(All("resources")).Concat(All("apiGroups")));
        Assert.DoesNotContain("secrets", All("resources"));
        Assert.DoesNotContain("get", All("verbs")); // informers list and watch; nothing reads one object
        Assert.DoesNotContain("update", All("verbs")); // writes are server-side applies (patch)
        Assert.DoesNotContain("escalate", All("verbs"));
        var bind = Assert.Single(rules, r => r["verbs"]!.AsArray().Any(v => (string?)v == "bind"));
        Assert.Equal(["clusterroles"], bind["resources"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["modelservice-epp"], bind["resourceNames"]!.AsArray().Select(v => (string)v!));

        // The flag moves the bind grant with it.
        var custom = await RbacCommandRun.RunAsync("--epp-cluster-role", "platform-epp", "--without-epp-role");
        Assert.Contains("  resourceNames:\n  - platform-epp\n  verbs:\n  - bind\n", custom, StringComparison.Ordinal);
        Assert.DoesNotContain("name: platform-epp", custom, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watching_one_namespace_gives_a_role_there_and_no_cluster_role_for_the_operator()
    {
        var objects = KeelYaml.ParseAll(await RbacCommandRun.RunAsync("--namespace", "team-a", "--leader-elect", "true"), "rbac")
            .Select(d => (JsonObject)d.Root!)
            .Select(o => $"{(string?)o["kind"]} {(string?)o["metadata"]!["namespace"]}/{(string?)o["metadata"]!["name"]}")
            .ToList();

        Assert.Equal(
        [
            "Role team-a/modelservice-operator", "RoleBinding team-a/modelservice-operator",
            "Role modelservice-system/modelservice-operator-leader-election", "RoleBinding modelservice-system/modelservice-operator-leader-election",
            "ClusterRole /modelservice-epp",
        ], objects);

        var withoutElection = await RbacCommandRun.RunAsync("--leader-elect", "false");
        Assert.DoesNotContain("leases", withoutElection.Split("# ClusterRole modelservice-epp")[0], StringComparison.Ordinal);
        Assert.Contains("# ClusterRole modelservice-epp", withoutElection, StringComparison.Ordinal);
    }
}
