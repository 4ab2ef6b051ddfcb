namespace Keel.Operator.Scale;

/// <summary>Counts the operator's requests as it sends them: reads (get, list), watches, and writes by verb.</summary>
internal sealed class RequestCounter : DelegatingHandler
{
    private long _reads;
    private long _watches;
    private long _writes;
    private long _eventWrites;

    public (long Reads, long Watches, long Writes, long EventWrites) Snapshot() =>
        (Interlocked.Read(ref _reads), Interlocked.Read(ref _watches), Interlocked.Read(ref _writes), Interlocked.Read(ref _eventWrites));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri?.ToString() ?? string.Empty;
        if (request.Method == HttpMethod.Get)
        {
            Interlocked.Increment(ref uri.Contains("watch=true", StringComparison.Ordinal) ? ref _watches : ref _reads);
        }
        else
        {
            Interlocked.Increment(ref _writes);
            if (uri.Contains("/events", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _eventWrites);
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
