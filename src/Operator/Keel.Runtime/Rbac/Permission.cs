namespace Keel.Runtime.Rbac;

/// <summary>
/// One thing the operator must be allowed to do: a verb on a resource (<c>deployments</c>, or a subresource such as
/// <c>modelservices/status</c>) of an API group, optionally on one named object only, in a <see cref="PermissionScope"/>.
/// </summary>
public sealed record Permission(string ApiGroup, string Resource, string Verb, string? ResourceName = null, PermissionScope Scope = PermissionScope.Watched)
{
    /// <summary>The stable order of generated roles and their explanations: scope, group, resource, name, verb.</summary>
    public static IComparer<Permission> Order { get; } = Comparer<Permission>.Create(Compare);

    /// <summary><c>deployments.apps</c>, <c>pods</c>, <c>modelservices.llm-d.ai/status</c>: as kubectl names resources.</summary>
    public string GroupResource
    {
        get
        {
            var slash = Resource.IndexOf('/', StringComparison.Ordinal);
            var (resource, subresource) = slash < 0 ? (Resource, "") : (Resource[..slash], Resource[slash..]);
            return (ApiGroup.Length == 0 ? resource : $"{resource}.{ApiGroup}") + subresource;
        }
    }

    private static int Compare(Permission? a, Permission? b)
    {
        if (a is null || b is null)
        {
            return a is null ? (b is null ? 0 : -1) : 1;
        }

        var c = a.Scope.CompareTo(b.Scope);
        c = c != 0 ? c : string.CompareOrdinal(a.ApiGroup, b.ApiGroup);
        c = c != 0 ? c : string.CompareOrdinal(a.Resource, b.Resource);
        c = c != 0 ? c : string.CompareOrdinal(a.ResourceName ?? "", b.ResourceName ?? "");
        return c != 0 ? c : KubeVerbs.Order.Compare(a.Verb, b.Verb);
    }

    public override string ToString() =>
        $"{Verb} {GroupResource}{(ResourceName is null ? "" : "/" + ResourceName)} ({Scope})";
}
