using Keel.ApiServer.Http;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;

namespace Keel.ApiServer.Faults;

/// <summary>A registered fault and how often it has fired.</summary>
public sealed class FaultHandle
{
    private int _matched;
    private int _hits;

    internal FaultHandle(FaultRule rule) => Rule = rule;

    public FaultRule Rule { get; }

    /// <summary>Requests this fault was injected into.</summary>
    public int Hits => Volatile.Read(ref _hits);

    internal bool TryHit(Random random)
    {
        var n = Interlocked.Increment(ref _matched);
        if (n <= Rule.Skip)
        {
            return false;
        }

        if (Rule.Times is { } times && Hits >= times)
        {
            return false;
        }

        if (Rule.Probability < 1.0 && random.NextDouble() >= Rule.Probability)
        {
            return false;
        }

        Interlocked.Increment(ref _hits);
        return true;
    }
}

/// <summary>
/// Fault injection for tests: answer chosen requests with errors, delay them, or cut watch streams;
/// all deterministic under the server's seed. Rules are checked in the order they were added; the
/// first that fires wins.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly List<FaultHandle> _rules = [];
    private readonly Random _random;
    private readonly ObjectStore _store;

    internal FaultInjector(int seed, ObjectStore store)
    {
        _random = new Random(seed);
        _store = store;
    }

    public FaultHandle Add(FaultRule rule)
    {
        var handle = new FaultHandle(rule);
        lock (_gate)
        {
            _rules.Add(handle);
        }

        return handle;
    }

    public void Remove(FaultHandle handle)
    {
        lock (_gate)
        {
            _rules.Remove(handle);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Closes open watch streams now (of one resource, or all); returns how many were closed.</summary>
    public int CloseWatches(string? group = null, string? resource = null) =>
        _store.CloseWatches(resource is null ? null : new GroupResource(group ?? "", resource), WatchCloseReason.Injected);

    internal FaultAction? Evaluate(ApiRequestInfo info, string user)
    {
        lock (_gate)
        {
            foreach (var handle in _rules)
            {
                var r = handle.Rule;
                if ((r.Verb is null || r.Verb == info.Verb) &&
                    (r.Resource is null || r.Resource == info.Resource) &&
                    (r.Subresource is null || r.Subresource == info.Subresource) &&
                    (r.Namespace is null || r.Namespace == info.Namespace) &&
                    (r.Name is null || r.Name == info.Name) &&
                    (r.User is null || r.User == user) &&
                    handle.TryHit(_random))
                {
                    return r.Action;
                }
            }
        }

        return null;
    }

    internal static ApiException ToError(StatusFault fault, ApiRequestInfo info)
    {
        var resource = new GroupResource(info.Group, info.Resource);
        return fault.Code switch
        {
            409 => fault.Message is null ? ApiException.StaleResourceVersion(resource, info.Name) : ApiException.Conflict(resource, info.Name, fault.Message),
            429 => ApiException.TooManyRequests(fault.Message ?? "Too many requests, please try again later.", 1),
            500 => ApiException.Internal(fault.Message ?? "injected fault"),
            503 => ApiException.ServiceUnavailable(fault.Message ?? "the server is currently unable to handle the request"),
            504 => ApiException.Timeout(fault.Message ?? "the server was unable to return a response in the time allotted, but may still be processing the request"),
            404 => ApiException.NotFound(resource, info.Name),
            _ => new ApiException(fault.Code, "InternalError", fault.Message ?? "injected fault"),
        };
    }
}
