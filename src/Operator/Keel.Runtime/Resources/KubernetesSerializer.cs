using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;

namespace Keel.Runtime.Resources;

/// <summary>
/// JSON the way KubernetesClient writes it (camelCase, nulls omitted, Kubernetes date and quantity formats),
/// for the places where the runtime needs a JSON tree of a typed object (apply comparison, deep copies).
/// </summary>
public static class KubernetesSerializer
{
    private static readonly Lazy<JsonSerializerOptions> LazyOptions = new(CaptureClientOptions);

    /// <summary>The serializer options KubernetesClient itself uses (captured once, read-only).</summary>
    public static JsonSerializerOptions Options => LazyOptions.Value;

    public static JsonNode ToNode(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return JsonSerializer.SerializeToNode(obj, obj.GetType(), Options) ?? new JsonObject();
    }

    public static T FromNode<T>(JsonNode node) => node.Deserialize<T>(Options)!;

    private static JsonSerializerOptions CaptureClientOptions()
    {
        JsonSerializerOptions? captured = null;
        KubernetesJson.AddJsonOptions(o => captured = o);
        var options = new JsonSerializerOptions(captured ?? throw new InvalidOperationException("KubernetesJson exposed no options."));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
