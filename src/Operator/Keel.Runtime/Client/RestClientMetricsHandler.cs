using System.Diagnostics;
using System.Globalization;
using k8s;
using Keel.Runtime.Metrics;

namespace Keel.Runtime.Client;

/// <summary>
/// Counts every request KubernetesClient sends (<c>rest_client_requests_total{code,method,host}</c>, and the latency
/// until response headers, which for watches is the time to open the stream).
/// </summary>
public sealed class RestClientMetricsHandler(RuntimeMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = request.RequestUri?.Authority ?? "";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            metrics.RestClientRequests.WithLabels(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), request.Method.Method, host).Inc();
            return response;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.RestClientRequests.WithLabels("<error>", request.Method.Method, host).Inc();
            throw;
        }
        finally
        {
            metrics.RestClientLatency.WithLabels(request.Method.Method, host).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
