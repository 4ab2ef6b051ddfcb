using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Keel.ApiServer.Hosting;

namespace Keel.ApiServer.Tests.Infrastructure;

/// <summary>A response read without a typed client: status, headers and the JSON body (or text).</summary>
public sealed record RawResponse(HttpStatusCode Status, HttpResponseHeaders Headers, string ContentType, string Text)
{
    public JsonNode? Json => Text.Length > 0 && (Text[0] is '{' or '[') ? JsonNode.Parse(Text) : null;

    public IEnumerable<string> Warnings => Headers.TryGetValues("Warning", out var values) ? values : [];
}

/// <summary>Plain HTTP against the server, for what typed clients hide (Status bodies, headers, media types).</summary>
public static class RawHttp
{
    private static readonly HttpClient Http = new();

    public static async Task<RawResponse> SendAsync(LocalApiServer server, HttpMethod method, string path, string? body = null,
        string contentType = "application/json", string? accept = null, string? token = "admin")
    {
        using var request = new HttpRequestMessage(method, new Uri(server.BaseAddress, path.TrimStart('/')));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token == "admin" ? server.AdminToken : token);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new RawResponse(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.ToString() ?? "", text);
    }

    public static Task<RawResponse> GetAsync(LocalApiServer server, string path, string? accept = null, string? token = "admin") =>
        SendAsync(server, HttpMethod.Get, path, accept: accept, token: token);
}
