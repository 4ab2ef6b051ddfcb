using System.Text.Json.Nodes;
using Keel.ApiServer.Admission;
using Keel.ApiServer.Hosting;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Tables;
using Microsoft.AspNetCore.Http;

namespace Keel.ApiServer.Http;

/// <summary>
/// PATCH in its four content types: JSON patch, JSON merge patch, strategic merge patch (built-in kinds
/// only, as on the real server) and server-side apply. The merge itself belongs to the resource's field
/// management; this class runs it inside the writer's retry loop so a patch always applies to the latest object.
/// </summary>
public sealed class PatchEndpoint
{
    private static readonly string[] CustomResourcePatchTypes = [MediaTypes.JsonPatch, MediaTypes.MergePatch, MediaTypes.ApplyPatchYaml];
    private static readonly string[] BuiltInPatchTypes = [MediaTypes.JsonPatch, MediaTypes.MergePatch, MediaTypes.StrategicMergePatch, MediaTypes.ApplyPatchYaml];

    private readonly ApiServerCore _core;

    public PatchEndpoint(ApiServerCore core) => _core = core;

    public async Task HandleAsync(HttpContext context, ServedResource resource, string ns, string name, string? subresource,
        ResponseShape shape, TableObjectPolicy include, CancellationToken ct)
    {
        var contentType = context.Request.ContentType?.Split(';')[0].Trim() ?? "";
        var accepted = resource.IsCustomResource ? CustomResourcePatchTypes : BuiltInPatchTypes;
        if (!accepted.Contains(contentType))
        {
            throw ApiException.UnsupportedMediaType(contentType, accepted);
        }

        var write = RequestOptions.Write(context.Request);
        var body = await RequestBody.ReadAsync(context.Request, ct) ?? throw ApiException.BadRequest("the patch body is empty");
        var fields = resource.Fields;
        var now = _core.Clock.GetUtcNow();
        WriteResult result;
        switch (contentType)
        {
            case MediaTypes.ApplyPatchYaml:
                result = Apply(context, resource, ns, name, subresource, write, body, now);
                break;
            case MediaTypes.MergePatch:
                result = _core.Writer.Mutate(resource, ns, name, subresource, write, current => fields.MergePatch(current.CloneObject(), body));
                break;
            case MediaTypes.StrategicMergePatch:
                var strategic = body as JsonObject ?? throw ApiException.BadRequest("a strategic merge patch must be a JSON object");
                result = _core.Writer.Mutate(resource, ns, name, subresource, write, current => fields.StrategicMergePatch(current.CloneObject(), strategic));
                break;
            default:
                var operations = body as JsonArray ?? throw ApiException.BadRequest("a JSON patch must be a JSON array of operations");
                result = _core.Writer.Mutate(resource, ns, name, subresource, write, current => fields.JsonPatch(current.CloneObject(), operations));
                break;
        }

        ResponseWriter.AddWarnings(context, result.Warnings);
        var code = result.Effect == WriteEffect.Created ? 201 : 200;
        await ObjectOutput.WriteObjectAsync(context, code, result.Object, resource, shape, include, now, ct);
    }

    private WriteResult Apply(HttpContext context, ServedResource resource, string ns, string name, string? subresource,
        WriteRequest write, JsonNode body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(context.Request.Query["fieldManager"]))
        {
            throw new ApiException(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch",
                new JsonObject
                {
                    ["group"] = "meta.k8s.io",
                    ["kind"] = "PatchOptions",
                    ["causes"] = new JsonArray(new JsonObject { ["reason"] = "FieldValueRequired", ["message"] = "Required value: is required for apply patch", ["field"] = "fieldManager" }),
                });
        }

        var force = ApiRequestInfo.IsTrue(context.Request.Query["force"]);
        var applied = body as JsonObject ?? throw ApiException.BadRequest("the apply patch must be an object");
        var appliedName = Meta.Str(applied, "name");
        if (appliedName.Length > 0 && appliedName != name)
        {
            throw ApiException.BadRequest($"the name of the object ({appliedName}) does not match the name on the URL ({name})");
        }

        if (applied["apiVersion"] is null || applied["kind"] is null)
        {
            throw ApiException.BadRequest("invalid object type: /, Kind=");
        }

        Meta.Of(applied)["name"] = name;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var live = _core.Store.Get(resource.GroupResource, ns, name);
            if (live is null)
            {
                if (subresource is not null)
                {
                    throw ApiException.NotFound(resource.GroupResource, name);
                }

                var outcome = resource.Fields.Apply(null, (JsonObject)applied.DeepClone(), write.FieldManager, force, null, now);
                ThrowOnConflicts(outcome);
                try
                {
                    return _core.Writer.Create(resource, ns, outcome.Result!, write, fieldsAlreadyTracked: true);
                }
                catch (ApiException e) when (e.Code == 409 && e.Reason == "AlreadyExists")
                {
                    continue;
                }
            }

            try
            {
                return _core.Writer.Mutate(resource, ns, name, subresource, write, current =>
                {
                    var outcome = resource.Fields.Apply(current.CloneObject(), (JsonObject)applied.DeepClone(), write.FieldManager, force, subresource, now);
                    ThrowOnConflicts(outcome);
                    return outcome.Result!;
                }, trackFields: false);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Deleted between the read and the write: apply creates it.
            }
        }

        throw ApiException.StaleResourceVersion(resource.GroupResource, name);
    }

    private static void ThrowOnConflicts(ApplyResult outcome)
    {
        if (outcome.Conflicts.Count == 0)
        {
            return;
        }

        var causes = new JsonArray();
        foreach (var c in outcome.Conflicts)
        {
            causes.Add(new JsonObject { ["reason"] = "FieldManagerConflict", ["message"] = c.Message, ["field"] = c.Field });
        }

        throw new ApiException(409, "Conflict", outcome.ConflictMessage, new JsonObject { ["causes"] = causes });
    }
}
