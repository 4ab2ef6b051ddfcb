namespace Keel.ApiServer.Auth;

/// <summary>An authenticated caller: user name, groups and (for service accounts) the identity's parts.</summary>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups)
{
    public static readonly UserInfo Anonymous = new("system:anonymous", ["system:unauthenticated"]);

    /// <summary>A cluster administrator (the <c>system:masters</c> group bypasses RBAC, as on a real cluster).</summary>
    public static UserInfo Admin(string name = "kubernetes-admin") => new(name, ["system:masters", "system:authenticated"]);

    public static UserInfo User(string name, params string[] groups) => new(name, [.. groups, "system:authenticated"]);

    public static UserInfo ServiceAccount(string ns, string name) =>
        new($"system:serviceaccount:{ns}:{name}", ["system:serviceaccounts", $"system:serviceaccounts:{ns}", "system:authenticated"]);
}
