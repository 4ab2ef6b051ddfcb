namespace Keel.Runtime.Informers;

public enum InformerEventType
{
    /// <summary>The object appeared (or was in the initial list).</summary>
    Added,

    /// <summary>The object changed; <see cref="InformerEvent{T}.OldObject"/> holds the previous state.</summary>
    Updated,

    /// <summary>The object went away; <see cref="InformerEvent{T}.Object"/> is its last known state.</summary>
    Deleted,

    /// <summary>A periodic resync re-delivers an unchanged object so level-triggered controllers re-check it.</summary>
    Resync,
}

/// <summary>A change the informer saw, after the cache was updated with it.</summary>
public sealed record InformerEvent<T>(InformerEventType Type, T Object, T? OldObject = null)
    where T : class
{
    /// <summary>For <see cref="InformerEventType.Added"/>: the object came from a list (initial or replayed), not a watch.</summary>
    public bool IsInInitialList { get; init; }

    /// <summary>
    /// For <see cref="InformerEventType.Deleted"/>: the delete was not seen on a watch but inferred from a re-list after
    /// <c>410 Gone</c>; <see cref="Object"/> is the last state the cache had, which may be stale.
    /// </summary>
    public bool FinalStateUnknown { get; init; }
}
