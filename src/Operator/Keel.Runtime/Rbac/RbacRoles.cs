using System.Text.Json.Nodes;

namespace Keel.Runtime.Rbac;

/// <summary>A generated RBAC object and the permissions it grants, with their reasons (empty for bindings).</summary>
public sealed record RbacObject(JsonObject Manifest, PermissionSet Grants)
{
    public string Kind => (string)Manifest["kind"]!;

    public string Name => (string)Manifest["metadata"]!["name"]!;
}

/// <summary>
/// Turns a <see cref="PermissionSet"/> into the roles and bindings that grant exactly it, following an
/// <see cref="RbacLayout"/>:
/// <list type="bullet">
/// <item><see cref="PermissionScope.Watched"/> and <see cref="PermissionScope.Cluster"/> permissions go into one
/// ClusterRole bound by a ClusterRoleBinding when the operator watches every namespace; with a watch namespace the
/// watched ones go into a Role (and RoleBinding) there, and only cluster-scoped ones (if any) stay in a ClusterRole;</item>
/// <item><see cref="PermissionScope.OperatorNamespace"/> permissions (the Lease) go into a Role in the Lease's namespace
/// (the operator's own, unless <see cref="RbacLayout.LeaseNamespace"/> says otherwise).</item>
/// </list>
/// Objects come in apply order (each role before its binding).
/// </summary>
public static class RbacRoles
{
    private const string RbacApiVersion = "rbac.authorization.k8s.io/v1";

    public static IReadOnlyList<RbacObject> Build(PermissionSet permissions, RbacLayout layout)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        ArgumentNullException.ThrowIfNull(layout);
        var watched = permissions.Where(p => p.Scope == PermissionScope.Watched);
        var cluster = permissions.Where(p => p.Scope == PermissionScope.Cluster);
        var own = permissions.Where(p => p.Scope == PermissionScope.OperatorNamespace);
        var objects = new List<RbacObject>();

        if (layout.WatchNamespace is null)
        {
            AddPair(objects, layout, "ClusterRole", layout.RoleName, null, watched.UnionWith(cluster));
        }
        else
        {
            AddPair(objects, layout, "Role", layout.RoleName, layout.WatchNamespace, watched);
            AddPair(objects, layout, "ClusterRole", layout.ClusterScopedRoleName, null, cluster);
        }

        AddPair(objects, layout, "Role", layout.LeaderElectionRoleName, layout.LeaseNamespace ?? layout.OperatorNamespace, own);
        return objects;
    }

    /// <summary>The <c>rules</c> of a set of permissions (for templates that write the role around them).</summary>
    public static JsonArray Rules(IEnumerable<Permission> permissions) =>
        new([.. PolicyRules.From(permissions).Select(r => (JsonNode)r.ToJson())]);

    /// <summary>A Role (with <paramref name="ns"/>) or ClusterRole (without) granting exactly <paramref name="grants"/>.</summary>
    public static RbacObject Role(string name, string? ns, PermissionSet grants, IReadOnlyDictionary<string, string>? labels = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(grants);
        var role = new JsonObject
        {
            ["apiVersion"] = RbacApiVersion,
            ["kind"] = ns is null ? "ClusterRole" : "Role",
            ["metadata"] = Metadata(labels ?? new Dictionary<string, string>(), name, ns),
            ["rules"] = Rules(grants.Permissions),
        };
        return new RbacObject(role, grants);
    }

    private static void AddPair(List<RbacObject> objects, RbacLayout layout, string roleKind, string name, string? ns, PermissionSet grants)
    {
        if (grants.Count == 0)
        {
            return;
        }

        var binding = new JsonObject
        {
            ["apiVersion"] = RbacApiVersion,
            ["kind"] = roleKind + "Binding",
            ["metadata"] = Metadata(layout.Labels, name, ns),
            ["roleRef"] = new JsonObject
            {
                ["apiGroup"] = "rbac.authorization.k8s.io",
                ["kind"] = roleKind,
                ["name"] = name,
            },
            ["subjects"] = new JsonArray(new JsonObject
            {
                ["kind"] = "ServiceAccount",
                ["name"] = layout.ServiceAccountName,
                ["namespace"] = layout.OperatorNamespace,
            }),
        };
        objects.Add(Role(name, roleKind == "Role" ? ns : null, grants, layout.Labels));
        objects.Add(new RbacObject(binding, new PermissionSet()));
    }

    private static JsonObject Metadata(IReadOnlyDictionary<string, string> labels, string name, string? ns)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (ns is not null)
        {
            metadata["namespace"] = ns;
        }

        if (labels.Count > 0)
        {
            metadata["labels"] = new JsonObject([.. labels.OrderBy(l => l.Key, StringComparer.Ordinal)
                .Select(l => KeyValuePair.Create(l.Key, (JsonNode?)JsonValue.Create(l.Value)))]);
        }

        return metadata;
    }
}
