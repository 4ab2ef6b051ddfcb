using k8s;
using k8s.Models;
using Keel.Runtime.Resources;

namespace Keel.Runtime.Cache;

/// <summary>
/// Read access to the shared cache of one kind. Objects come back as deep copies (unless the cache was built with
/// <see cref="CacheOptions.CopyOnRead"/> off), so a caller may change what it gets without touching the cache;
/// <see cref="Peek"/> skips the copy for hot read-only paths and its result must never be mutated.
/// </summary>
public interface IObjectCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>True once the kind's first list has been loaded.</summary>
    bool HasSynced { get; }

    T? Get(ObjectKey key);

    /// <summary>The cached object itself, not a copy: read it, never change it.</summary>
    T? Peek(ObjectKey key);

    /// <summary>Objects in <paramref name="namespace"/> (null: every namespace) matching <paramref name="selector"/>.</summary>
    IReadOnlyList<T> List(string? @namespace = null, LabelSelector? selector = null);

    /// <summary>Objects that an index function mapped to <paramref name="value"/>.</summary>
    IReadOnlyList<T> ByIndex(string indexName, string value);

    IReadOnlyList<ObjectKey> KeysByIndex(string indexName, string value);

    /// <summary>Objects whose controlling owner has uid <paramref name="ownerUid"/> (the <see cref="IndexNames.ControllerUid"/> index).</summary>
    IReadOnlyList<T> ControlledBy(string ownerUid);

    /// <summary>Adds an index to the kind's shared store (e.g. ModelServices by preset reference).</summary>
    void AddIndex(string name, Func<T, IEnumerable<string>> indexFunc);
}
