namespace Keel.Generators.Parsing;

/// <summary>Metadata names the generator recognises.</summary>
internal static class KnownNames
{
    public const string AnnotationsNamespace = "Keel.Annotations.";
    public const string CustomResourceAttribute = "Keel.Annotations.CustomResourceAttribute";
    public const string KubernetesTypeRulesAttribute = "Keel.Annotations.KubernetesTypeRulesAttribute";

    public const string IntOrString = "k8s.Models.IntOrString";
    public const string ResourceQuantity = "k8s.Models.ResourceQuantity";
    public const string ObjectMeta = "k8s.Models.V1ObjectMeta";
    public const string KubernetesEntityAttribute = "k8s.Models.KubernetesEntityAttribute";

    public const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    public const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    public const string JsonExtensionDataAttribute = "System.Text.Json.Serialization.JsonExtensionDataAttribute";
    public const string JsonStringEnumMemberNameAttribute = "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute";
    public const string EnumMemberAttribute = "System.Runtime.Serialization.EnumMemberAttribute";

    public const string JsonNode = "System.Text.Json.Nodes.JsonNode";
    public const string JsonObject = "System.Text.Json.Nodes.JsonObject";
    public const string JsonArray = "System.Text.Json.Nodes.JsonArray";
    public const string JsonValue = "System.Text.Json.Nodes.JsonValue";
    public const string JsonElement = "System.Text.Json.JsonElement";

    public const string MergeContext = "Keel.Model.Merging.MergeContext";
    public const string SchemaCatalog = "Keel.Model.Topology.SchemaCatalog";
}
