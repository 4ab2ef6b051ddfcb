using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Keel.ApiServer.Auth;

/// <summary>
/// Bearer-token authentication against a static token table (the embedded run issues one token per
/// client: the operator, kubectl). No token is the anonymous user; an unknown token is 401.
/// </summary>
public sealed class TokenAuthenticator
{
    private readonly ConcurrentDictionary<string, UserInfo> _tokens = new(StringComparer.Ordinal);

    public bool AllowAnonymous { get; set; } = true;

    /// <summary>Issues a fresh random token for <paramref name="user"/>.</summary>
    public string Issue(UserInfo user)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        _tokens[token] = user;
        return token;
    }

    public void Add(string token, UserInfo user) => _tokens[token] = user;

    /// <summary>The caller, or null when the request must be refused with 401.</summary>
    public UserInfo? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AllowAnonymous ? UserInfo.Anonymous : null;
        }

        const string Bearer = "Bearer ";
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return _tokens.TryGetValue(header[Bearer.Length..].Trim(), out var user) ? user : null;
    }
}
