using k8s.Models;
using Keel.Runtime.Rbac;

namespace Keel.Runtime.Tests.Rbac;

public sealed class PermissionSetTests
{
    [Fact]
    public void Wildcards_are_refused_so_a_generated_role_can_only_be_exact()
    {
        var set = new PermissionSet();
        Assert.Throws<ArgumentException>(() => set.Require(new Permission("", "*", "get"), "why"));
        Assert.Throws<ArgumentException>(() => set.Require(new Permission("", "pods", "*"), "why"));
        Assert.Throws<ArgumentException>(() => set.Require(new Permission("*", "pods", "get"), "why"));
        Assert.Throws<ArgumentException>(() => set.Require(new Permission("", "pods", "get"), " "));
        Assert.Equal(0, set.Count);
    }

    [Fact]
    public void The_helpers_name_the_verbs_a_request_is_authorized_for()
    {
        var set = new PermissionSet()
            .ListWatch<V1ConfigMap>("read")
            .Apply<V1Deployment>("apply")
            .ApplyStatus<V1Deployment>("status")
            .Delete<V1Deployment>("prune");

        Assert.True(set.Allows("watch", "", "configmaps"));
        Assert.False(set.Allows("get", "", "configmaps")); // the cache lists and watches; it never gets
        Assert.True(set.Allows("create", "apps", "deployments")); // an apply that creates is checked for create too
        Assert.True(set.Allows("patch", "apps", "deployments", "status", "x"));
        Assert.False(set.Allows("update", "apps", "deployments"));
        Assert.True(set.Allows("delete", "apps", "deployments", name: "x"));
    }

    [Fact]
    public void A_name_restricted_permission_allows_only_that_name()
    {
        var set = new PermissionSet().Require("rbac.authorization.k8s.io", "clusterroles", ["bind"], "bind the EPP role", resourceNames: ["epp"]);

        Assert.True(set.Allows("bind", "rbac.authorization.k8s.io", "clusterroles", name: "epp"));
        Assert.False(set.Allows("bind", "rbac.authorization.k8s.io", "clusterroles", name: "cluster-admin"));
        Assert.False(set.Allows("bind", "rbac.authorization.k8s.io", "clusterroles"));
    }

    [Fact]
    public void Reasons_accumulate_and_survive_subsets()
    {
        var set = new PermissionSet()
            .ListWatch<V1Service>("controller a")
            .ListWatch<V1Service>("controller b")
            .Require("coordination.k8s.io", "leases", ["create"], "election", PermissionScope.OperatorNamespace);

        var list = new Permission("", "services", "list");
        Assert.Equal(["controller a", "controller b"], set.ReasonsFor(list));
        var watched = set.Where(p => p.Scope == PermissionScope.Watched);
        Assert.Equal(2, watched.Count);
        Assert.Equal(["controller a", "controller b"], watched.ReasonsFor(list));
        Assert.Empty(watched.ReasonsFor(new Permission("coordination.k8s.io", "leases", "create", Scope: PermissionScope.OperatorNamespace)));
    }

    [Fact]
    public void Cluster_scoped_kinds_are_declared_in_the_cluster_scope()
    {
        var set = new PermissionSet().ListWatch<V1Namespace>("namespaces").ListWatch<V1Pod>("pods");

        Assert.Equal(PermissionScope.Cluster, Assert.Single(set.Permissions, p => p.Resource == "namespaces" && p.Verb == "list").Scope);
        Assert.Equal(PermissionScope.Watched, Assert.Single(set.Permissions, p => p.Resource == "pods" && p.Verb == "list").Scope);
    }
}
