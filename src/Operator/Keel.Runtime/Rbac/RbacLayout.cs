namespace Keel.Runtime.Rbac;

/// <summary>
/// How an operator's permissions become role objects: who is bound (the operator's ServiceAccount), what the roles are
/// called, and whether the operator watches every namespace (ClusterRole) or one (Role in that namespace).
/// </summary>
public sealed record RbacLayout
{
    /// <summary>The operator's role name (ClusterRole, or Role in <see cref="WatchNamespace"/>); the bindings share it.</summary>
    public required string RoleName { get; init; }

    /// <summary>The operator's ServiceAccount, in <see cref="OperatorNamespace"/>.</summary>
    public required string ServiceAccountName { get; init; }

    /// <summary>Where the operator runs: its ServiceAccount and its leader-election Lease live here.</summary>
    public required string OperatorNamespace { get; init; }

    /// <summary>The one namespace the operator watches (<c>--namespace</c>), or null for every namespace.</summary>
    public string? WatchNamespace { get; init; }

    /// <summary>The leader-election Lease's namespace; null means <see cref="OperatorNamespace"/>.</summary>
    public string? LeaseNamespace { get; init; }

    /// <summary>Labels every generated object carries.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The namespaced Role (and RoleBinding) for the leader-election Lease.</summary>
    public string LeaderElectionRoleName => RoleName + "-leader-election";

    /// <summary>In namespace-restricted mode, the ClusterRole for the cluster-scoped rest (only when there is any).</summary>
    public string ClusterScopedRoleName => RoleName + "-cluster";
}
