using System.Text.Json.Nodes;
using Keel.ApiServer.Http;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Resources;

namespace Keel.ApiServer.Auth;

/// <summary>
/// RBAC's privilege-escalation prevention: a user may create or update a Role or ClusterRole only with
/// the <c>escalate</c> verb on it or if they already hold every permission it grants, and may bind a role
/// only with the <c>bind</c> verb on it or if they already hold every permission in it. This is what makes
/// an operator's ClusterRole need <c>bind</c> (or the permissions) for the roles its RoleBindings name.
/// </summary>
public sealed class RbacEscalationGuard : IWriteGuard
{
    private const string RbacGroup = "rbac.authorization.k8s.io";
    private readonly RbacAuthorizer _rbac;
    private readonly Storage.ObjectStore _store;

    public RbacEscalationGuard(RbacAuthorizer rbac, Storage.ObjectStore store)
    {
        _rbac = rbac;
        _store = store;
    }

    public void Check(ServedResource resource, JsonObject obj, JsonObject? old, WriteRequest request)
    {
        if (request.User is not { } user || resource.Definition.Group != RbacGroup || user.Groups.Contains("system:masters"))
        {
            return;
        }

        var plural = resource.Definition.Plural;
        var ns = Meta.Str(obj, "namespace");
        var name = Meta.Str(obj, "name");
        IEnumerable<JsonObject> granted;
        switch (plural)
        {
            case "roles" or "clusterroles":
                if (Allowed(user, "escalate", plural, ns, name))
                {
                    return;
                }

                granted = Rules(obj);
                break;
            case "rolebindings" or "clusterrolebindings":
                var roleKind = (string?)obj["roleRef"]?["kind"];
                var roleName = (string?)obj["roleRef"]?["name"] ?? "";
                var rolePlural = roleKind == "ClusterRole" ? "clusterroles" : "roles";
                if (Allowed(user, "bind", rolePlural, rolePlural == "roles" ? ns : plural == "rolebindings" ? ns : "", roleName))
                {
                    return;
                }

                var role = rolePlural == "roles" ? _store.Get(new GroupResource(RbacGroup, "roles"), ns, roleName) : _store.Get(new GroupResource(RbacGroup, "clusterroles"), "", roleName);
                granted = role is null ? [] : Rules(role.Object);
                break;
            default:
                return;
        }

        var held = _rbac.RulesFor(user, ns).ToList();
        var missing = granted.SelectMany(Atomize).Where(a => !held.Any(h => RbacAuthorizer.Allows(h, a with { User = user }))).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var groups = string.Join(" ", user.Groups.Select(g => $"\"{g}\""));
        var lines = string.Join("\n", missing.Select(Describe).Distinct(StringComparer.Ordinal));
        throw ApiException.Forbidden(resource.GroupResource, name,
            $"user \"{user.Name}\" (groups=[{groups}]) is attempting to grant RBAC permissions not currently held:\n{lines}");
    }

    private bool Allowed(UserInfo user, string verb, string plural, string ns, string name) =>
        _rbac.Authorize(new AuthorizationAttributes(user, verb, true, RbacGroup, "v1", plural, "", ns, name, "")).Allowed;

    private static IEnumerable<JsonObject> Rules(JsonObject role) => (role["rules"] as JsonArray ?? []).OfType<JsonObject>();

    /// <summary>One request per verb, group, resource and name a rule grants (wildcards stay literal: only a wildcard covers them).</summary>
    private static IEnumerable<AuthorizationAttributes> Atomize(JsonObject rule)
    {
        var verbs = Strings(rule["verbs"]);
        var urls = Strings(rule["nonResourceURLs"]);
        foreach (var url in urls)
        {
            foreach (var verb in verbs)
            {
                yield return new AuthorizationAttributes(UserInfo.Anonymous, verb, false, "", "", "", "", "", "", url);
            }
        }

        var names = Strings(rule["resourceNames"]);
        foreach (var group in Strings(rule["apiGroups"]))
        {
            foreach (var resource in Strings(rule["resources"]))
            {
                var parts = resource.Split('/', 2);
                foreach (var verb in verbs)
                {
                    foreach (var name in names.Count == 0 ? [""] : names)
                    {
                        yield return new AuthorizationAttributes(UserInfo.Anonymous, verb, true, group, "", parts[0], parts.Length > 1 ? parts[1] : "", "", name, "");
                    }
                }
            }
        }
    }

    private static string Describe(AuthorizationAttributes a) => a.IsResourceRequest
        ? $"{{APIGroups:[\"{a.Group}\"], Resources:[\"{(a.Subresource.Length > 0 ? a.Resource + "/" + a.Subresource : a.Resource)}\"]{(a.Name.Length > 0 ? $", ResourceNames:[\"{a.Name}\"]" : "")}, Verbs:[\"{a.Verb}\"]}}"
        : $"{{NonResourceURLs:[\"{a.Path}\"], Verbs:[\"{a.Verb}\"]}}";

    private static List<string> Strings(JsonNode? node) => (node as JsonArray ?? []).Select(v => (string?)v ?? "").ToList();
}
