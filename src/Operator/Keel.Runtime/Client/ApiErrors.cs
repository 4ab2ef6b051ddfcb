using System.Net;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Keel.Runtime.Client;

/// <summary>Reads the HTTP status out of the exceptions KubernetesClient throws.</summary>
public static class ApiErrors
{
    /// <summary>The HTTP status of a failed API call, or null when the failure was not an API answer (network, parse).</summary>
    public static HttpStatusCode? StatusOf(Exception? exception) => exception switch
    {
        HttpOperationException { Response: { } response } => response.StatusCode,
        KubernetesException { Status.Code: { } code } => (HttpStatusCode)code,
        AggregateException { InnerException: { } inner } => StatusOf(inner),
        _ => null,
    };

    /// <summary>The Kubernetes <c>Status</c> in an error answer, when there is one.</summary>
    public static V1Status? StatusBodyOf(Exception? exception)
    {
        switch (exception)
        {
            case KubernetesException { Status: { } status }:
                return status;
            case HttpOperationException { Response.Content: { Length: > 0 } content }:
                try
                {
                    return KubernetesJson.Deserialize<V1Status>(content);
                }
                catch (JsonException)
                {
                    return null;
                }

            default:
                return null;
        }
    }

    public static bool IsNotFound(Exception? e) => StatusOf(e) == HttpStatusCode.NotFound;

    public static bool IsConflict(Exception? e) => StatusOf(e) == HttpStatusCode.Conflict;

    public static bool IsGone(Exception? e) => StatusOf(e) == HttpStatusCode.Gone;

    public static bool IsTooManyRequests(Exception? e) => StatusOf(e) == HttpStatusCode.TooManyRequests;

    /// <summary>The <c>Retry-After</c> the server asked for (429/503), if any.</summary>
    public static TimeSpan? RetryAfterOf(Exception? exception)
    {
        if (exception is HttpOperationException { Response: { } response }
            && response.Headers.TryGetValue("Retry-After", out var values)
            && int.TryParse(values.FirstOrDefault(), out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return StatusBodyOf(exception)?.Details?.RetryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null;
    }

    /// <summary>A one-line description for logs: <c>409 Conflict: message</c>.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var status = StatusOf(exception);
        var message = StatusBodyOf(exception)?.Message ?? exception.Message;
        return status is null ? message : $"{(int)status} {status}: {message}";
    }
}
