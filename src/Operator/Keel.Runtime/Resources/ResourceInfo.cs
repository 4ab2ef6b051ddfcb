namespace Keel.Runtime.Resources;

/// <summary>
/// Where a kind lives on the API server: group, version, plural resource name and scope.
/// <see cref="ResourceRegistry"/> resolves it for a C# type.
/// </summary>
public sealed record ResourceInfo(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    /// <summary><c>group/version</c>, or just <c>version</c> for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>A readable name for logs and metrics, e.g. <c>deployments.apps</c> or <c>configmaps</c>.</summary>
    public string Resource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    public override string ToString() => $"{Kind} ({ApiVersion}, {Resource})";
}
