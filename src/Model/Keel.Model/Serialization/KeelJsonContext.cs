using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using Keel.Model.Api;

namespace Keel.Model.Serialization;

/// <summary>
/// Source-generated System.Text.Json metadata for Keel's own kinds (and everything they reach). The imported
/// upstream kinds have one generated context per namespace, and KubernetesClient's built-in models come from its
/// <see cref="SourceGenerationContext"/>; <see cref="KeelJson.Options"/> combines them all. Use the options rather
/// than a context directly: they carry the Kubernetes converters for times.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters = [
        typeof(KubernetesJson.Iso8601TimeSpanConverter),
        typeof(KubernetesJson.KubernetesDateTimeConverter),
        typeof(KubernetesJson.KubernetesDateTimeOffsetConverter),
    ])]
[JsonSerializable(typeof(ModelService))]
[JsonSerializable(typeof(BaseConfig))]
[JsonSerializable(typeof(ModelServiceList))]
[JsonSerializable(typeof(BaseConfigList))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
public sealed partial class KeelJsonContext : JsonSerializerContext;
