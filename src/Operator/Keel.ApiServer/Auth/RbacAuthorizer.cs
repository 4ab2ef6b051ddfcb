using System.Text.Json.Nodes;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;

namespace Keel.ApiServer.Auth;

/// <summary>
/// Authorizes against the Roles, ClusterRoles, RoleBindings and ClusterRoleBindings stored in the server,
/// with the real RBAC matching rules: verbs, apiGroups, resources (<c>resource/subresource</c>, <c>*</c>,
/// <c>*/subresource</c>), resourceNames, and nonResourceURLs (exact or trailing <c>*</c>). Members of
/// <c>system:masters</c> are always allowed; discovery, OpenAPI, version and health paths are open to any
/// authenticated user, as the default <c>system:discovery</c> and <c>system:public-info-viewer</c> bindings make them,
/// and so are self reviews (<c>kubectl auth can-i</c>, <c>whoami</c>), as <c>system:basic-user</c> makes them.
/// </summary>
public sealed class RbacAuthorizer : IAuthorizer
{
    private static readonly GroupResource Roles = new("rbac.authorization.k8s.io", "roles");
    private static readonly GroupResource ClusterRoles = new("rbac.authorization.k8s.io", "clusterroles");
    private static readonly GroupResource RoleBindings = new("rbac.authorization.k8s.io", "rolebindings");
    private static readonly GroupResource ClusterRoleBindings = new("rbac.authorization.k8s.io", "clusterrolebindings");
    /// <summary>Paths every authenticated user may read (discovery, OpenAPI, version, health).</summary>
    public static readonly IReadOnlyList<string> PublicPaths = ["/api", "/apis", "/openapi", "/version", "/healthz", "/livez", "/readyz"];

    private readonly ObjectStore _store;

    public RbacAuthorizer(ObjectStore store) => _store = store;

    public ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationAttributes a, CancellationToken ct) =>
        ValueTask.FromResult(Authorize(a));

    public AuthorizationDecision Authorize(AuthorizationAttributes a)
    {
        if (a.User.Groups.Contains("system:masters"))
        {
            return AuthorizationDecision.Allow;
        }

        if (!a.IsResourceRequest && a.User.Groups.Contains("system:authenticated") &&
            PublicPaths.Any(p => a.Path == p || a.Path.StartsWith(p + "/", StringComparison.Ordinal)))
        {
            return AuthorizationDecision.Allow;
        }

        if (Http.AccessReviewEndpoint.IsSelfReview(a))
        {
            return AuthorizationDecision.Allow;
        }

        return RulesFor(a.User, a.Namespace).Any(rule => Allows(rule, a)) ? AuthorizationDecision.Allow : AuthorizationDecision.Deny();
    }

    /// <summary>Every policy rule that applies to the user in the namespace (cluster-wide ones included).</summary>
    public IEnumerable<JsonObject> RulesFor(UserInfo user, string ns)
    {
        foreach (var binding in _store.List(ClusterRoleBindings, null).Items)
        {
            if (Binds(binding.Object, user, ""))
            {
                foreach (var rule in RoleRules(binding.Object, ""))
                {
                    yield return rule;
                }
            }
        }

        if (ns.Length == 0)
        {
            yield break;
        }

        foreach (var binding in _store.List(RoleBindings, ns).Items)
        {
            if (Binds(binding.Object, user, ns))
            {
                foreach (var rule in RoleRules(binding.Object, ns))
                {
                    yield return rule;
                }
            }
        }
    }

    private IEnumerable<JsonObject> RoleRules(JsonObject binding, string ns)
    {
        var kind = (string?)binding["roleRef"]?["kind"];
        var name = (string?)binding["roleRef"]?["name"] ?? "";
        var role = kind switch
        {
            "ClusterRole" => _store.Get(ClusterRoles, "", name),
            "Role" when ns.Length > 0 => _store.Get(Roles, ns, name),
            _ => null,
        };
        return (role?.Object["rules"] as JsonArray ?? []).OfType<JsonObject>();
    }

    private static bool Binds(JsonObject binding, UserInfo user, string bindingNamespace)
    {
        foreach (var subject in (binding["subjects"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = (string?)subject["name"] ?? "";
            switch ((string?)subject["kind"])
            {
                case "User" when name == user.Name:
                case "Group" when user.Groups.Contains(name):
                    return true;
                case "ServiceAccount":
                    var ns = (string?)subject["namespace"] ?? bindingNamespace;
                    if (user.Name == $"system:serviceaccount:{ns}:{name}")
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    public static bool Allows(JsonObject rule, AuthorizationAttributes a)
    {
        if (!Contains(rule["verbs"], a.Verb))
        {
            return false;
        }

        if (!a.IsResourceRequest)
        {
            return (rule["nonResourceURLs"] as JsonArray ?? []).Any(u =>
            {
                var pattern = (string?)u ?? "";
                return pattern == "*" || pattern == a.Path ||
                       (pattern.EndsWith('*') && a.Path.StartsWith(pattern[..^1], StringComparison.Ordinal));
            });
        }

        if (!Contains(rule["apiGroups"], a.Group))
        {
            return false;
        }

        var combined = a.Subresource.Length > 0 ? $"{a.Resource}/{a.Subresource}" : a.Resource;
        var resourceMatch = (rule["resources"] as JsonArray ?? []).Any(r =>
        {
            var text = (string?)r ?? "";
            return text == "*" || text == combined || (a.Subresource.Length > 0 && text == "*/" + a.Subresource);
        });
        if (!resourceMatch)
        {
            return false;
        }

        var names = rule["resourceNames"] as JsonArray;
        return names is null || names.Count == 0 || names.Any(n => (string?)n == a.Name && a.Name.Length > 0);
    }

    private static bool Contains(JsonNode? list, string value) =>
        (list as JsonArray ?? []).Any(v => (string?)v == "*" || (string?)v == value);
}
