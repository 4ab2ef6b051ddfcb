using System.Collections.Concurrent;

namespace Keel.ApiServer.Observability;

/// <summary>One request as the server saw it.</summary>
public sealed record RecordedRequest(
    long Sequence,
    DateTimeOffset Time,
    string User,
    string Verb,
    string Group,
    string Resource,
    string Subresource,
    string Namespace,
    string Name,
    int StatusCode)
{
    public bool IsWrite => Verb is "create" or "update" or "patch" or "delete" or "deletecollection";
}

/// <summary>
/// Counts and logs requests per verb, resource and user, so tests can assert on traffic ("a no-op
/// reconcile sends zero writes"). Take a <see cref="Mark"/> before the interesting part and query
/// <see cref="Since"/> after it. The log keeps the most recent <c>capacity</c> entries; counters never reset
/// unless <see cref="Clear"/> is called.
/// </summary>
public sealed class RequestRecorder
{
    private readonly ConcurrentQueue<RecordedRequest> _log = new();
    private readonly ConcurrentDictionary<(string Verb, string Resource, string User), long> _counts = new();
    private readonly int _capacity;
    private long _sequence;

    public RequestRecorder(int capacity = 100_000) => _capacity = capacity;

    public long Mark() => Interlocked.Read(ref _sequence);

    internal void Record(DateTimeOffset time, string user, Http.ApiRequestInfo info, int statusCode)
    {
        var entry = new RecordedRequest(Interlocked.Increment(ref _sequence), time, user, info.Verb, info.Group,
            info.IsResourceRequest ? info.Resource : info.Path, info.Subresource, info.Namespace, info.Name, statusCode);
        _log.Enqueue(entry);
        while (_log.Count > _capacity && _log.TryDequeue(out _))
        {
        }

        _counts.AddOrUpdate((entry.Verb, entry.Resource, user), 1, (_, n) => n + 1);
    }

    /// <summary>Requests logged after <paramref name="mark"/>, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Since(long mark) => _log.Where(r => r.Sequence > mark).OrderBy(r => r.Sequence).ToList();

    public IReadOnlyList<RecordedRequest> All => Since(0);

    /// <summary>Total requests matching verb, resource and user (null matches any).</summary>
    public long Count(string? verb = null, string? resource = null, string? user = null) =>
        _counts.Where(p => (verb is null || p.Key.Verb == verb) && (resource is null || p.Key.Resource == resource) && (user is null || p.Key.User == user))
            .Sum(p => p.Value);

    /// <summary>Writes (create, update, patch, delete, deletecollection) after <paramref name="mark"/>, optionally by one user.</summary>
    public IReadOnlyList<RecordedRequest> WritesSince(long mark, string? user = null) =>
        Since(mark).Where(r => r.IsWrite && (user is null || r.User == user)).ToList();

    public void Clear()
    {
        _log.Clear();
        _counts.Clear();
    }
}
