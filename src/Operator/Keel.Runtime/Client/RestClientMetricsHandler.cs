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

/// <summary>Builds KubernetesClient instances wired for the runtime.</summary>
public static class KubeClients
{
    /// <summary>
    /// The configuration to use: an explicit kubeconfig path, else in-cluster (service account), else
    /// <c>$KUBECONFIG</c> or <c>~/.kube/config</c>. Returns null when none of them exists.
    /// </summary>
    public static KubernetesClientConfiguration? FindConfiguration(string? kubeconfigPath = null)
    {
        if (!string.IsNullOrEmpty(kubeconfigPath))
        {
            return KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath);
        }

        if (KubernetesClientConfiguration.IsInCluster())
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        var path = Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator).FirstOrDefault(File.Exists)
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        return File.Exists(path) ? KubernetesClientConfiguration.BuildConfigFromConfigFile(path) : null;
    }

    /// <summary>A client whose requests are counted in <paramref name="metrics"/> (when given).</summary>
    public static Kubernetes Create(KubernetesClientConfiguration configuration, RuntimeMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return metrics is null ? new Kubernetes(configuration) : new Kubernetes(configuration, new RestClientMetricsHandler(metrics));
    }
}
