using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using Keel.Runtime.Informers;
using Keel.Runtime.Resources;

namespace Keel.Runtime.Tests.Support;

/// <summary>
/// A scripted API for informer unit tests: lists answer from <see cref="Objects"/>, each watch is a channel the
/// test writes to (events, errors, close) or leaves silent.
/// </summary>
internal sealed class FakeListWatch<T> : IListWatchClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>, new()
{
    private readonly ConcurrentQueue<Channel<WatchEvent<T>>> _pending = new();
    private long _resourceVersion = 100;

    public ConcurrentDictionary<ObjectKey, T> Objects { get; } = new();

    public ConcurrentQueue<WatchRequest> WatchRequests { get; } = new();

    public int Lists => _lists;

    public Channel<WatchEvent<T>>? Current { get; private set; }

    public Exception? FailNextList { get; set; }

    private int _lists;

    public string NextResourceVersion() => Interlocked.Increment(ref _resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Puts an object in the fake's state (as the server would after a write), with a fresh resourceVersion.</summary>
    public T Store(T obj)
    {
        obj.Metadata.ResourceVersion = NextResourceVersion();
        Objects[ObjectKey.From(obj)] = obj;
        return obj;
    }

    public Task<ListPage<T>> ListAsync(ListRequest request, string? continueToken, CancellationToken cancellationToken)
    {
        if (FailNextList is { } failure)
        {
            FailNextList = null;
            return Task.FromException<ListPage<T>>(failure);
        }

        Interlocked.Increment(ref _lists);
        var items = Objects.Values.Select(KubeObject.DeepCopy).ToList();
        return Task.FromResult(new ListPage<T>(items, Interlocked.Read(ref _resourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture), null));
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(WatchRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        WatchRequests.Enqueue(request);
        var channel = Channel.CreateUnbounded<WatchEvent<T>>();
        Current = channel;
        await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return e;
        }
    }

    public void Send(WatchEventKind kind, T obj) => Current!.Writer.TryWrite(new WatchEvent<T>(kind, KubeObject.DeepCopy(obj)));

    public void Bookmark(string resourceVersion)
        => Current!.Writer.TryWrite(new WatchEvent<T>(WatchEventKind.Bookmark, new T { Metadata = new V1ObjectMeta { ResourceVersion = resourceVersion } }));

    public void Expire() => Current!.Writer.TryWrite(new WatchEvent<T>(WatchEventKind.Error, null, new V1Status { Code = 410, Reason = "Expired", Message = "too old resource version" }));

    public void Close() => Current!.Writer.TryComplete();
}
