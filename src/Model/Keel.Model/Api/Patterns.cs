namespace Keel.Model.Api;

/// <summary>Regular expressions shared by the API's validations (ECMA-262, as the API server evaluates them).</summary>
internal static class Patterns
{
    /// <summary>An RFC 1123 label (a namespace name).</summary>
    public const string DnsLabel = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>An RFC 1123 subdomain (an API group, a section name).</summary>
    public const string DnsSubdomain = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>A Gateway API Group: empty (the core group) or an RFC 1123 subdomain.</summary>
    public const string GatewayGroup = "^$|" + DnsSubdomain;

    /// <summary>A Gateway API Kind.</summary>
    public const string GatewayKind = "^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$";
}
