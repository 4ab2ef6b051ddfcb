using System.Globalization;
using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;
using Keel.ApiServer.Hosting;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;
using Microsoft.AspNetCore.Http;

namespace Keel.ApiServer.Http;

/// <summary>
/// The <c>scale</c> subresource: the parent seen as an <c>autoscaling/v1</c> Scale. Reads build the Scale
/// from the parent; PUT and PATCH (JSON merge, strategic merge, JSON patch) change only the parent's replicas,
/// recorded in managedFields under the <c>scale</c> subresource. This is what <c>kubectl scale</c> and
/// autoscalers use.
/// </summary>
public sealed class ScaleEndpoint
{
    private static readonly string[] PatchTypes = [MediaTypes.JsonPatch, MediaTypes.MergePatch, MediaTypes.StrategicMergePatch];
    private readonly ApiServerCore _core;

    public ScaleEndpoint(ApiServerCore core) => _core = core;

    public async Task HandleAsync(HttpContext context, ServedResource resource, string ns, string name, string verb, CancellationToken ct)
    {
        var scale = resource.Definition.Scale!;
        var current = _core.Store.Get(resource.GroupResource, ns, name) ?? throw ApiException.NotFound(resource.GroupResource, name);
        switch (verb)
        {
            case "get":
                await ResponseWriter.WriteJsonAsync(context, 200, ToScale(current.Object, scale), ct);
                return;
            case "update" or "patch":
                var write = RequestOptions.Write(context.Request);
                var body = await RequestBody.ReadAsync(context.Request, ct) ?? throw ApiException.BadRequest("the request body is empty");
                var contentType = context.Request.ContentType?.Split(';')[0].Trim() ?? "";
                if (verb == "patch" && !PatchTypes.Contains(contentType))
                {
                    throw ApiException.UnsupportedMediaType(contentType, PatchTypes);
                }

                var result = _core.Writer.Mutate(resource, ns, name, "scale", write, live =>
                {
                    var currentScale = ToScale(live.Object, scale);
                    var desired = verb == "update" ? body as JsonObject ?? throw ApiException.BadRequest("the body must be a Scale") : Patch(currentScale, body, contentType);
                    var precondition = Meta.Str(desired, "resourceVersion");
                    if (precondition.Length > 0 && precondition != live.ResourceVersion.ToString(CultureInfo.InvariantCulture))
                    {
                        throw ApiException.StaleResourceVersion(resource.GroupResource, name);
                    }

                    var replicas = JsonNumbers.Long(desired["spec"]?["replicas"]) ?? 0;
                    if (replicas < 0)
                    {
                        throw ApiException.Invalid(new GroupVersionKind("autoscaling", "v1", "Scale"), name,
                            [FieldViolation.Invalid("spec.replicas", replicas.ToString(CultureInfo.InvariantCulture), "must be greater than or equal to 0")]);
                    }

                    var updated = live.CloneObject();
                    Set(updated, scale.SpecReplicasPath, replicas);
                    return updated;
                });
                await ResponseWriter.WriteJsonAsync(context, 200, ToScale(result.Object, scale), ct);
                return;
            default:
                throw ApiException.MethodNotSupported(resource.GroupResource, verb);
        }
    }

    private static JsonObject Patch(JsonObject scale, JsonNode patch, string contentType) => contentType switch
    {
        MediaTypes.JsonPatch => Patches.JsonPatch(scale, patch as JsonArray ?? throw ApiException.BadRequest("a JSON patch must be an array")) as JsonObject,
        _ => Patches.JsonMerge(scale, patch) as JsonObject,
    } ?? throw ApiException.BadRequest("the patch does not produce a Scale");

    private static JsonObject ToScale(JsonObject parent, ScaleSubresource scale)
    {
        var meta = Meta.Of(parent);
        var metadata = new JsonObject();
        foreach (var field in new[] { "name", "namespace", "uid", "resourceVersion", "creationTimestamp" })
        {
            if (meta[field] is { } value)
            {
                metadata[field] = value.DeepClone();
            }
        }

        var status = new JsonObject { ["replicas"] = JsonNumbers.Long(Get(parent, scale.StatusReplicasPath)) ?? 0 };
        var selector = scale.LabelSelectorPath is { } path ? (string?)Get(parent, path) : SelectorString(parent["spec"]?["selector"]);
        if (!string.IsNullOrEmpty(selector))
        {
            status["selector"] = selector;
        }

        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = metadata,
            ["spec"] = new JsonObject { ["replicas"] = JsonNumbers.Long(Get(parent, scale.SpecReplicasPath)) ?? 0 },
            ["status"] = status,
        };
    }

    /// <summary>A LabelSelector in its query-string form (<c>app=web,tier in (a,b)</c>).</summary>
    private static string SelectorString(JsonNode? selector)
    {
        var parts = new List<string>();
        if (selector?["matchLabels"] is JsonObject labels)
        {
            parts.AddRange(labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={(string?)p.Value}"));
        }

        foreach (var e in (selector?["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = (string?)e["key"];
            var values = string.Join(",", (e["values"] as JsonArray ?? []).Select(v => (string?)v));
            parts.Add((string?)e["operator"] switch
            {
                "In" => $"{key} in ({values})",
                "NotIn" => $"{key} notin ({values})",
                "Exists" => $"{key}",
                _ => $"!{key}",
            });
        }

        return string.Join(",", parts);
    }

    private static JsonNode? Get(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var part in path.TrimStart('.').Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    private static void Set(JsonObject obj, string path, long value)
    {
        var parts = path.TrimStart('.').Split('.');
        var node = obj;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }

            node = child;
        }

        node[parts[^1]] = value;
    }
}
