using System.Collections.Concurrent;
using Keel.Runtime.Resources;

namespace Keel.Runtime.Rbac;

/// <summary>
/// What an operator needs to be allowed to do, with the reason for each permission, collected from the code that
/// does it: the shared cache declares list/watch for every kind it has an informer for, the controller builder what
/// <c>For</c>/<c>Owns</c>/<c>Watches</c> imply, the Event recorder its Events, leader election its Lease, and
/// controllers add what cannot be inferred with <see cref="Require(Permission, string)"/> and the helpers.
/// <see cref="RbacRoles"/> turns the set into least-privilege roles. Thread-safe.
/// </summary>
public sealed class PermissionSet
{
    private readonly ConcurrentDictionary<Permission, ConcurrentDictionary<string, byte>> _reasons = new();

    /// <summary>Every permission, in a stable order (scope, group, resource, name, verb).</summary>
    public IReadOnlyList<Permission> Permissions => [.. _reasons.Keys.Order(Permission.Order)];

    public int Count => _reasons.Count;

    /// <summary>Why <paramref name="permission"/> is needed (sorted), or empty when it is not.</summary>
    public IReadOnlyList<string> ReasonsFor(Permission permission) =>
        _reasons.TryGetValue(permission, out var reasons) ? [.. reasons.Keys.Order(StringComparer.Ordinal)] : [];

    /// <summary>Declares one permission and why it is needed.</summary>
    public PermissionSet Require(Permission permission, string reason)
    {
        ArgumentNullException.ThrowIfNull(permission);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (permission.Resource.Contains('*', StringComparison.Ordinal) || permission.Verb.Contains('*', StringComparison.Ordinal)
            || permission.ApiGroup.Contains('*', StringComparison.Ordinal) || permission.ResourceName?.Contains('*', StringComparison.Ordinal) == true)
        {
            throw new ArgumentException($"Permissions are exact: no wildcards ({permission}).", nameof(permission));
        }

        if (string.IsNullOrWhiteSpace(permission.Resource) || string.IsNullOrWhiteSpace(permission.Verb))
        {
            throw new ArgumentException("A permission needs a resource and a verb.", nameof(permission));
        }

        _reasons.GetOrAdd(permission, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[reason] = 0;
        return this;
    }

    /// <summary>Declares <paramref name="verbs"/> on a resource (optionally only on the named objects).</summary>
    public PermissionSet Require(string apiGroup, string resource, IEnumerable<string> verbs, string reason,
        PermissionScope scope = PermissionScope.Watched, IEnumerable<string>? resourceNames = null)
    {
        ArgumentNullException.ThrowIfNull(apiGroup);
        ArgumentNullException.ThrowIfNull(verbs);
        var names = resourceNames?.ToList() ?? [];
        foreach (var verb in verbs)
        {
            if (names.Count == 0)
            {
                Require(new Permission(apiGroup, resource, verb, null, scope), reason);
            }

            foreach (var name in names)
            {
                Require(new Permission(apiGroup, resource, verb, name, scope), reason);
            }
        }

        return this;
    }

    /// <summary>list and watch: what an informer does (the cache never sends a single get).</summary>
    public PermissionSet ListWatch(ResourceInfo resource, string reason) =>
        On(resource, null, reason, KubeVerbs.List, KubeVerbs.Watch);

    /// <summary>create and patch: a server-side apply is a patch, and one that creates the object is also checked for create.</summary>
    public PermissionSet Apply(ResourceInfo resource, string reason) =>
        On(resource, null, reason, KubeVerbs.Create, KubeVerbs.Patch);

    /// <summary>patch on <c>&lt;resource&gt;/status</c>: a server-side apply of the status subresource.</summary>
    public PermissionSet ApplyStatus(ResourceInfo resource, string reason) =>
        On(resource, "status", reason, KubeVerbs.Patch);

    /// <summary>delete: pruning what is no longer desired.</summary>
    public PermissionSet Delete(ResourceInfo resource, string reason) =>
        On(resource, null, reason, KubeVerbs.Delete);

    public PermissionSet ListWatch<T>(string reason) => ListWatch(ResourceRegistry.Get<T>(), reason);

    public PermissionSet Apply<T>(string reason) => Apply(ResourceRegistry.Get<T>(), reason);

    public PermissionSet ApplyStatus<T>(string reason) => ApplyStatus(ResourceRegistry.Get<T>(), reason);

    public PermissionSet Delete<T>(string reason) => Delete(ResourceRegistry.Get<T>(), reason);

    /// <summary>Adds every permission of <paramref name="other"/>, with its reasons.</summary>
    public PermissionSet UnionWith(PermissionSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var permission in other.Permissions)
        {
            foreach (var reason in other.ReasonsFor(permission))
            {
                Require(permission, reason);
            }
        }

        return this;
    }

    /// <summary>The permissions that match <paramref name="predicate"/>, with their reasons.</summary>
    public PermissionSet Where(Func<Permission, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var subset = new PermissionSet();
        foreach (var permission in Permissions.Where(predicate))
        {
            foreach (var reason in ReasonsFor(permission))
            {
                subset.Require(permission, reason);
            }
        }

        return subset;
    }

    /// <summary>
    /// Whether the set grants a request as the API server would see it (<paramref name="resource"/> without the
    /// subresource; <paramref name="name"/> empty for lists, watches and creates).
    /// </summary>
    public bool Allows(string verb, string apiGroup, string resource, string subresource = "", string name = "")
    {
        var combined = string.IsNullOrEmpty(subresource) ? resource : $"{resource}/{subresource}";
        return _reasons.Keys.Any(p => p.Verb == verb && p.ApiGroup == apiGroup && p.Resource == combined
            && (p.ResourceName is null || (name.Length > 0 && p.ResourceName == name)));
    }

    /// <summary>The scope a kind's permissions are checked in: where its objects live.</summary>
    public static PermissionScope ScopeOf(ResourceInfo resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Namespaced ? PermissionScope.Watched : PermissionScope.Cluster;
    }

    private PermissionSet On(ResourceInfo resource, string? subresource, string reason, params string[] verbs)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var name = subresource is null ? resource.Plural : $"{resource.Plural}/{subresource}";
        return Require(resource.Group, name, verbs, reason, ScopeOf(resource));
    }
}
