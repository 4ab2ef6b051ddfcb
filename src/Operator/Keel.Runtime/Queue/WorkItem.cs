namespace Keel.Runtime.Queue;

/// <summary>What <see cref="WorkQueue{TKey}.GetAsync"/> hands out: an item, or the news that the queue is shut down.</summary>
public readonly record struct WorkItem<TKey>(TKey Key, bool IsShutdown)
{
    public static WorkItem<TKey> Shutdown => new(default!, true);
}
