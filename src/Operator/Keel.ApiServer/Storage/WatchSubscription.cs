using System.Threading.Channels;
using Keel.ApiServer.Resources;

namespace Keel.ApiServer.Storage;

/// <summary>
/// A registered watcher: the events it missed (replayed from history or the current state, captured
/// atomically with registration) and a bounded channel of live events. A watcher that falls more than
/// its buffer behind is closed rather than allowed to grow memory without limit; its client re-watches
/// from the last resource version it saw.
/// </summary>
public sealed class WatchSubscription : IDisposable
{
    private readonly Channel<StoreEvent> _channel;
    private readonly Action<WatchSubscription> _unregister;
    private int _closed;

    internal WatchSubscription(GroupResource resource, string? ns, int bufferSize, Action<WatchSubscription> unregister)
    {
        Resource = resource;
        Namespace = ns;
        _unregister = unregister;
        _channel = Channel.CreateBounded<StoreEvent>(new BoundedChannelOptions(bufferSize)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public GroupResource Resource { get; }

    /// <summary>Null: all namespaces.</summary>
    public string? Namespace { get; }

    /// <summary>Events before live delivery starts: replayed history, or ADDED for each current object.</summary>
    public IReadOnlyList<StoreEvent> Backlog { get; internal set; } = [];

    /// <summary>The store's resource version when the watch was registered.</summary>
    public long StartResourceVersion { get; internal set; }

    public ChannelReader<StoreEvent> Events => _channel.Reader;

    /// <summary>Why the stream was closed by the server, if it was.</summary>
    public WatchCloseReason? CloseReason { get; private set; }

    /// <summary>Called under the store lock, in resource-version order.</summary>
    internal void Deliver(StoreEvent e)
    {
        if (!_channel.Writer.TryWrite(e))
        {
            Close(WatchCloseReason.Overflow);
        }
    }

    /// <summary>Ends the stream from the server side (slow consumer, fault injection, shutdown).</summary>
    public void Close(WatchCloseReason reason)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        CloseReason = reason;
        _channel.Writer.TryComplete();
        _unregister(this);
    }

    public void Dispose() => Close(WatchCloseReason.ClientGone);
}

public enum WatchCloseReason
{
    ClientGone,
    Overflow,
    Injected,
    Shutdown,
}
