using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keel.ApiServer.Http;
using Keel.ApiServer.Resources;
using Microsoft.AspNetCore.Http;

namespace Keel.ApiServer.OpenApi;

/// <summary>
/// <c>/openapi/v3</c>: the index of group-versions and one OpenAPI 3 document per group-version, with
/// each kind's schema (from its CRD, or the built-in schema catalog) and its paths and operations.
/// kubectl uses these for <c>explain</c> and to learn that the server validates fields itself
/// (a PATCH operation with a <c>fieldValidation</c> parameter), so it leaves validation to us.
/// Documents are rebuilt when the registry changes; the <c>hash</c> in each URL changes with them.
/// </summary>
public sealed class OpenApiDocuments
{
    private readonly ResourceRegistry _registry;
    private readonly Lock _gate = new();
    private long _builtRevision = -1;
    private Dictionary<string, (JsonObject Document, string Hash)> _documents = [];

    public OpenApiDocuments(ResourceRegistry registry) => _registry = registry;

    public async Task HandleAsync(HttpContext context, string[] parts, CancellationToken ct)
    {
        var documents = Current();
        switch (parts)
        {
            case ["openapi", "v3"]:
                var paths = new JsonObject();
                foreach (var (key, (_, hash)) in documents.OrderBy(d => d.Key, StringComparer.Ordinal))
                {
                    paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash={hash}" };
                }

                await ResponseWriter.WriteJsonAsync(context, 200, new JsonObject { ["paths"] = paths }, ct);
                return;
            case ["openapi", "v3", .. var rest] when documents.TryGetValue(string.Join('/', rest), out var doc):
                context.Response.Headers.ETag = $"\"{doc.Hash}\"";
                await ResponseWriter.WriteJsonAsync(context, 200, doc.Document, ct);
                return;
            default:
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("404 page not found\n", ct);
                return;
        }
    }

    private Dictionary<string, (JsonObject Document, string Hash)> Current()
    {
        var revision = _registry.Revision;
        lock (_gate)
        {
            if (revision == _builtRevision)
            {
                return _documents;
            }

            var built = new Dictionary<string, (JsonObject, string)>(StringComparer.Ordinal);
            foreach (var group in _registry.Groups())
            {
                foreach (var version in group.Versions)
                {
                    var key = group.Name.Length == 0 ? $"api/{version.Version}" : $"apis/{group.Name}/{version.Version}";
                    var document = Document(key, version.Resources);
                    var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())))[..32];
                    built[key] = (document, hash);
                }
            }

            _documents = built;
            _builtRevision = revision;
            return built;
        }
    }

    private static JsonObject Document(string prefix, IReadOnlyList<ServedResource> resources)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var r in resources)
        {
            var d = r.Definition;
            var name = SchemaName(d);
            var schema = (JsonObject?)d.OpenApiSchema?.DeepClone() ?? new JsonObject
            {
                ["type"] = "object",
                ["description"] = $"{d.Kind} ({d.ApiVersion}).",
                ["x-kubernetes-preserve-unknown-fields"] = true,
            };
            schema["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(d.Group, d.Version, d.Kind));
            schemas[name] = schema;
            schemas[name + "List"] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = $"{d.EffectiveListKind} is a list of {d.Kind}.",
                ["required"] = new JsonArray("items"),
                ["properties"] = new JsonObject
                {
                    ["apiVersion"] = new JsonObject { ["type"] = "string" },
                    ["kind"] = new JsonObject { ["type"] = "string" },
                    ["metadata"] = new JsonObject { ["type"] = "object" },
                    ["items"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = $"#/components/schemas/{name}" } },
                },
                ["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(d.Group, d.Version, d.EffectiveListKind)),
            };

            var collection = d.Namespaced ? $"/{prefix}/namespaces/{{namespace}}/{d.Plural}" : $"/{prefix}/{d.Plural}";
            var item = collection + "/{name}";
            var reference = new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
            paths[collection] = new JsonObject
            {
                ["get"] = Operation(d, "list", reference, []),
                ["post"] = Operation(d, "post", reference, ["dryRun", "fieldManager", "fieldValidation"]),
                ["delete"] = Operation(d, "deletecollection", null, ["dryRun", "labelSelector", "fieldSelector", "propagationPolicy"]),
            };
            paths[item] = new JsonObject
            {
                ["get"] = Operation(d, "get", reference, []),
                ["put"] = Operation(d, "put", reference, ["dryRun", "fieldManager", "fieldValidation"]),
                ["patch"] = Operation(d, "patch", reference, ["dryRun", "fieldManager", "fieldValidation", "force"]),
                ["delete"] = Operation(d, "delete", null, ["dryRun", "gracePeriodSeconds", "propagationPolicy"]),
            };
            if (d.HasStatusSubresource)
            {
                paths[item + "/status"] = new JsonObject
                {
                    ["get"] = Operation(d, "get", reference, []),
                    ["put"] = Operation(d, "put", reference, ["dryRun", "fieldManager", "fieldValidation"]),
                    ["patch"] = Operation(d, "patch", reference, ["dryRun", "fieldManager", "fieldValidation", "force"]),
                };
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.33.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject Operation(ResourceDefinition d, string action, JsonObject? body, string[] queryParameters)
    {
        var parameters = new JsonArray(queryParameters.Select(p => (JsonNode?)new JsonObject
        {
            ["name"] = p,
            ["in"] = "query",
            ["schema"] = new JsonObject { ["type"] = p == "force" ? "boolean" : "string", ["uniqueItems"] = true },
        }).ToArray());
        var operation = new JsonObject
        {
            ["operationId"] = $"{action}{d.Kind}",
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = body?.DeepClone() ?? new JsonObject { ["type"] = "object" } } },
                },
            },
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = Gvk(d.Group, d.Version, d.Kind),
        };
        if (action is "put" or "post" or "patch" && body is not null)
        {
            var contentTypes = action == "patch"
                ? new[] { MediaTypes.JsonPatch, MediaTypes.MergePatch, MediaTypes.ApplyPatchYaml }
                : new[] { MediaTypes.Json };
            var content = new JsonObject();
            foreach (var type in contentTypes)
            {
                content[type] = new JsonObject { ["schema"] = action == "patch" ? new JsonObject { ["type"] = "object" } : body.DeepClone() };
            }

            operation["requestBody"] = new JsonObject { ["content"] = content, ["required"] = true };
        }

        return operation;
    }

    /// <summary>The real server's schema names: reversed group, version, kind (<c>io.k8s.api.apps.v1.Deployment</c>, <c>ai.llm-d.v1alpha1.ModelService</c>).</summary>
    public static string SchemaName(ResourceDefinition d)
    {
        var group = d.Group switch
        {
            "" => "io.k8s.api.core",
            "apiextensions.k8s.io" => "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions",
            _ when d.Group.EndsWith(".k8s.io", StringComparison.Ordinal) => "io.k8s.api." + d.Group[..^".k8s.io".Length],
            _ when !d.Group.Contains('.', StringComparison.Ordinal) => "io.k8s.api." + d.Group,
            _ => string.Join('.', d.Group.Split('.').Reverse()),
        };
        return $"{group}.{d.Version}.{d.Kind}";
    }

    private static JsonObject Gvk(string group, string version, string kind) => new() { ["group"] = group, ["kind"] = kind, ["version"] = version };
}
