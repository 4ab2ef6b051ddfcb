namespace Keel.ApiServer.Auth;

/// <summary>What a request wants to do, as the real server's authorizers see it.</summary>
public sealed record AuthorizationAttributes(
    UserInfo User,
    string Verb,
    bool IsResourceRequest,
    string Group,
    string Version,
    string Resource,
    string Subresource,
    string Namespace,
    string Name,
    string Path);

public sealed record AuthorizationDecision(bool Allowed, string Reason)
{
    public static readonly AuthorizationDecision Allow = new(true, "");

    public static AuthorizationDecision Deny(string reason = "") => new(false, reason);
}

/// <summary>Decides every request after authentication. The default allows everything; <see cref="RbacAuthorizer"/> enforces stored RBAC.</summary>
public interface IAuthorizer
{
    ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationAttributes attributes, CancellationToken ct);
}

public sealed class AllowAllAuthorizer : IAuthorizer
{
    public static readonly AllowAllAuthorizer Instance = new();

    public ValueTask<AuthorizationDecision> AuthorizeAsync(AuthorizationAttributes attributes, CancellationToken ct) => ValueTask.FromResult(AuthorizationDecision.Allow);
}
