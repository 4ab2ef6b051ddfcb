using System.Text;
using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Fields;
using Keel.ApiServer.Apply.Json;
using Keel.ApiServer.Apply.Topology;
using Keel.ApiServer.Apply.Typed;

namespace Keel.ApiServer.Apply.Managed;

/// <summary>
/// The API server's bridge between client-side <c>kubectl apply</c> (which keeps its last applied
/// configuration in an annotation) and <c>kubectl apply --server-side</c> (field manager <c>kubectl</c>):
/// fields whose live value still equals the last client-side applied value may be taken over without a
/// conflict, and a server-side apply by kubectl keeps the annotation current when the object has one.
/// </summary>
internal static class LastAppliedAnnotation
{
    public const string Name = "kubectl.kubernetes.io/last-applied-configuration";

    /// <summary>The only manager the server applies these rules to (other managers opt out by their name).</summary>
    public const string KubectlManager = "kubectl";

    /// <summary>
    /// The fields of the last client-side applied configuration whose value in <paramref name="live"/>
    /// is still the applied one; null when the object has no (readable) annotation.
    /// </summary>
    public static FieldSet? UnchangedSinceLastApplied(JsonObject live, TypeNode root)
    {
        if (Read(live) is not { } text)
        {
            return null;
        }
        JsonObject? lastApplied;
        try
        {
            lastApplied = JsonNode.Parse(text) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        if (lastApplied is null || AppliedConfigValidator.Validate(lastApplied, root).Count > 0)
        {
            return null;
        }
        var comparison = ObjectComparer.Compare(lastApplied, live, root);
        return FieldSetBuilder.FromObject(lastApplied, root).Difference(comparison.Modified);
    }

    /// <summary>Rewrites the annotation on <paramref name="result"/> when it has one, from the applied configuration.</summary>
    public static void Refresh(JsonObject result, JsonObject applied)
    {
        if (Read(result) is null)
        {
            return;
        }
        var copy = (JsonObject)applied.DeepClone();
        if (copy["metadata"] is JsonObject metadata && metadata["annotations"] is JsonObject annotations)
        {
            annotations.Remove(Name);
        }
        var builder = new StringBuilder();
        GoJson.Write(builder, copy);
        builder.Append('\n');
        ((JsonObject)result["metadata"]!["annotations"]!)[Name] = builder.ToString();
    }

    private static string? Read(JsonObject obj) =>
        JsonValues.AsString((obj["metadata"] as JsonObject)?["annotations"] is JsonObject annotations ? annotations[Name] : null) is { Length: > 0 } text
            ? text
            : null;
}
