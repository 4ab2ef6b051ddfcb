using System.Globalization;
using System.Text.Json.Nodes;
using Keel.ApiServer.Http;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;

namespace Keel.ApiServer.Operations;

/// <summary>A page of a list: the matching objects, the version it was read at, and how to get the rest.</summary>
public sealed record ListPage(IReadOnlyList<StoredObject> Items, long ResourceVersion, string? Continue, long? RemainingItemCount);

/// <summary>
/// Lists with the real server's resourceVersion semantics (unset: latest; "0": any; with
/// <c>resourceVersionMatch=Exact</c>: that version, rebuilt from history; otherwise not older than it),
/// label and field selectors, and consistent pagination: every page of a list is read at the first
/// page's resource version, and a continue token past the compaction window answers 410.
/// </summary>
public sealed class ObjectLister
{
    private readonly ObjectStore _store;

    public ObjectLister(ObjectStore store) => _store = store;

    public async Task<ListPage> ListAsync(ServedResource resource, string? ns, ListRequest request, CancellationToken ct)
    {
        request.Fields.CheckSupported(resource.Definition.SelectableFields, resource.Definition.Kind);
        List<StoredObject> items;
        long version;
        var startAfter = "";
        if (request.Continue is { Length: > 0 } token)
        {
            var decoded = ContinueToken.Decode(token);
            startAfter = decoded.StartKey;
            (var result, items) = _store.ListAt(resource.GroupResource, ns, decoded.ResourceVersion);
            if (result == StoreResult.Expired)
            {
                var fresh = new ContinueToken(_store.CurrentResourceVersion, decoded.StartKey).Encode();
                throw new ApiException(410, "Expired",
                    "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.")
                {
                    ListMetadata = new JsonObject { ["continue"] = fresh },
                };
            }

            version = decoded.ResourceVersion;
        }
        else if (request.ResourceVersionMatch == "Exact")
        {
            version = ParseVersion(request.ResourceVersion);
            (var result, items) = _store.ListAt(resource.GroupResource, ns, version);
            if (result == StoreResult.Expired)
            {
                throw ApiException.Expired($"The resourceVersion for the provided list is too old.");
            }

            if (result == StoreResult.TooNew)
            {
                throw TooLarge(version);
            }
        }
        else
        {
            if (request.ResourceVersion is { Length: > 0 } rv && rv != "0")
            {
                await WaitForVersionAsync(ParseVersion(rv), ct);
            }

            (items, version) = _store.List(resource.GroupResource, ns);
        }

        var filtered = items.Where(o => Matches(o, request)).ToList();
        var start = startAfter.Length == 0 ? 0 : FirstAfter(filtered, startAfter);
        if (request.Limit <= 0 || start + request.Limit >= filtered.Count)
        {
            return new ListPage(filtered.GetRange(start, filtered.Count - start), version, null, null);
        }

        var page = filtered.GetRange(start, (int)request.Limit);
        var remaining = filtered.Count - start - page.Count;
        var unfiltered = request.Labels.IsEverything && request.Fields.IsEverything;
        return new ListPage(page, version, new ContinueToken(version, page[^1].Key).Encode(), unfiltered ? remaining : null);
    }

    public static bool Matches(StoredObject o, ListRequest request) =>
        (request.Labels.IsEverything || request.Labels.Matches(Meta.Labels(o.Object))) &&
        (request.Fields.IsEverything || request.Fields.Matches(o.Object));

    /// <summary>A version newer than the store's: wait briefly (the real server waits for its cache), then 504.</summary>
    public async Task WaitForVersionAsync(long version, CancellationToken ct)
    {
        for (var waited = 0; _store.CurrentResourceVersion < version; waited += 50)
        {
            if (waited >= 3000)
            {
                throw TooLarge(version);
            }

            await Task.Delay(50, ct);
        }
    }

    public ApiException TooLarge(long version) =>
        ApiException.Timeout($"Too large resource version: {version}, current: {_store.CurrentResourceVersion}",
            new JsonObject
            {
                ["causes"] = new JsonArray(new JsonObject { ["reason"] = "ResourceVersionTooLarge", ["message"] = "Too large resource version" }),
                ["retryAfterSeconds"] = 1,
            });

    public static long ParseVersion(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw ApiException.BadRequest($"resourceVersion: Invalid value: \"{text}\": must be a non-negative integer");

    private static int FirstAfter(List<StoredObject> sorted, string key)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(sorted[mid].Key, key) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
