using System.Text;
using System.Text.Json.Nodes;
using Keel.ApiServer.Storage;
using Keel.ApiServer.Http;

namespace Keel.ApiServer.Operations;

/// <summary>The opaque <c>continue</c> token: the list's resource version and the key to resume after (the real server's shape).</summary>
public sealed record ContinueToken(long ResourceVersion, string StartKey)
{
    public string Encode()
    {
        var json = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = ResourceVersion, ["start"] = StartKey + "\0" }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static ContinueToken Decode(string token)
    {
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - (padded.Length % 4)) % 4);
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(padded)))!;
            var start = (string?)json["start"] ?? "";
            return new ContinueToken(JsonNumbers.Long(json["rv"]) ?? 0, start.TrimEnd('\0'));
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw ApiException.BadRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
        }
    }
}
