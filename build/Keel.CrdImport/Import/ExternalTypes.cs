using k8s.Models;

namespace Keel.CrdImport.Import;

/// <summary>
/// Types the import references instead of generating: KubernetesClient's models (matched by a schema's
/// <c>title</c>, e.g. <c>V1Condition</c>), IntOrString, and System.Text.Json nodes for free-form values.
/// </summary>
internal sealed class ExternalTypes
{
    public const string ObjectMeta = nameof(V1ObjectMeta);
    public const string IntOrString = nameof(k8s.Models.IntOrString);
    public const string JsonObject = nameof(System.Text.Json.Nodes.JsonObject);
    public const string JsonNode = nameof(System.Text.Json.Nodes.JsonNode);

    private static readonly System.Reflection.Assembly Models = typeof(V1Pod).Assembly;

    /// <summary>The C# name of the KubernetesClient model titled <paramref name="title"/>, or null.</summary>
    public string? Resolve(string title) =>
        title is IntOrString or ObjectMeta || Models.GetType("k8s.Models." + title) is { IsClass: true } ? title : null;

    /// <summary>Every name this class can resolve to without a KubernetesClient lookup.</summary>
    public static IReadOnlyList<string> Fixed { get; } = [ObjectMeta, IntOrString, JsonObject, JsonNode];
}
