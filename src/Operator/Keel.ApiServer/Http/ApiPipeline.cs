using System.Text.Json.Nodes;
using Keel.ApiServer.Auth;
using Keel.ApiServer.Discovery;
using Keel.ApiServer.Faults;
using Keel.ApiServer.Hosting;
using Keel.ApiServer.Observability;
using Keel.ApiServer.OpenApi;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Keel.ApiServer.Http;

/// <summary>
/// Every request goes through here: request info, authentication, the request log, fault injection,
/// authorization, then discovery, OpenAPI, health or a resource endpoint. API errors become Status bodies.
/// </summary>
public sealed class ApiPipeline
{
    private readonly ApiServerCore _core;
    private readonly TokenAuthenticator _authenticator;
    private readonly IAuthorizer _authorizer;
    private readonly FaultInjector _faults;
    private readonly RequestRecorder _requests;
    private readonly ResourceEndpoints _resources;
    private readonly OpenApiDocuments _openApi;
    private readonly AccessReviewEndpoint _reviews;
    private readonly ILogger _logger;

    public ApiPipeline(ApiServerCore core, TokenAuthenticator authenticator, IAuthorizer authorizer, FaultInjector faults,
        RequestRecorder requests, ILogger logger)
    {
        _core = core;
        _authenticator = authenticator;
        _authorizer = authorizer;
        _faults = faults;
        _requests = requests;
        _logger = logger;
        _resources = new ResourceEndpoints(core);
        _openApi = new OpenApiDocuments(core.Registry);
        _reviews = new AccessReviewEndpoint(authorizer);
    }

    public async Task InvokeAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var request = context.Request;
        var info = ApiRequestInfo.Parse(request.Method, request.Path.Value ?? "/", name => request.Query[name]);
        var user = _authenticator.Authenticate(request);
        var userName = user?.Name ?? "";
        try
        {
            if (user is null)
            {
                throw ApiException.Unauthorized();
            }

            if (_faults.Evaluate(info, userName) is { } fault)
            {
                switch (fault)
                {
                    case StatusFault status:
                        throw FaultInjector.ToError(status, info);
                    case DelayFault delay:
                        await Task.Delay(delay.Duration, _core.Clock, ct);
                        break;
                    case CloseWatchFault close:
                        context.Items[WatchEndpoint.CloseAfterEventsItem] = close.Events;
                        break;
                }
            }

            context.Items[RequestOptions.UserItem] = user;
            var decision = await _authorizer.AuthorizeAsync(Attributes(user, info), ct);
            if (!decision.Allowed)
            {
                throw Forbidden(user, info, decision.Reason);
            }

            if (AccessReviewEndpoint.Handles(info))
            {
                await _reviews.HandleAsync(context, info, user, ct);
                return;
            }

            await DispatchAsync(context, info, ct);
        }
        catch (ApiException e)
        {
            if (!context.Response.HasStarted)
            {
                await ResponseWriter.WriteStatusAsync(context, e, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogError(e, "Unhandled error serving {Method} {Path}", request.Method, request.Path);
            if (!context.Response.HasStarted)
            {
                await ResponseWriter.WriteStatusAsync(context, ApiException.Internal(e.Message), ct);
            }
        }
        finally
        {
            _requests.Record(_core.Clock.GetUtcNow(), userName, info, context.Response.StatusCode);
        }
    }

    private async Task DispatchAsync(HttpContext context, ApiRequestInfo info, CancellationToken ct)
    {
        if (info.IsResourceRequest)
        {
            await _resources.HandleAsync(context, info, ct);
            return;
        }

        var path = info.Path.TrimEnd('/');
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var accept = context.Request.Headers.Accept.ToString();
        var groups = _core.Registry.Groups();
        switch (parts)
        {
            case ["version"]:
                await ResponseWriter.WriteJsonAsync(context, 200, DiscoveryDocuments.Version(), ct);
                return;
            case ["healthz" or "livez" or "readyz", ..]:
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("ok", ct);
                return;
            case ["api"]:
                if (MediaTypes.WantsAggregatedDiscovery(accept))
                {
                    await WriteAggregatedAsync(context, DiscoveryDocuments.Aggregated(groups, core: true), ct);
                    return;
                }

                await ResponseWriter.WriteJsonAsync(context, 200, DiscoveryDocuments.ApiVersions($"{context.Request.Host}"), ct);
                return;
            case ["apis"]:
                if (MediaTypes.WantsAggregatedDiscovery(accept))
                {
                    await WriteAggregatedAsync(context, DiscoveryDocuments.Aggregated(groups, core: false), ct);
                    return;
                }

                await ResponseWriter.WriteJsonAsync(context, 200, DiscoveryDocuments.GroupList(groups), ct);
                return;
            case ["api", var coreVersion]:
                await WriteResourceListAsync(context, groups, "", coreVersion, ct);
                return;
            case ["apis", var group]:
                var served = groups.FirstOrDefault(g => g.Name == group && group.Length > 0) ?? throw NotFound();
                await ResponseWriter.WriteJsonAsync(context, 200, DiscoveryDocuments.Group(served), ct);
                return;
            case ["apis", var group, var version]:
                await WriteResourceListAsync(context, groups, group, version, ct);
                return;
            case ["openapi", ..]:
                await _openApi.HandleAsync(context, parts, ct);
                return;
            default:
                context.Response.StatusCode = 404;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("404 page not found\n", ct);
                return;
        }
    }

    private static async Task WriteResourceListAsync(HttpContext context, IReadOnlyList<Resources.ServedGroup> groups, string group, string version, CancellationToken ct)
    {
        var servedVersion = groups.FirstOrDefault(g => g.Name == group)?.Versions.FirstOrDefault(v => v.Version == version) ?? throw NotFound();
        await ResponseWriter.WriteJsonAsync(context, 200, DiscoveryDocuments.ResourceList(group, servedVersion), ct);
    }

    private static async Task WriteAggregatedAsync(HttpContext context, JsonObject document, CancellationToken ct)
    {
        context.Response.Headers.Vary = "Accept";
        await ResponseWriter.WriteJsonAsync(context, 200, document, ct, DiscoveryDocuments.AggregatedContentType);
    }

    private static ApiException NotFound() => new(404, "NotFound", "the server could not find the requested resource");

    private static AuthorizationAttributes Attributes(UserInfo user, ApiRequestInfo info) =>
        new(user, info.Verb, info.IsResourceRequest, info.Group, info.Version, info.Resource, info.Subresource, info.Namespace, info.Name, info.Path);

    private static ApiException Forbidden(UserInfo user, ApiRequestInfo info, string reason)
    {
        var suffix = reason.Length > 0 ? ": " + reason : "";
        if (!info.IsResourceRequest)
        {
            return new ApiException(403, "Forbidden", $"forbidden: User \"{user.Name}\" cannot {info.Verb} path \"{info.Path}\"{suffix}", new JsonObject());
        }

        var resource = info.Subresource.Length > 0 ? $"{info.Resource}/{info.Subresource}" : info.Resource;
        var scope = info.Namespace.Length > 0 ? $"in the namespace \"{info.Namespace}\"" : "at the cluster scope";
        var detail = $"User \"{user.Name}\" cannot {info.Verb} resource \"{resource}\" in API group \"{info.Group}\" {scope}{suffix}";
        return ApiException.Forbidden(new Resources.GroupResource(info.Group, info.Resource), info.Name, detail);
    }
}
