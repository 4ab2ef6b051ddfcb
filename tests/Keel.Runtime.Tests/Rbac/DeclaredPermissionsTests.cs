using k8s;
using k8s.Models;
using Keel.Runtime.Controllers;
using Keel.Runtime.Hosting;
using Keel.Runtime.LeaderElection;
using Keel.Runtime.Rbac;

namespace Keel.Runtime.Tests.Rbac;

/// <summary>What the runtime's pieces declare while a manager and its controllers are built (no server involved).</summary>
public sealed class DeclaredPermissionsTests
{
    private static ControllerManager Manager(bool election) => new(
        new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }),
        new ManagerOptions
        {
            Name = "copy-operator",
            MetricsBindAddress = "0",
            HealthProbeBindAddress = "0",
            LeaderElection = new LeaderElectionOptions { Enabled = election, LeaseName = "copy-lease", LeaseNamespace = "ops" },
        });

    private static string[] Verbs(PermissionSet set, string group, string resource, string? name = null) =>
        [.. set.Permissions.Where(p => p.ApiGroup == group && p.Resource == resource && p.ResourceName == name).Select(p => p.Verb)];

    [Fact]
    public void For_Owns_Watches_and_Requires_declare_what_the_controller_reads_and_writes()
    {
        var manager = Manager(election: false);
        manager.NewController()
            .Named("copy")
            .For<V1ConfigMap>()
            .Owns<V1Secret>()
            .Watches<V1Pod>(_ => [])
            .Requires((set, controller) => set.ApplyStatus<V1Deployment>($"controller {controller}: status"))
            .Complete((_, _) => Task.FromResult(ReconcileResult.Success));
        var set = manager.Permissions;

        Assert.Equal(["list", "watch"], Verbs(set, "", "configmaps"));
        Assert.Equal(["list", "watch", "create", "patch", "delete"], Verbs(set, "", "secrets"));
        Assert.Equal(["list", "watch"], Verbs(set, "", "pods"));
        Assert.Equal(["patch"], Verbs(set, "apps", "deployments/status"));
        Assert.Equal(["create", "patch"], Verbs(set, "", "events"));
        Assert.Contains("controller copy: Owns(Secret), applied and pruned", set.ReasonsFor(new Permission("", "secrets", "delete")));
        Assert.Contains("controller copy: status", set.ReasonsFor(new Permission("apps", "deployments/status", "patch")));

        // Nothing else: no lease without leader election, no wildcard, no get (the cache lists and watches).
        Assert.DoesNotContain(set.Permissions, p => p.Resource == "leases" || p.Verb == "get");
        Assert.Equal(12, set.Count);
    }

    [Fact]
    public void A_reader_of_the_shared_cache_declares_list_and_watch_of_its_kind()
    {
        var manager = Manager(election: false);
        _ = manager.GetCache<V1Service>();

        Assert.Equal(["list", "watch"], Verbs(manager.Permissions, "", "services"));
    }

    [Fact]
    public void Leader_election_declares_create_and_get_update_of_its_one_lease_in_the_operator_namespace()
    {
        var set = Manager(election: true).Permissions;

        var leases = set.Permissions.Where(p => p.Resource == "leases").ToList();
        Assert.All(leases, p => Assert.Equal(PermissionScope.OperatorNamespace, p.Scope));
        Assert.Equal(["create"], Verbs(set, "coordination.k8s.io", "leases"));
        Assert.Equal(["get", "update"], Verbs(set, "coordination.k8s.io", "leases", "copy-lease"));
    }

    [Fact]
    public void Roles_follow_the_layout_a_cluster_role_for_every_namespace_a_role_for_one_and_the_lease_role_beside_the_lease()
    {
        var manager = Manager(election: true);
        manager.NewController().For<V1ConfigMap>().Owns<V1Secret>().Complete((_, _) => Task.FromResult(ReconcileResult.Success));
        manager.Permissions.ListWatch<V1Namespace>("namespaces are cluster-scoped");
        var layout = new RbacLayout { RoleName = "copy", ServiceAccountName = "copy-sa", OperatorNamespace = "ops" };

        var all = RbacRoles.Build(manager.Permissions, layout);
        Assert.Equal(["ClusterRole/copy", "ClusterRoleBinding/copy", "Role/copy-leader-election", "RoleBinding/copy-leader-election"], all.Select(o => $"{o.Kind}/{o.Name}"));
        Assert.Equal("ops", (string?)all[2].Manifest["metadata"]!["namespace"]);
        Assert.Equal("copy-sa", (string?)all[1].Manifest["subjects"]![0]!["name"]);
        Assert.Equal("ops", (string?)all[1].Manifest["subjects"]![0]!["namespace"]);

        var one = RbacRoles.Build(manager.Permissions, layout with { WatchNamespace = "team-a" });
        Assert.Equal(["Role/copy", "RoleBinding/copy", "ClusterRole/copy-cluster", "ClusterRoleBinding/copy-cluster", "Role/copy-leader-election", "RoleBinding/copy-leader-election"],
            one.Select(o => $"{o.Kind}/{o.Name}"));
        Assert.Equal("team-a", (string?)one[0].Manifest["metadata"]!["namespace"]);
        Assert.DoesNotContain(one[0].Grants.Permissions, p => p.Resource == "namespaces");
        Assert.All(one[2].Grants.Permissions, p => Assert.Equal("namespaces", p.Resource));
    }

    [Fact]
    public void The_yaml_explains_every_permission_with_the_reason_the_code_gave()
    {
        var manager = Manager(election: true);
        manager.NewController().Named("copy").For<V1ConfigMap>().Owns<V1Secret>().Complete((_, _) => Task.FromResult(ReconcileResult.Success));

        var yaml = RbacYaml.Write(RbacRoles.Build(manager.Permissions, new RbacLayout { RoleName = "copy", ServiceAccountName = "copy", OperatorNamespace = "ops" }), "header");

        Assert.StartsWith("# header\n# ClusterRole copy: why each permission is needed\n", yaml, StringComparison.Ordinal);
        Assert.Contains("#   secrets: list, watch, create, patch, delete (controller copy: Owns(Secret), applied and pruned)\n", yaml, StringComparison.Ordinal);
        Assert.Contains("#   leases.coordination.k8s.io named copy-lease: get, update (leader election on the Lease copy-lease)\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("*", yaml, StringComparison.Ordinal);
    }
}
