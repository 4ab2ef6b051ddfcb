using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.ApiServer.Auth;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

public sealed class RbacEscalationTests
{
    private static V1PolicyRule Rule(string group, string resource, params string[] verbs) =>
        new() { ApiGroups = [group], Resources = [resource], Verbs = verbs };

    private static async Task<Kubernetes> BinderAsync(ApiServerHarness h, params V1PolicyRule[] extra)
    {
        await h.Client.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = "epp" },
            Rules = [Rule("", "pods", "get", "list", "watch")],
        });
        await h.Client.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
        {
            Metadata = new V1ObjectMeta { Name = "operator" },
            Rules = [Rule("rbac.authorization.k8s.io", "rolebindings", "create", "get", "patch"), .. extra],
        });
        await h.Client.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "operator" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "operator" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "operator", NamespaceProperty = "system" }],
        });
        return ApiServerHarness.ClientFor(h.Server, h.Server.IssueToken(UserInfo.ServiceAccount("system", "operator")));
    }

    private static V1RoleBinding EppBinding() => new()
    {
        Metadata = new V1ObjectMeta { Name = "epp" },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "epp" },
        Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "epp", NamespaceProperty = "default" }],
    };

    [Fact]
    public async Task Binding_a_role_needs_the_bind_verb_or_its_permissions()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o.EnableRbac = true);
        using var client = await BinderAsync(h);
        var denied = await Assert.ThrowsAsync<HttpOperationException>(() => client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(EppBinding(), "default"));
        Assert.Equal(HttpStatusCode.Forbidden, denied.Response.StatusCode);
        var message = (string?)System.Text.Json.Nodes.JsonNode.Parse(denied.Response.Content)!["message"];
        Assert.StartsWith("rolebindings.rbac.authorization.k8s.io \"epp\" is forbidden: user \"system:serviceaccount:system:operator\"", message);
        Assert.Contains("is attempting to grant RBAC permissions not currently held:\n{APIGroups:[\"\"], Resources:[\"pods\"], Verbs:[\"get\"]}", message);
    }

    [Fact]
    public async Task The_bind_verb_on_the_named_role_allows_the_binding()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o.EnableRbac = true);
        using var client = await BinderAsync(h, new V1PolicyRule
        {
            ApiGroups = ["rbac.authorization.k8s.io"], Resources = ["clusterroles"], Verbs = ["bind"], ResourceNames = ["epp"],
        });
        var created = await client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(EppBinding(), "default");
        Assert.Equal("epp", created.RoleRef.Name);
    }

    [Fact]
    public async Task Holding_every_permission_of_the_role_allows_the_binding()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o.EnableRbac = true);
        using var client = await BinderAsync(h, Rule("", "pods", "get", "list", "watch"));
        var created = await client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(EppBinding(), "default");
        Assert.Equal("epp", created.Metadata.Name);
    }
}
