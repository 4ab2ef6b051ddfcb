namespace Keel.Runtime.Rbac;

/// <summary>
/// Where the API server checks a permission, which decides the kind of role that can grant it.
/// </summary>
public enum PermissionScope
{
    /// <summary>
    /// In the namespaces the operator watches: a ClusterRole when it watches every namespace, a Role in the namespace
    /// when it is restricted to one (<c>CacheOptions.Namespace</c>). Namespaced kinds the controllers read and write,
    /// their Events, and <c>bind</c> on a ClusterRole that RoleBindings in those namespaces reference.
    /// </summary>
    Watched,

    /// <summary>Cluster-scoped resources: only a ClusterRole (bound by a ClusterRoleBinding) grants them.</summary>
    Cluster,

    /// <summary>The operator's own namespace (the leader-election Lease): a Role there.</summary>
    OperatorNamespace,
}
