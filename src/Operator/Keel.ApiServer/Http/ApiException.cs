using System.Text.Json.Nodes;
using Keel.ApiServer.Resources;

namespace Keel.ApiServer.Http;

/// <summary>
/// A request that ends in a <c>Status</c> failure. The factory methods produce the messages, reasons and
/// details the real API server produces, because clients (client-go, KubernetesClient, kubectl) branch on them.
/// </summary>
public sealed class ApiException : Exception
{
    public ApiException(int code, string reason, string message, JsonObject? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public int Code { get; }
    public string Reason { get; }
    public JsonObject? Details { get; }

    /// <summary>Extra top-level metadata (the fresh continue token on a 410 for an expired continue).</summary>
    public JsonObject? ListMetadata { get; init; }

    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = ListMetadata?.DeepClone() ?? new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Details is not null)
        {
            status["details"] = Details.DeepClone();
        }

        status["code"] = Code;
        return status;
    }

    private static JsonObject ResourceDetails(GroupResource resource, string name)
    {
        var details = new JsonObject();
        if (name.Length > 0)
        {
            details["name"] = name;
        }

        if (resource.Group.Length > 0)
        {
            details["group"] = resource.Group;
        }

        details["kind"] = resource.Resource;
        return details;
    }

    public static ApiException NotFound(GroupResource resource, string name) =>
        new(404, "NotFound", $"{resource} \"{name}\" not found", ResourceDetails(resource, name));

    public static ApiException AlreadyExists(GroupResource resource, string name) =>
        new(409, "AlreadyExists", $"{resource} \"{name}\" already exists", ResourceDetails(resource, name));

    public static ApiException Conflict(GroupResource resource, string name, string detail) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {resource} \"{name}\": {detail}", ResourceDetails(resource, name));

    public static ApiException StaleResourceVersion(GroupResource resource, string name) =>
        Conflict(resource, name, "the object has been modified; please apply your changes to the latest version and try again");

    public static ApiException Invalid(GroupVersionKind kind, string name, IReadOnlyList<FieldViolation> violations)
    {
        var causes = new JsonArray();
        foreach (var v in violations)
        {
            causes.Add(new JsonObject { ["reason"] = v.CauseType, ["message"] = v.Body, ["field"] = v.Field });
        }

        var details = new JsonObject { ["name"] = name };
        if (kind.Group.Length > 0)
        {
            details["group"] = kind.Group;
        }

        details["kind"] = kind.Kind;
        details["causes"] = causes;
        var aggregate = violations.Count switch
        {
            0 => "",
            1 => ": " + violations[0],
            _ => ": [" + string.Join(", ", violations.Select(v => v.ToString())) + "]",
        };
        return new ApiException(422, "Invalid", $"{kind.QualifiedKind} \"{name}\" is invalid{aggregate}", details);
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException Forbidden(GroupResource resource, string name, string detail)
    {
        var subject = name.Length == 0 ? resource.ToString() : $"{resource} \"{name}\"";
        return new ApiException(403, "Forbidden", $"{subject} is forbidden: {detail}", ResourceDetails(resource, name));
    }

    public static ApiException MethodNotSupported(GroupResource resource, string verb) =>
        new(405, "MethodNotAllowed", $"{verb} is not supported on resources of kind \"{resource}\"", ResourceDetails(resource, ""));

    public static ApiException NotAcceptable(string message) => new(406, "NotAcceptable", message);

    public static ApiException UnsupportedMediaType(string contentType, IEnumerable<string> accepted) =>
        new(415, "UnsupportedMediaType",
            $"the body of the request was in an unknown format - accepted media types include: {string.Join(", ", accepted)}");

    public static ApiException Expired(string message) => new(410, "Expired", message);

    public static ApiException Gone(string message) => new(410, "Gone", message);

    public static ApiException TooManyRequests(string message, int retryAfterSeconds) =>
        new(429, "TooManyRequests", message,
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["reason"] = "TooManyRequests", ["message"] = message }), ["retryAfterSeconds"] = retryAfterSeconds });

    public static ApiException Internal(string message) =>
        new(500, "InternalError", $"Internal error occurred: {message}",
            new JsonObject { ["causes"] = new JsonArray(new JsonObject { ["message"] = message }) });

    public static ApiException ServiceUnavailable(string message) => new(503, "ServiceUnavailable", message);

    public static ApiException Timeout(string message, JsonObject? details = null) => new(504, "Timeout", message, details);

    public static ApiException Unauthorized() => new(401, "Unauthorized", "Unauthorized");
}
