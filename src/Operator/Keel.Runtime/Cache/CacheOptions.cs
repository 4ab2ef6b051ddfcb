using Keel.Runtime.Informers;

namespace Keel.Runtime.Cache;

/// <summary>Settings of the shared cache.</summary>
public sealed record CacheOptions
{
    /// <summary>Watch one namespace only; null (the default) watches all namespaces. Cluster-scoped kinds ignore it.</summary>
    public string? Namespace { get; init; }

    /// <summary>The list/watch settings every kind starts from; <see cref="InformerCache.ConfigureKind{T}"/> overrides them per kind.</summary>
    public InformerOptions Informer { get; init; } = new();

    /// <summary>
    /// Hand out deep copies (the default), so no caller can change the cache by accident. Turning it off saves the
    /// copies; callers must then treat every cached object as read-only.
    /// </summary>
    public bool CopyOnRead { get; init; } = true;
}
