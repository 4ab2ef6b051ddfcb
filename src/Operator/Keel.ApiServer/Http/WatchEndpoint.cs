using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Hosting;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;
using Keel.ApiServer.Tables;
using Microsoft.AspNetCore.Http;

namespace Keel.ApiServer.Http;

/// <summary>
/// Streams watch events as newline-delimited JSON. Starts from a resource version (replaying history,
/// or an ERROR event with a 410 Status once it is compacted), or from the current state (synthetic
/// ADDED events, optionally closed by the initial-events-end bookmark); filters by namespace and
/// selectors, turning objects that enter or leave the selection into ADDED/DELETED like the watch cache;
/// sends periodic BOOKMARKs; ends at <c>timeoutSeconds</c>, on client disconnect, or when the server
/// closes a slow or fault-injected stream.
/// </summary>
public sealed class WatchEndpoint
{
    private static readonly byte[] Newline = "\n"u8.ToArray();
    private readonly ApiServerCore _core;

    public WatchEndpoint(ApiServerCore core) => _core = core;

    /// <summary>Set by fault injection: closes the stream after this many events.</summary>
    public const string CloseAfterEventsItem = "keel.watch.closeAfterEvents";

    /// <summary>How long before a watch's timeout its last bookmark is sent (the real watch cache uses 2 s).</summary>
    private static readonly TimeSpan PreTimeoutBookmark = TimeSpan.FromSeconds(2);

    public async Task HandleAsync(HttpContext context, ServedResource resource, ApiRequestInfo info, ResponseShape shape,
        TableObjectPolicy include, CancellationToken ct)
    {
        var query = context.Request.Query;
        var list = RequestOptions.List(context.Request, info.Name);
        list.Fields.CheckSupported(resource.Definition.SelectableFields, resource.Definition.Kind);
        var options = _core.Options;
        var bookmarks = ApiRequestInfo.IsTrue(query["allowWatchBookmarks"]);
        var sendInitialText = query["sendInitialEvents"].ToString();
        var rvText = list.ResourceVersion;
        bool sendInitial = sendInitialText.Length > 0 ? ApiRequestInfo.IsTrue(sendInitialText) : rvText is null or "0";
        var initialEndBookmark = sendInitialText.Length > 0 && sendInitial;
        if (initialEndBookmark && (list.ResourceVersionMatch != "NotOlderThan" || !bookmarks))
        {
            throw ApiException.Invalid(new GroupVersionKind("meta.k8s.io", "v1", "ListOptions"), "",
                [FieldViolation.Forbidden("sendInitialEvents", "sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled and resourceVersionMatch is NotOlderThan and allowWatchBookmarks is true")]);
        }

        long? from = null;
        if (!sendInitial && rvText is not null && rvText != "0")
        {
            from = ObjectLister.ParseVersion(rvText);
        }
        else if (sendInitial && rvText is not null && rvText != "0")
        {
            await _core.Lister.WaitForVersionAsync(ObjectLister.ParseVersion(rvText), ct);
        }

        var timeout = query["timeoutSeconds"].ToString() is { Length: > 0 } t && int.TryParse(t, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : options.DefaultWatchTimeout;
        var ns = resource.Namespaced && info.Namespace.Length > 0 ? info.Namespace : null;
        var (result, subscription) = _core.Store.Watch(resource.GroupResource, ns, from, sendInitial, options.WatchBufferSize);

        context.Response.StatusCode = 200;
        context.Response.ContentType = MediaTypes.Json;
        context.Response.Headers.CacheControl = "no-cache, private";
        await context.Response.StartAsync(ct);
        var stream = new EventStream(context, resource, shape, include, _core.Clock, list);
        if (result == StoreResult.Expired)
        {
            var error = ApiException.Expired($"too old resource version: {from} ({_core.Store.CompactedThrough + 1})");
            await stream.WriteRawAsync("ERROR", error.ToStatus(), ct);
            return;
        }

        if (result == StoreResult.TooNew)
        {
            await stream.WriteRawAsync("ERROR", _core.Lister.TooLarge(from!.Value).ToStatus(), ct);
            return;
        }

        using var registration = subscription!;
        var closeAfter = context.Items.TryGetValue(CloseAfterEventsItem, out var limit) && limit is int n ? n : int.MaxValue;
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        var token = timeoutSource.Token;
        try
        {
            foreach (var e in registration.Backlog)
            {
                if (await stream.WriteAsync(e, token) && --closeAfter <= 0)
                {
                    return;
                }
            }

            var lastVersion = registration.StartResourceVersion;
            if (initialEndBookmark)
            {
                await stream.WriteBookmarkAsync(lastVersion, initialEventsEnd: true, token);
            }

            await stream.FlushAsync(token);
            // As the real watch cache does: periodic bookmarks, and one shortly before timeoutSeconds ends the
            // stream, so a client resumes from a recent version instead of one that may be compacted (410).
            var deadline = _core.Clock.GetUtcNow() + timeout;
            DateTimeOffset NextBookmark()
            {
                var periodic = _core.Clock.GetUtcNow() + options.BookmarkInterval;
                var beforeTimeout = deadline - PreTimeoutBookmark;
                return beforeTimeout < periodic && beforeTimeout > _core.Clock.GetUtcNow() ? beforeTimeout : periodic;
            }

            var nextBookmark = NextBookmark();
            var reader = registration.Events;
            while (!token.IsCancellationRequested)
            {
                while (reader.TryRead(out var e))
                {
                    lastVersion = e.ResourceVersion;
                    if (await stream.WriteAsync(e, token) && --closeAfter <= 0)
                    {
                        await stream.FlushAsync(token);
                        return;
                    }
                }

                if (bookmarks && _core.Clock.GetUtcNow() >= nextBookmark)
                {
                    // Everything up to the store's current version has been delivered into the channel
                    // (delivery happens under the store lock) and drained above, so the bookmark is safe.
                    var version = Math.Max(lastVersion, _core.Store.CurrentResourceVersion);
                    if (!reader.TryPeek(out _))
                    {
                        await stream.WriteBookmarkAsync(version, initialEventsEnd: false, token);
                        lastVersion = version;
                    }

                    nextBookmark = NextBookmark();
                }

                await stream.FlushAsync(token);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(token);
                wait.CancelAfter(bookmarks ? TimeSpan.FromTicks(Math.Max(0, (nextBookmark - _core.Clock.GetUtcNow()).Ticks)) : Timeout.InfiniteTimeSpan);
                try
                {
                    if (!await reader.WaitToReadAsync(wait.Token))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    // Bookmark tick.
                }
            }
        }
        catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
        {
            // timeoutSeconds elapsed: end the stream normally, as the real server does.
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
        catch (IOException)
        {
            // The client went away mid-write.
        }
    }

    /// <summary>Serializes events for one watcher, applying its filter and the requested shape.</summary>
    private sealed class EventStream(HttpContext context, ServedResource resource, ResponseShape shape, TableObjectPolicy include,
        TimeProvider clock, ListRequest filter)
    {
        private static readonly byte[] AddedPrefix = "{\"type\":\"ADDED\",\"object\":"u8.ToArray();
        private static readonly byte[] ModifiedPrefix = "{\"type\":\"MODIFIED\",\"object\":"u8.ToArray();
        private static readonly byte[] DeletedPrefix = "{\"type\":\"DELETED\",\"object\":"u8.ToArray();
        private static readonly byte[] Suffix = "}\n"u8.ToArray();
        private bool _columnsSent;

        /// <summary>Writes the event if it concerns this watcher; true when something was written.</summary>
        public async Task<bool> WriteAsync(StoreEvent e, CancellationToken ct)
        {
            var matchesNow = ObjectLister.Matches(e.Object, filter);
            var matchedBefore = e.Previous is not null && ObjectLister.Matches(e.Previous, filter);
            (string Type, StoredObject Object)? output = e.Type switch
            {
                StoreEventType.Added when matchesNow => ("ADDED", e.Object),
                StoreEventType.Modified when matchesNow && matchedBefore => ("MODIFIED", e.Object),
                StoreEventType.Modified when matchesNow => ("ADDED", e.Object),
                StoreEventType.Modified when matchedBefore => ("DELETED", e.Object),
                StoreEventType.Deleted when matchedBefore || matchesNow => ("DELETED", e.Object),
                _ => null,
            };
            if (output is not { } o)
            {
                return false;
            }

            if (shape == ResponseShape.Object)
            {
                var body = context.Response.Body;
                await body.WriteAsync(o.Type switch { "ADDED" => AddedPrefix, "MODIFIED" => ModifiedPrefix, _ => DeletedPrefix }, ct);
                await body.WriteAsync(ObjectOutput.BytesAtVersion(o.Object, resource), ct);
                await body.WriteAsync(Suffix, ct);
                return true;
            }

            JsonNode shaped;
            if (shape == ResponseShape.Table)
            {
                var table = resource.Table.Convert([ObjectOutput.AtVersion(o.Object.Object, resource)],
                    new JsonObject { ["resourceVersion"] = o.Object.ResourceVersion.ToString(CultureInfo.InvariantCulture) },
                    clock.GetUtcNow(), include, includeColumns: !_columnsSent);
                _columnsSent = true;
                shaped = table;
            }
            else
            {
                shaped = ObjectOutput.Shape(o.Object.Object, resource, shape, include, clock.GetUtcNow());
            }

            await WriteRawAsync(o.Type, shaped, ct);
            return true;
        }

        public async Task WriteBookmarkAsync(long version, bool initialEventsEnd, CancellationToken ct)
        {
            var metadata = new JsonObject
            {
                ["resourceVersion"] = version.ToString(CultureInfo.InvariantCulture),
                ["creationTimestamp"] = null,
            };
            if (initialEventsEnd)
            {
                metadata["annotations"] = new JsonObject { ["k8s.io/initial-events-end"] = "true" };
            }

            var obj = new JsonObject
            {
                ["kind"] = resource.Definition.Kind,
                ["apiVersion"] = resource.Definition.ApiVersion,
                ["metadata"] = metadata,
            };
            await WriteRawAsync("BOOKMARK", obj, ct);
        }

        public async Task WriteRawAsync(string type, JsonNode obj, CancellationToken ct)
        {
            var line = new JsonObject { ["type"] = type, ["object"] = obj };
            await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(line, JsonDefaults.Options), ct);
            await context.Response.Body.WriteAsync(Newline, ct);
            await context.Response.Body.FlushAsync(ct);
        }

        public Task FlushAsync(CancellationToken ct) => context.Response.Body.FlushAsync(ct);
    }
}
