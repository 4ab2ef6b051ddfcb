using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Keel.ApiServer.Http;

/// <summary>Reads request bodies as JSON (or YAML for apply patches and application/yaml).</summary>
public static class RequestBody
{
    private const int MaxBodyBytes = 3 * 1024 * 1024;

    public static async Task<JsonNode?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBodyBytes)
        {
            throw new ApiException(413, "RequestEntityTooLarge", "Request entity too large: limit is 3145728");
        }

        var declared = request.ContentType ?? "";
        if (declared.Contains("protobuf", StringComparison.OrdinalIgnoreCase) &&
            Protobuf.KubernetesProtobuf.TryDecode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), out var decoded))
        {
            return decoded;
        }

        if (declared.Contains("protobuf", StringComparison.OrdinalIgnoreCase) || declared.Contains("cbor", StringComparison.OrdinalIgnoreCase))
        {
            // Only JSON and YAML bodies (and protobuf for the few kinds above) are understood;
            // client-go falls back to JSON after a 415 for CBOR.
            throw ApiException.UnsupportedMediaType(declared, [MediaTypes.Json, MediaTypes.Yaml]);
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var contentType = request.ContentType?.Split(';')[0].Trim() ?? MediaTypes.Json;
        if (contentType is MediaTypes.ApplyPatchYaml or MediaTypes.Yaml)
        {
            var trimmed = text.TrimStart();
            return trimmed.StartsWith('{') || trimmed.StartsWith('[') ? ParseJson(text) : YamlJson.Parse(text);
        }

        return ParseJson(text);
    }

    public static async Task<JsonObject> ReadObjectAsync(HttpRequest request, CancellationToken ct) =>
        await ReadAsync(request, ct) as JsonObject ?? throw ApiException.BadRequest("the request body must be a JSON object");

    private static JsonNode? ParseJson(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"the object provided is unrecognized (must be of type Object): couldn't get version/kind; json parse error: {e.Message}");
        }
    }
}
