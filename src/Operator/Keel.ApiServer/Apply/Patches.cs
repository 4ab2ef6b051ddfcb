using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.PatchFormats;

namespace Keel.ApiServer.Apply;

/// <summary>
/// The non-apply PATCH formats of the Kubernetes API. Each returns a new value and leaves its inputs
/// untouched; an invalid patch throws <see cref="PatchException"/> (with the HTTP status to answer).
/// </summary>
public static class Patches
{
    /// <summary>RFC 7386 JSON merge patch (<c>application/merge-patch+json</c>).</summary>
    public static JsonNode? JsonMerge(JsonNode? target, JsonNode? patch) => JsonMergePatch.Apply(target, patch);

    /// <summary>
    /// Strategic merge patch (<c>application/strategic-merge-patch+json</c>, built-in kinds only on a real
    /// server), using the patch strategies and merge keys of <paramref name="topology"/>.
    /// </summary>
    public static JsonObject StrategicMerge(JsonObject target, JsonObject patch, MergeTopology topology)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(topology);
        return StrategicMergePatch.Apply(target, patch, topology.Root);
    }

    /// <summary>RFC 6902 JSON patch (<c>application/json-patch+json</c>): add, remove, replace, move, copy, test.</summary>
    public static JsonNode JsonPatch(JsonNode target, JsonArray operations)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(operations);
        return JsonPatchDocument.Apply(target, operations);
    }
}
