using System.Net;
using k8s;
using k8s.Models;
using Keel.Runtime.Cache;
using Keel.Runtime.Client;
using Keel.Runtime.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Runtime.Informers;

/// <summary>
/// Keeps an <see cref="ObjectStore{T}"/> in step with the API server for one kind and tells handlers what changed
/// (client-go's reflector + shared informer):
/// list (paged), then watch from the list's resourceVersion with bookmarks; resume from the last resourceVersion
/// seen (bookmarks advance it) when a watch ends; on <c>410 Gone</c> re-list and synthesize the deletes and updates
/// that were missed; reconnect after failures with exponential backoff and jitter; replace a watch that goes silent
/// (idle watchdog) or outlives its randomized <c>timeoutSeconds</c>.
/// </summary>
public sealed class Informer<T> : IInformer
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly string KindName = typeof(T).Name;
    private readonly IListWatchClient<T> _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Random _random;
    private readonly Lock _dispatchGate = new();
    private readonly List<Action<InformerEvent<T>>> _handlers = [];
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _resourceVersion;

    public Informer(IListWatchClient<T> client, InformerOptions? options = null, ILogger? logger = null,
        TimeProvider? time = null, Random? random = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Options = options ?? new InformerOptions();
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _random = random ?? Random.Shared;
    }

    public InformerOptions Options { get; }

    public ObjectStore<T> Store { get; } = new();

    public InformerStats Stats { get; } = new();

    public Type ObjectType => typeof(T);

    /// <summary>True once the first list is in the store and its events were delivered.</summary>
    public bool HasSynced => _synced.Task.IsCompleted;

    /// <summary>The resourceVersion the next watch resumes from.</summary>
    public string? LastSyncResourceVersion => Volatile.Read(ref _resourceVersion);

    public Task WaitForSyncAsync(CancellationToken cancellationToken = default) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>
    /// Registers a handler. If the informer has already synced, the handler first receives every cached object as
    /// <see cref="InformerEventType.Added"/> (with <see cref="InformerEvent{T}.IsInInitialList"/>), then live changes.
    /// Handlers run on the informer's loop: they must be quick and must not block (enqueue work, do not do it).
    /// Dispose the result to unregister.
    /// </summary>
    public IDisposable AddHandler(Action<InformerEvent<T>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_dispatchGate)
        {
            _handlers.Add(handler);
            if (HasSynced)
            {
                foreach (var obj in Store.List())
                {
                    Invoke(handler, new InformerEvent<T>(InformerEventType.Added, obj) { IsInInitialList = true });
                }
            }
        }

        return new Registration(this, handler);
    }

    /// <summary>Runs the list-watch loop until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(Options.Backoff, _random);
        using var resync = StartResyncTimer();
        string? resumeFrom = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            TimeSpan? delay = null;
            try
            {
                resumeFrom ??= await ListAndReplaceAsync(cancellationToken).ConfigureAwait(false);
                var outcome = await WatchAsync(resumeFrom, cancellationToken).ConfigureAwait(false);
                switch (outcome.End)
                {
                    case WatchEnd.Expired:
                        resumeFrom = null;
                        break;
                    case WatchEnd.Closed when outcome.Events == 0 && outcome.Lasted < TimeSpan.FromSeconds(1):
                        // A server that ends watches at once would make us spin: treat it as a failure.
                        resumeFrom = outcome.ResourceVersion;
                        delay = backoff.Next();
                        break;
                    case WatchEnd.Closed or WatchEnd.IdleTimeout:
                        resumeFrom = outcome.ResourceVersion;
                        backoff.Reset();
                        break;
                    default:
                        resumeFrom = outcome.ResourceVersion;
                        delay = backoff.Next();
                        break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The loop must survive any failure: it logs, backs off and tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                if (ApiErrors.IsGone(e) && resumeFrom is not null)
                {
                    // The resourceVersion is too old: re-list at once, as a watch ERROR 410 would.
                    Stats.ExpiredSeen();
                    resumeFrom = null;
                    _logger.LogInformation("{Kind}: resourceVersion expired (410 Gone); re-listing", KindName);
                    continue;
                }

                Stats.FailureSeen();
                delay = backoff.Next();
                if (ApiErrors.RetryAfterOf(e) is { } retryAfter && retryAfter > delay)
                {
                    delay = retryAfter;
                }

                _logger.LogWarning(e, "List/watch of {Kind} failed ({Error}); retrying in {Delay}", KindName, ApiErrors.Describe(e), delay);
            }

            if (delay is { } wait)
            {
                try
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task<string> ListAndReplaceAsync(CancellationToken cancellationToken)
    {
        var (items, resourceVersion) = await ListAllAsync(cancellationToken).ConfigureAwait(false);
        var firstSync = !HasSynced;
        lock (_dispatchGate)
        {
            var delta = Store.Replace(items);
            foreach (var obj in delta.Added)
            {
                Dispatch(new InformerEvent<T>(InformerEventType.Added, obj) { IsInInitialList = firstSync });
            }

            foreach (var (old, current) in delta.Updated)
            {
                Dispatch(new InformerEvent<T>(InformerEventType.Updated, current, old));
            }

            foreach (var gone in delta.Removed)
            {
                Dispatch(new InformerEvent<T>(InformerEventType.Deleted, gone) { FinalStateUnknown = true });
            }

            if (!firstSync && (delta.Removed.Count > 0 || delta.Updated.Count > 0 || delta.Added.Count > 0))
            {
                _logger.LogInformation("Re-list of {Kind} caught up on {Added} added, {Updated} changed and {Removed} deleted objects",
                    KindName, delta.Added.Count, delta.Updated.Count, delta.Removed.Count);
            }
        }

        Stats.ListCompleted();
        Volatile.Write(ref _resourceVersion, resourceVersion);
        _synced.TrySetResult();
        return resourceVersion;
    }

    private async Task<(List<T> Items, string ResourceVersion)> ListAllAsync(CancellationToken cancellationToken)
    {
        var request = new ListRequest(Options.Namespace, Options.LabelSelector, Options.FieldSelector, Options.PageSize);
        var items = new List<T>();
        string? continueToken = null;
        var resourceVersion = "";
        do
        {
            ListPage<T> page;
            try
            {
                page = await _client.ListAsync(request, continueToken, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (continueToken is not null && ApiErrors.IsGone(e))
            {
                // The continue token expired between pages: start over with one unpaged list.
                _logger.LogInformation("Paged list of {Kind} expired between pages; listing again in one request", KindName);
                request = request with { Limit = null };
                items.Clear();
                continueToken = null;
                continue;
            }

            items.AddRange(page.Items);
            continueToken = page.Continue;
            resourceVersion = page.ResourceVersion;
        }
        while (continueToken is not null);

        return (items, resourceVersion);
    }

    private async Task<WatchOutcome> WatchAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        var timeoutSeconds = (int)Math.Max(1, Options.MinWatchTimeout.TotalSeconds * (1 + _random.NextDouble()));
        var request = new WatchRequest(Options.Namespace, Options.LabelSelector, Options.FieldSelector, resourceVersion, timeoutSeconds, AllowBookmarks: true);
        var started = _time.GetTimestamp();
        var events = 0;
        var last = resourceVersion;

        // The watchdog: reset on every event; also a hard stop a little after the server should have ended the watch.
        using var idle = new CancellationTokenSource(Options.WatchIdleTimeout, _time);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds) + Options.WatchIdleTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token, deadline.Token);
        Stats.WatchOpened();
        try
        {
            await foreach (var e in _client.WatchAsync(request, linked.Token).ConfigureAwait(false))
            {
                idle.CancelAfter(Options.WatchIdleTimeout);
                switch (e.Kind)
                {
                    case WatchEventKind.Error:
                        return HandleWatchError(e.Status, last, events, started);
                    case WatchEventKind.Bookmark:
                        Stats.BookmarkSeen();
                        last = e.ResourceVersion ?? last;
                        break;
                    default:
                        events++;
                        Stats.EventSeen();
                        Apply(e);
                        last = e.ResourceVersion ?? last;
                        break;
                }

                Volatile.Write(ref _resourceVersion, last);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Stats.IdleTimeoutSeen();
            _logger.LogInformation("Watch of {Kind} was silent for {Idle} (or outlived its timeout); reconnecting from resourceVersion {ResourceVersion}",
                KindName, Options.WatchIdleTimeout, last);
            return new WatchOutcome(WatchEnd.IdleTimeout, last, events, _time.GetElapsedTime(started));
        }

        return new WatchOutcome(WatchEnd.Closed, last, events, _time.GetElapsedTime(started));
    }

    private WatchOutcome HandleWatchError(V1Status? status, string last, int events, long started)
    {
        if (status?.Code == (int)HttpStatusCode.Gone || status?.Reason is "Expired" or "Gone")
        {
            Stats.ExpiredSeen();
            _logger.LogInformation("Watch of {Kind} expired at resourceVersion {ResourceVersion} (410 Gone); re-listing", KindName, last);
            return new WatchOutcome(WatchEnd.Expired, last, events, _time.GetElapsedTime(started));
        }

        Stats.FailureSeen();
        _logger.LogWarning("Watch of {Kind} ended with an error: {Code} {Reason} {Message}", KindName, status?.Code, status?.Reason, status?.Message);
        return new WatchOutcome(WatchEnd.Error, last, events, _time.GetElapsedTime(started));
    }

    private void Apply(WatchEvent<T> e)
    {
        var obj = e.Object;
        if (obj?.Metadata?.Name is null)
        {
            return;
        }

        lock (_dispatchGate)
        {
            if (e.Kind == WatchEventKind.Deleted)
            {
                var old = Store.Remove(ObjectKey.From(obj));
                Dispatch(new InformerEvent<T>(InformerEventType.Deleted, obj, old));
                return;
            }

            var previous = Store.Upsert(obj);
            Dispatch(previous is null
                ? new InformerEvent<T>(InformerEventType.Added, obj)
                : new InformerEvent<T>(InformerEventType.Updated, obj, previous));
        }
    }

    private ITimer? StartResyncTimer()
    {
        if (Options.ResyncPeriod is not { } period || period <= TimeSpan.Zero)
        {
            return null;
        }

        return _time.CreateTimer(_ => Resync(), null, period, period);
    }

    /// <summary>Re-delivers every cached object as <see cref="InformerEventType.Resync"/> (what the resync timer does).</summary>
    public void Resync()
    {
        if (!HasSynced)
        {
            return;
        }

        lock (_dispatchGate)
        {
            foreach (var obj in Store.List())
            {
                Dispatch(new InformerEvent<T>(InformerEventType.Resync, obj, obj));
            }
        }
    }

    private void Dispatch(InformerEvent<T> e)
    {
        foreach (var handler in _handlers)
        {
            Invoke(handler, e);
        }
    }

    private void Invoke(Action<InformerEvent<T>> handler, InformerEvent<T> e)
    {
        try
        {
            handler(e);
        }
#pragma warning disable CA1031 // One broken handler must not stop the informer or the other handlers.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogError(ex, "An event handler for {Kind} failed on {Type} {Key}", KindName, e.Type, ObjectKey.From(e.Object));
        }
    }

    private void RemoveHandler(Action<InformerEvent<T>> handler)
    {
        lock (_dispatchGate)
        {
            _handlers.Remove(handler);
        }
    }

    private enum WatchEnd
    {
        Closed,
        Expired,
        IdleTimeout,
        Error,
    }

    private sealed record WatchOutcome(WatchEnd End, string ResourceVersion, int Events, TimeSpan Lasted);

    private sealed class Registration(Informer<T> owner, Action<InformerEvent<T>> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.RemoveHandler(handler);
            }
        }
    }
}
