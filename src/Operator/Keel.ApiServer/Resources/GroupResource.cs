namespace Keel.ApiServer.Resources;

/// <summary>A resource independent of version: what storage, RBAC and error messages are keyed by.</summary>
public readonly record struct GroupResource(string Group, string Resource)
{
    /// <summary>The form the real server uses in messages: <c>configmaps</c>, <c>deployments.apps</c>.</summary>
    public override string ToString() => Group.Length == 0 ? Resource : $"{Resource}.{Group}";
}

/// <summary>Group, version and kind of an object.</summary>
public readonly record struct GroupVersionKind(string Group, string Version, string Kind)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The qualified kind used in Invalid messages: <c>ConfigMap</c>, <c>ModelService.llm-d.ai</c>.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    public static (string Group, string Version) SplitApiVersion(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
    }

    public override string ToString() => $"{ApiVersion}, Kind={Kind}";
}
