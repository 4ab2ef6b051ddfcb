using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;
using Keel.ApiServer.Tables;
using Microsoft.AspNetCore.Http;

namespace Keel.ApiServer.Http;

/// <summary>
/// Turns stored objects into what the client asked for: the requested API version (versions of a CRD
/// share one shape, so conversion rewrites <c>apiVersion</c>), and the requested shape (object, Table,
/// PartialObjectMetadata). Lists in plain JSON are written by copying each item's stored bytes.
/// </summary>
public static class ObjectOutput
{
    public static JsonObject AtVersion(JsonObject obj, ServedResource resource)
    {
        if ((string?)obj["apiVersion"] == resource.Definition.ApiVersion)
        {
            return obj;
        }

        var copy = (JsonObject)obj.DeepClone();
        copy["apiVersion"] = resource.Definition.ApiVersion;
        return copy;
    }

    public static ReadOnlyMemory<byte> BytesAtVersion(StoredObject stored, ServedResource resource) =>
        (string?)stored.Object["apiVersion"] == resource.Definition.ApiVersion
            ? stored.Json
            : JsonSerializer.SerializeToUtf8Bytes(AtVersion(stored.Object, resource), JsonDefaults.Options);

    public static JsonNode Shape(JsonObject obj, ServedResource resource, ResponseShape shape, TableObjectPolicy policy, DateTimeOffset now) => shape switch
    {
        ResponseShape.Table => resource.Table.Convert([AtVersion(obj, resource)], new JsonObject { ["resourceVersion"] = Meta.Str(obj, "resourceVersion") }, now, policy),
        ResponseShape.PartialObjectMetadata => TableConverter.PartialObjectMetadata(obj),
        _ => AtVersion(obj, resource),
    };

    public static async Task WriteObjectAsync(HttpContext context, int statusCode, JsonObject obj, ServedResource resource,
        ResponseShape shape, TableObjectPolicy policy, DateTimeOffset now, CancellationToken ct) =>
        await ResponseWriter.WriteJsonAsync(context, statusCode, Shape(obj, resource, shape, policy, now), ct);

    public static async Task WriteListAsync(HttpContext context, ListPage page, ServedResource resource, ResponseShape shape,
        TableObjectPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        var metadata = new JsonObject { ["resourceVersion"] = page.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (page.Continue is not null)
        {
            metadata["continue"] = page.Continue;
        }

        if (page.RemainingItemCount is { } remaining)
        {
            metadata["remainingItemCount"] = remaining;
        }

        switch (shape)
        {
            case ResponseShape.Table:
                var table = resource.Table.Convert(page.Items.Select(i => AtVersion(i.Object, resource)), metadata, now, policy);
                await ResponseWriter.WriteJsonAsync(context, 200, table, ct);
                return;
            case ResponseShape.PartialObjectMetadata:
                var list = new JsonObject
                {
                    ["kind"] = "PartialObjectMetadataList",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = metadata,
                    ["items"] = new JsonArray(page.Items.Select(i => (JsonNode?)TableConverter.PartialObjectMetadata(i.Object)).ToArray()),
                };
                await ResponseWriter.WriteJsonAsync(context, 200, list, ct);
                return;
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = MediaTypes.Json;
        var header = new JsonObject
        {
            ["kind"] = resource.Definition.EffectiveListKind,
            ["apiVersion"] = resource.Definition.ApiVersion,
            ["metadata"] = metadata,
        }.ToJsonString(JsonDefaults.Options);
        var body = context.Response.Body;
        await body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(header[..^1] + ",\"items\":["), ct);
        for (var i = 0; i < page.Items.Count; i++)
        {
            if (i > 0)
            {
                await body.WriteAsync(","u8.ToArray(), ct);
            }

            await body.WriteAsync(BytesAtVersion(page.Items[i], resource), ct);
        }

        await body.WriteAsync("]}\n"u8.ToArray(), ct);
    }
}
