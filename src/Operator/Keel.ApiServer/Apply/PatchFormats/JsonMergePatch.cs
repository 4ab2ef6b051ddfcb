using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Json;

namespace Keel.ApiServer.Apply.PatchFormats;

/// <summary>
/// RFC 7386 JSON merge patch: objects merge recursively, <c>null</c> deletes a member, anything else
/// (arrays included) replaces the target value.
/// </summary>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return JsonValues.Clone(patch);
        }
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result.TryGetPropertyValue(name, out var existing) ? existing : null, value);
            }
        }
        return result;
    }
}
