using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Storage;
using Microsoft.AspNetCore.Http;

namespace Keel.ApiServer.Http;

/// <summary>Writes JSON responses, Status failures and Warning headers.</summary>
public static class ResponseWriter
{
    public static async Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body, CancellationToken ct, string contentType = MediaTypes.Json)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        var pretty = ApiRequestInfo.IsTrue(context.Request.Query["pretty"]);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, pretty ? JsonDefaults.Indented : JsonDefaults.Options);
        context.Response.ContentLength = bytes.Length + 1;
        await context.Response.Body.WriteAsync(bytes, ct);
        await context.Response.Body.WriteAsync("\n"u8.ToArray(), ct);
    }

    public static async Task WriteBytesAsync(HttpContext context, int statusCode, ReadOnlyMemory<byte> json, string contentType, CancellationToken ct)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = json.Length;
        await context.Response.Body.WriteAsync(json, ct);
    }

    public static Task WriteStatusAsync(HttpContext context, ApiException error, CancellationToken ct)
    {
        if (error.Code == 429 && error.Details?["retryAfterSeconds"] is JsonValue retry)
        {
            context.Response.Headers.RetryAfter = retry.ToJsonString();
        }

        return WriteJsonAsync(context, error.Code, error.ToStatus(), ct);
    }

    public static JsonObject Success(string name, string group, string kind, string uid)
    {
        var details = new JsonObject { ["name"] = name };
        if (group.Length > 0)
        {
            details["group"] = group;
        }

        details["kind"] = kind;
        if (uid.Length > 0)
        {
            details["uid"] = uid;
        }

        return new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Success",
            ["details"] = details,
        };
    }

    /// <summary>RFC 7234 warning headers as the real server sends them: <c>299 - "text"</c>.</summary>
    public static void AddWarnings(HttpContext context, IEnumerable<string> warnings)
    {
        foreach (var warning in warnings.Distinct(StringComparer.Ordinal))
        {
            var escaped = warning.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            context.Response.Headers.Append("Warning", $"299 - \"{escaped}\"");
        }
    }
}
