namespace Keel.ApiServer.Storage;

public enum StoreEventType
{
    Added,
    Modified,
    Deleted,
}

/// <summary>
/// One committed change. <see cref="Object"/> is the new state (for a delete: the last state, stamped with
/// the deletion's resource version, as etcd reports it); <see cref="Previous"/> the state before, which
/// lets watchers with selectors see objects enter and leave their view and lets lists be rebuilt at an
/// older resource version.
/// </summary>
public sealed record StoreEvent(StoreEventType Type, StoredObject Object, StoredObject? Previous)
{
    public long ResourceVersion => Object.ResourceVersion;
}
