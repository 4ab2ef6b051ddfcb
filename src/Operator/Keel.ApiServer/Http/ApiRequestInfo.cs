namespace Keel.ApiServer.Http;

/// <summary>
/// What a request is about, derived from its path and method the way the real server's
/// RequestInfoFactory does: verb, API group and version, namespace, resource, name and subresource.
/// Authorization, fault injection and request counting all key on it.
/// </summary>
public sealed record ApiRequestInfo
{
    public required bool IsResourceRequest { get; init; }
    public required string Path { get; init; }
    /// <summary>get, list, watch, create, update, patch, delete, deletecollection (or the lower-case HTTP method for other paths).</summary>
    public required string Verb { get; init; }
    public string ApiPrefix { get; init; } = "";
    public string Group { get; init; } = "";
    public string Version { get; init; } = "";
    public string Namespace { get; init; } = "";
    public string Resource { get; init; } = "";
    public string Name { get; init; } = "";
    public string Subresource { get; init; } = "";

    private static readonly HashSet<string> NamespaceSubresources = new(StringComparer.Ordinal) { "status", "finalize" };

    public static ApiRequestInfo Parse(string method, string path, Func<string, string?> query)
    {
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var nonResource = new ApiRequestInfo { IsResourceRequest = false, Path = path, Verb = method.ToLowerInvariant() };
        if (parts.Length == 0 || parts[0] is not ("api" or "apis"))
        {
            return nonResource;
        }

        var prefix = parts[0];
        int index;
        string group, version;
        if (prefix == "api")
        {
            if (parts.Length < 3)
            {
                return nonResource;
            }

            (group, version, index) = ("", parts[1], 2);
        }
        else
        {
            if (parts.Length < 4)
            {
                return nonResource;
            }

            (group, version, index) = (parts[1], parts[2], 3);
        }

        var rest = parts[index..];
        var isWatchPath = false;
        if (rest.Length > 0 && rest[0] == "watch")
        {
            isWatchPath = true;
            rest = rest[1..];
        }

        var ns = "";
        if (rest.Length > 0 && rest[0] == "namespaces" && rest.Length > 1)
        {
            ns = rest[1];
            if (rest.Length > 2 && !NamespaceSubresources.Contains(rest[2]))
            {
                rest = rest[2..];
            }
        }

        if (rest.Length == 0)
        {
            return nonResource;
        }

        var resource = rest[0];
        var name = rest.Length > 1 ? rest[1] : "";
        var subresource = rest.Length > 2 ? rest[2] : "";
        if (resource == "namespaces" && name.Length > 0)
        {
            ns = name;
        }

        var verb = method.ToUpperInvariant() switch
        {
            "GET" or "HEAD" when isWatchPath || IsTrue(query("watch")) => "watch",
            "GET" or "HEAD" => name.Length == 0 ? "list" : "get",
            "POST" => "create",
            "PUT" => "update",
            "PATCH" => "patch",
            "DELETE" => name.Length == 0 ? "deletecollection" : "delete",
            _ => method.ToLowerInvariant(),
        };
        if (name.Length == 0 && verb is "list" or "watch")
        {
            // As the real RequestInfoFactory does: a list or watch pinned to one name by its field selector is
            // authorized (and logged) for that name, so RBAC rules with resourceNames cover `get -w` and informers on one object.
            name = NameFromFieldSelector(query("fieldSelector"));
        }

        return new ApiRequestInfo
        {
            IsResourceRequest = true,
            Path = path,
            Verb = verb,
            ApiPrefix = prefix,
            Group = group,
            Version = version,
            Namespace = ns,
            Resource = resource,
            Name = name,
            Subresource = subresource,
        };
    }

    private static string NameFromFieldSelector(string? fieldSelector)
    {
        if (string.IsNullOrEmpty(fieldSelector))
        {
            return "";
        }

        try
        {
            var name = Selectors.FieldSelector.Parse(fieldSelector).RequiredName ?? "";
            return name is "." or ".." || name.Contains('/') || name.Contains('%') ? "" : name;
        }
        catch (ApiException)
        {
            return ""; // the endpoint rejects the malformed selector with its 400
        }
    }

    public static bool IsTrue(string? value) => value is "true" or "1" or "True";

    public bool IsWrite => Verb is "create" or "update" or "patch" or "delete" or "deletecollection";
}
