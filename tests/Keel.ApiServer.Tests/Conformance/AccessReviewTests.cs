using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.ApiServer.Auth;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

/// <summary>Access reviews answered by the server's RBAC, and RBAC on lists and watches pinned to one name.</summary>
public sealed class AccessReviewTests
{
    private static readonly UserInfo Operator = UserInfo.ServiceAccount("system", "operator");

    /// <summary>An RBAC server where the operator may list configmaps and watch only the one named <c>leader</c>.</summary>
    private static async Task<ApiServerHarness> StartWithRoleAsync()
    {
        var h = await ApiServerHarness.StartAsync(o => o.EnableRbac = true);
        await h.Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "operator" },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["list"] },
                     new V1PolicyRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["get", "watch"], ResourceNames = ["leader"] }],
        }, "default");
        await h.Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "operator" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "operator" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "operator", NamespaceProperty = "system" }],
        }, "default");
        return h;
    }

    [Fact]
    public async Task Self_subject_access_reviews_answer_from_the_callers_rbac_without_a_grant_to_ask()
    {
        await using var h = await StartWithRoleAsync();
        using var client = ApiServerHarness.ClientFor(h.Server, h.Server.IssueToken(Operator));

        async Task<bool> CanAsync(string verb, string ns, string name = "")
        {
            var review = await client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
            {
                Spec = new V1SelfSubjectAccessReviewSpec
                {
                    ResourceAttributes = new V1ResourceAttributes { Verb = verb, Resource = "configmaps", NamespaceProperty = ns, Name = name },
                },
            });
            return review.Status.Allowed;
        }

        Assert.True(await CanAsync("list", "default"));
        Assert.False(await CanAsync("create", "default"));
        Assert.False(await CanAsync("list", "kube-system"));
        Assert.True(await CanAsync("watch", "default", "leader"));
        Assert.False(await CanAsync("watch", "default", "other"));
    }

    [Fact]
    public async Task Subject_access_reviews_need_their_own_grant_and_review_the_named_subject()
    {
        await using var h = await StartWithRoleAsync();
        var review = new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = Operator.Name,
                Groups = [.. Operator.Groups],
                ResourceAttributes = new V1ResourceAttributes { Verb = "list", Resource = "configmaps", NamespaceProperty = "default" },
            },
        };

        var answered = await h.Client.AuthorizationV1.CreateSubjectAccessReviewAsync(review);
        Assert.True(answered.Status.Allowed);
        review.Spec.ResourceAttributes.Verb = "delete";
        Assert.False((await h.Client.AuthorizationV1.CreateSubjectAccessReviewAsync(review)).Status.Allowed);

        using var client = ApiServerHarness.ClientFor(h.Server, h.Server.IssueToken(Operator));
        var denied = await Assert.ThrowsAsync<HttpOperationException>(() => client.AuthorizationV1.CreateSubjectAccessReviewAsync(review));
        Assert.Equal(HttpStatusCode.Forbidden, denied.Response.StatusCode);
    }

    [Fact]
    public async Task Self_subject_rules_reviews_list_the_callers_rules_in_the_namespace()
    {
        await using var h = await StartWithRoleAsync();
        using var client = ApiServerHarness.ClientFor(h.Server, h.Server.IssueToken(Operator));
        var inDefault = await client.AuthorizationV1.CreateSelfSubjectRulesReviewAsync(
            new V1SelfSubjectRulesReview { Spec = new V1SelfSubjectRulesReviewSpec { NamespaceProperty = "default" } });
        Assert.False(inDefault.Status.Incomplete);
        var configMapRules = inDefault.Status.ResourceRules.Where(r => r.Resources.SequenceEqual(["configmaps"])).ToList();
        Assert.Equal(2, configMapRules.Count);
        Assert.Contains(configMapRules, r => r.Verbs.SequenceEqual(["list"]) && r.ResourceNames is null);
        Assert.Contains(configMapRules, r => r.Verbs.SequenceEqual(["get", "watch"]) && r.ResourceNames.SequenceEqual(["leader"]));
        Assert.Contains(inDefault.Status.ResourceRules, r => r.Resources.Contains("selfsubjectaccessreviews"));

        var elsewhere = await client.AuthorizationV1.CreateSelfSubjectRulesReviewAsync(
            new V1SelfSubjectRulesReview { Spec = new V1SelfSubjectRulesReviewSpec { NamespaceProperty = "kube-system" } });
        Assert.DoesNotContain(elsewhere.Status.ResourceRules, r => r.Resources.Contains("configmaps"));
    }

    [Fact]
    public async Task Self_subject_review_names_the_caller_and_its_groups()
    {
        await using var h = await StartWithRoleAsync();
        using var client = ApiServerHarness.ClientFor(h.Server, h.Server.IssueToken(Operator));
        var review = await client.AuthenticationV1.CreateSelfSubjectReviewAsync(new V1SelfSubjectReview());
        Assert.Equal("system:serviceaccount:system:operator", review.Status.UserInfo.Username);
        Assert.Equal(Operator.Groups, review.Status.UserInfo.Groups);
    }

    [Fact]
    public async Task A_list_or_watch_pinned_to_one_name_is_authorized_by_a_resource_names_rule()
    {
        await using var h = await StartWithRoleAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("leader"), "default");
        var token = h.Server.IssueToken(Operator);

        var pinned = await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&fieldSelector=metadata.name%3Dleader", token: token);
        Assert.Equal(HttpStatusCode.OK, pinned.Status);
        Assert.Contains("\"leader\"", pinned.Text, StringComparison.Ordinal);

        var unpinned = await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1", token: token);
        Assert.Equal(HttpStatusCode.Forbidden, unpinned.Status);
        var otherName = await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1&fieldSelector=metadata.name%3Dother", token: token);
        Assert.Equal(HttpStatusCode.Forbidden, otherName.Status);
        Assert.Equal("configmaps \"other\" is forbidden: User \"system:serviceaccount:system:operator\" cannot watch resource \"configmaps\" in API group \"\" in the namespace \"default\"",
            (string?)otherName.Json!["message"]);

        // A namespace is its own namespace in authorization, and the message says so as the real one does.
        var ns = await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default", token: token);
        Assert.Equal("namespaces \"default\" is forbidden: User \"system:serviceaccount:system:operator\" cannot get resource \"namespaces\" in API group \"\" in the namespace \"default\"",
            (string?)ns.Json!["message"]);
    }
}
