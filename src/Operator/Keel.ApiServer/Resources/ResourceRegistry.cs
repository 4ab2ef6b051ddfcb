namespace Keel.ApiServer.Resources;

/// <summary>
/// The resources the server serves right now. Built-in kinds are registered at start; CRDs add and
/// remove theirs while the server runs, so readers take a consistent snapshot through the lock and
/// discovery and OpenAPI documents are regenerated when <see cref="Revision"/> moves.
/// </summary>
public sealed class ResourceRegistry
{
    // Built-in groups in the order the real server lists them; CRD groups follow, sorted.
    private static readonly string[] GroupOrder =
    [
        "", "apiregistration.k8s.io", "apps", "events.k8s.io", "authentication.k8s.io", "authorization.k8s.io",
        "autoscaling", "batch", "certificates.k8s.io", "networking.k8s.io", "policy", "rbac.authorization.k8s.io",
        "storage.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io", "scheduling.k8s.io",
        "coordination.k8s.io", "node.k8s.io", "discovery.k8s.io", "flowcontrol.apiserver.k8s.io",
    ];

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Group, string Version, string Plural), ServedResource> _byPath = [];
    private long _revision;

    /// <summary>Moves on every registration change.</summary>
    public long Revision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    public event Action? Changed;

    public void Register(ServedResource resource)
    {
        lock (_gate)
        {
            var d = resource.Definition;
            _byPath[(d.Group, d.Version, d.Plural)] = resource;
            _revision++;
        }

        Changed?.Invoke();
    }

    /// <summary>Replaces every version of one group-resource at once (a CRD update).</summary>
    public void ReplaceAll(GroupResource resource, IReadOnlyList<ServedResource> versions)
    {
        lock (_gate)
        {
            foreach (var key in _byPath.Keys.Where(k => k.Group == resource.Group && k.Plural == resource.Resource).ToList())
            {
                _byPath.Remove(key);
            }

            foreach (var v in versions)
            {
                _byPath[(v.Definition.Group, v.Definition.Version, v.Definition.Plural)] = v;
            }

            _revision++;
        }

        Changed?.Invoke();
    }

    public ServedResource? Find(string group, string version, string plural)
    {
        lock (_gate)
        {
            return _byPath.GetValueOrDefault((group, version, plural));
        }
    }

    public ServedResource? FindKind(string group, string version, string kind)
    {
        lock (_gate)
        {
            return _byPath.Values.FirstOrDefault(r => r.Definition.Group == group && r.Definition.Version == version && r.Definition.Kind == kind);
        }
    }

    /// <summary>The version a group-resource is stored at.</summary>
    public ServedResource? StorageVersion(GroupResource resource)
    {
        lock (_gate)
        {
            ServedResource? any = null;
            foreach (var r in _byPath.Values)
            {
                if (r.Definition.Group == resource.Group && r.Definition.Plural == resource.Resource)
                {
                    if (r.Definition.IsStorageVersion)
                    {
                        return r;
                    }

                    any ??= r;
                }
            }

            return any;
        }
    }

    /// <summary>Any served version of a kind (owner references name kinds, not resources).</summary>
    public ServedResource? FindKindAnyVersion(string group, string kind)
    {
        lock (_gate)
        {
            return _byPath.Values
                .Where(r => r.Definition.Group == group && r.Definition.Kind == kind)
                .OrderByDescending(r => r.Definition.IsStorageVersion)
                .FirstOrDefault();
        }
    }

    public IReadOnlyList<ServedResource> All()
    {
        lock (_gate)
        {
            return [.. _byPath.Values];
        }
    }

    /// <summary>Groups in discovery order, each with its versions (preferred first) and their resources.</summary>
    public IReadOnlyList<ServedGroup> Groups()
    {
        List<ServedResource> all;
        lock (_gate)
        {
            all = [.. _byPath.Values];
        }

        return all
            .GroupBy(r => r.Definition.Group)
            .OrderBy(g => Array.IndexOf(GroupOrder, g.Key) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ServedGroup(
                g.Key,
                g.GroupBy(r => r.Definition.Version)
                    .OrderBy(v => v.Key, KubeVersionComparer.Instance)
                    .Select(v => new ServedGroupVersion(v.Key, v.OrderBy(r => r.Definition.Plural, StringComparer.Ordinal).ToList()))
                    .ToList()))
            .ToList();
    }
}

public sealed record ServedGroup(string Name, IReadOnlyList<ServedGroupVersion> Versions);

public sealed record ServedGroupVersion(string Version, IReadOnlyList<ServedResource> Resources);
