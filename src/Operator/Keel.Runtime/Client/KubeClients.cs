using k8s;
using Keel.Runtime.Metrics;

namespace Keel.Runtime.Client;

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
