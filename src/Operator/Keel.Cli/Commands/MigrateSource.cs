using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Exceptions;
using k8s.Models;
using Keel.Model.Migration;

namespace Keel.Cli.Commands;

/// <summary>
/// Where <c>modelservice migrate</c> reads the ConfigMap preset: a manifest file, or a cluster through a kubeconfig
/// (<c>--kubeconfig</c>, else <c>$KUBECONFIG</c>, else <c>~/.kube/config</c>, as kubectl looks). Every failure is one
/// line that names the file or the object.
/// </summary>
public static class MigrateSource
{
    internal static V1ConfigMap? ReadFile(string path, out string error)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"cannot read {path}: {e.Message}";
            return null;
        }

        var configMap = ConfigMapManifest.Read(text, path, out var errors);
        error = string.Join("; ", errors.Select(e => e.Message));
        return configMap;
    }

    /// <summary>Reads <c>NAMESPACE/NAME</c> from the cluster the kubeconfig points at.</summary>
    internal static async Task<(V1ConfigMap? ConfigMap, string Error)> ReadClusterAsync(string reference, string? kubeconfig, string? context, CancellationToken cancellationToken)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == reference.Length - 1 || reference.IndexOf('/', slash + 1) >= 0)
        {
            return (null, $"--from-cluster wants NAMESPACE/NAME (for example presets/pd-nixl), not \"{reference}\"");
        }

        var (ns, name) = (reference[..slash], reference[(slash + 1)..]);
        var path = KubeconfigPath(kubeconfig);
        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(path, currentContext: context);
        }
        catch (Exception e) when (e is KubeConfigException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or YamlDotNet.Core.YamlException)
        {
            return (null, $"cannot use the kubeconfig {path}{(context is null ? string.Empty : $" (context {context})")}: {e.Message}");
        }

        try
        {
            using var client = new Kubernetes(configuration);
            var configMap = await client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            return (configMap, string.Empty);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, $"ConfigMap {ns}/{name} not found in the cluster at {configuration.Host}");
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            return (null, $"not allowed to read ConfigMap {ns}/{name} at {configuration.Host} ({(int)e.Response.StatusCode} {e.Response.ReasonPhrase}): {FirstLine(e.Response.Content)}");
        }
        catch (HttpOperationException e)
        {
            return (null, $"reading ConfigMap {ns}/{name} at {configuration.Host} failed: {(int)e.Response.StatusCode} {e.Response.ReasonPhrase}: {FirstLine(e.Response.Content)}");
        }
        catch (HttpRequestException e)
        {
            return (null, $"cannot reach the cluster at {configuration.Host}: {e.Message}");
        }
    }

    /// <summary>As kubectl: the flag, else the first file of $KUBECONFIG, else ~/.kube/config.</summary>
    public static string KubeconfigPath(string? flag) => KubeconfigPath(flag, Environment.GetEnvironmentVariable("KUBECONFIG"));

    /// <summary>As <see cref="KubeconfigPath(string?)"/>, with the value of $KUBECONFIG given.</summary>
    public static string KubeconfigPath(string? flag, string? environment)
    {
        if (!string.IsNullOrEmpty(flag))
        {
            return flag;
        }

        if (!string.IsNullOrEmpty(environment))
        {
            return environment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)[0];
        }

        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
    }

    // The API server answers errors with a Status object; its message is what a person needs.
    private static string FirstLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "(no body)";
        }

        try
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(text)?["message"] is System.Text.Json.Nodes.JsonValue message && message.TryGetValue<string>(out var value))
            {
                return value;
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a Status: show the body's first line.
        }

        return text.Split('\n')[0].Trim();
    }
}
