using System.Text.Json.Nodes;
using Keel.ApiServer.Hosting;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Resources;
using Microsoft.AspNetCore.Http;

namespace Keel.ApiServer.Http;

/// <summary>Serves one resource request: get, list, create, update, delete, deletecollection; hands off watch and patch.</summary>
public sealed class ResourceEndpoints
{
    private readonly ApiServerCore _core;
    private readonly WatchEndpoint _watch;
    private readonly PatchEndpoint _patch;
    private readonly ScaleEndpoint _scale;

    public ResourceEndpoints(ApiServerCore core)
    {
        _core = core;
        _watch = new WatchEndpoint(core);
        _patch = new PatchEndpoint(core);
        _scale = new ScaleEndpoint(core);
    }

    public async Task HandleAsync(HttpContext context, ApiRequestInfo info, CancellationToken ct)
    {
        var resource = _core.Registry.Find(info.Group, info.Version, info.Resource)
            ?? throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        CheckSubresource(resource, info);
        var ns = resource.Namespaced ? info.Namespace : "";
        if (resource.Namespaced && ns.Length == 0 && info.Verb is not ("list" or "watch"))
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }

        if (!resource.Namespaced && info.Namespace.Length > 0 && info.Resource != "namespaces")
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }

        if ((info.Verb is "update" or "patch" && info.Name.Length == 0) || (info.Verb == "create" && info.Name.Length > 0))
        {
            // PUT or PATCH on a collection, POST on an object: no such route on a real server either.
            throw new ApiException(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        }

        var subresource = info.Subresource.Length == 0 ? null : info.Subresource;
        if (subresource == "scale")
        {
            await _scale.HandleAsync(context, resource, ns, info.Name, info.Verb, ct);
            return;
        }

        var shape = MediaTypes.Negotiate(context.Request.Headers.Accept);
        var include = RequestOptions.IncludeObject(context.Request);
        var now = _core.Clock.GetUtcNow();
        switch (info.Verb)
        {
            case "get":
                var stored = _core.Store.Get(resource.GroupResource, ns, info.Name) ?? throw ApiException.NotFound(resource.GroupResource, info.Name);
                await ObjectOutput.WriteObjectAsync(context, 200, stored.Object, resource, shape, include, now, ct);
                return;
            case "list":
                var page = await _core.Lister.ListAsync(resource, info.Namespace.Length == 0 ? null : ns, RequestOptions.List(context.Request, ""), ct);
                await ObjectOutput.WriteListAsync(context, page, resource, shape, include, now, ct);
                return;
            case "watch":
                await _watch.HandleAsync(context, resource, info, shape, include, ct);
                return;
            case "create":
                await CreateAsync(context, resource, ns, shape, include, ct);
                return;
            case "update":
                var write = RequestOptions.Write(context.Request);
                var body = await RequestBody.ReadObjectAsync(context.Request, ct);
                var updated = _core.Writer.Update(resource, ns, info.Name, body, subresource, write);
                ResponseWriter.AddWarnings(context, updated.Warnings);
                await ObjectOutput.WriteObjectAsync(context, updated.Effect == WriteEffect.Created ? 201 : 200, updated.Object, resource, shape, include, now, ct);
                return;
            case "patch":
                await _patch.HandleAsync(context, resource, ns, info.Name, subresource, shape, include, ct);
                return;
            case "delete":
                await DeleteAsync(context, resource, ns, info.Name, shape, include, ct);
                return;
            case "deletecollection":
                await DeleteCollectionAsync(context, resource, info.Namespace.Length == 0 ? null : ns, ct);
                return;
            default:
                throw ApiException.MethodNotSupported(resource.GroupResource, info.Verb);
        }
    }

    private static void CheckSubresource(ServedResource resource, ApiRequestInfo info)
    {
        if (info.Subresource.Length == 0)
        {
            return;
        }

        var known = (info.Subresource == "status" && resource.Definition.HasStatusSubresource) ||
                    (info.Subresource == "scale" && resource.Definition.Scale is not null) ||
                    resource.Definition.ExtraSubresources.Contains(info.Subresource);
        if (!known)
        {
            throw new ApiException(404, "NotFound", "the server could not find the requested resource");
        }

        if (info.Verb is not ("get" or "update" or "patch"))
        {
            throw ApiException.MethodNotSupported(resource.GroupResource, info.Verb);
        }
    }

    private async Task CreateAsync(HttpContext context, ServedResource resource, string ns, ResponseShape shape, Tables.TableObjectPolicy include, CancellationToken ct)
    {
        var write = RequestOptions.Write(context.Request);
        var body = await RequestBody.ReadObjectAsync(context.Request, ct);
        var created = _core.Writer.Create(resource, ns, body, write);
        ResponseWriter.AddWarnings(context, created.Warnings);
        await ObjectOutput.WriteObjectAsync(context, 201, created.Object, resource, shape, include, _core.Clock.GetUtcNow(), ct);
    }

    private async Task DeleteAsync(HttpContext context, ServedResource resource, string ns, string name, ResponseShape shape, Tables.TableObjectPolicy include, CancellationToken ct)
    {
        var (request, orphanFalse) = await DeleteOptionsAsync(context, ct);
        var result = _core.Deleter.Delete(resource, ns, name, request);
        var now = _core.Clock.GetUtcNow();
        if (result.Effect == WriteEffect.Deleted && !resource.IsCustomResource)
        {
            var status = ResponseWriter.Success(name, resource.Definition.Group, resource.Definition.Plural, Meta.Str(result.Object, "uid"));
            await ResponseWriter.WriteJsonAsync(context, 200, status, ct);
            return;
        }

        var code = result.Effect == WriteEffect.DeletionPending && orphanFalse ? 202 : 200;
        await ObjectOutput.WriteObjectAsync(context, code, result.Object, resource, shape, include, now, ct);
    }

    private async Task DeleteCollectionAsync(HttpContext context, ServedResource resource, string? ns, CancellationToken ct)
    {
        var (request, _) = await DeleteOptionsAsync(context, ct);
        var page = await _core.Lister.ListAsync(resource, ns, RequestOptions.List(context.Request, "") with { Limit = 0, Continue = null }, ct);
        var deleted = new JsonArray();
        foreach (var item in page.Items)
        {
            try
            {
                var result = _core.Deleter.Delete(resource, item.Namespace, item.Name, request);
                deleted.Add(ObjectOutput.AtVersion(result.Object, resource).DeepClone());
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Deleted concurrently: nothing left to do for it.
            }
        }

        var list = new JsonObject
        {
            ["kind"] = resource.Definition.EffectiveListKind,
            ["apiVersion"] = resource.Definition.ApiVersion,
            ["metadata"] = new JsonObject { ["resourceVersion"] = _core.Store.CurrentResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = deleted,
        };
        await ResponseWriter.WriteJsonAsync(context, 200, list, ct);
    }

    /// <summary>DeleteOptions from the body and the query; <c>orphanDependents</c> is the deprecated spelling of a policy.</summary>
    private static async Task<(DeleteRequest Request, bool OrphanFalse)> DeleteOptionsAsync(HttpContext context, CancellationToken ct)
    {
        var body = context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0
            ? await RequestBody.ReadAsync(context.Request, ct) as JsonObject
            : null;
        var query = context.Request.Query;
        var policyText = (string?)body?["propagationPolicy"] ?? NullIfEmpty(query["propagationPolicy"]);
        var orphanText = body?["orphanDependents"]?.ToJsonString() ?? NullIfEmpty(query["orphanDependents"]);
        PropagationPolicy? policy = policyText switch
        {
            null => null,
            "Background" => PropagationPolicy.Background,
            "Foreground" => PropagationPolicy.Foreground,
            "Orphan" => PropagationPolicy.Orphan,
            _ => throw ApiException.BadRequest($"propagationPolicy: Unsupported value: \"{policyText}\": supported values: \"Foreground\", \"Background\", \"Orphan\""),
        };
        if (orphanText is not null && policy is not null)
        {
            throw ApiException.BadRequest("orphanDependents: Invalid value: \"\": orphanDependents and deletionPropagation cannot be both set");
        }

        policy ??= orphanText switch
        {
            "true" => PropagationPolicy.Orphan,
            "false" => PropagationPolicy.Foreground,
            _ => null,
        };
        var dryRunNode = body?["dryRun"];
        var dryRun = (dryRunNode is JsonArray a && a.Any(d => (string?)d == "All")) || query["dryRun"] == "All";
        var preconditions = body?["preconditions"];
        var request = new DeleteRequest(policy, (string?)preconditions?["uid"], (string?)preconditions?["resourceVersion"], dryRun);
        return (request, orphanText == "false");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
