using System.Text.RegularExpressions;
using Cel;
using Keel.ApiServer.Schema.Errors;

namespace Keel.ApiServer.Schema.Cel.Library;

/// <summary>
/// A URL value of the Kubernetes URL library: an absolute URI or an absolute path as Go's
/// <c>url.ParseRequestURI</c> accepts them, with accessors for scheme, host, hostname, port, path and query.
/// </summary>
internal sealed partial class CelUrl
{
    private CelUrl(string scheme, string host, string path, string query)
    {
        Scheme = scheme;
        Host = host;
        Path = path;
        Query = query;
    }

    public string Scheme { get; }
    public string Host { get; }
    public string Path { get; }
    public string Query { get; }

    public string Hostname
    {
        get
        {
            if (Host.StartsWith('['))
            {
                var end = Host.IndexOf(']', StringComparison.Ordinal);
                return end > 0 ? Host[1..end] : Host;
            }

            var colon = Host.LastIndexOf(':');
            return colon >= 0 ? Host[..colon] : Host;
        }
    }

    public string Port
    {
        get
        {
            var colon = Host.LastIndexOf(':');
            if (colon < 0 || Host.StartsWith('[') && Host.LastIndexOf(']') > colon)
            {
                return "";
            }

            return Host[(colon + 1)..];
        }
    }

    public static void Register(CelEnvironment environment)
    {
        environment.RegisterFunction("url", [typeof(object)], a => Parse(CelArgs.String(a[0], "url")));
        environment.RegisterFunction("isURL", [typeof(object)], a => TryParse(CelArgs.String(a[0], "isURL"), out _));
        environment.RegisterFunction("getScheme", [typeof(object)], a => Of(a[0], "getScheme").Scheme);
        environment.RegisterFunction("getHost", [typeof(object)], a => Of(a[0], "getHost").Host);
        environment.RegisterFunction("getHostname", [typeof(object)], a => Of(a[0], "getHostname").Hostname);
        environment.RegisterFunction("getPort", [typeof(object)], a => Of(a[0], "getPort").Port);
        environment.RegisterFunction("getEscapedPath", [typeof(object)], a => Of(a[0], "getEscapedPath").Path);
        environment.RegisterFunction("getQuery", [typeof(object)], a => Of(a[0], "getQuery").QueryMap());
    }

    private static CelUrl Of(object? value, string function) => value as CelUrl ?? throw CelArgs.NoOverload(function, value);

    public static CelUrl Parse(string text) =>
        TryParse(text, out var url)
            ? url
            : throw new CelEvaluationException($"URL parse error during conversion from string: parse {GoFormatting.Quote(text)}: invalid URI for request");

    public static bool TryParse(string text, out CelUrl url)
    {
        url = null!;
        if (text.Length == 0 || text.Any(c => c <= ' ' || c == 0x7f))
        {
            return false;
        }

        var query = "";
        var queryStart = text.IndexOf('?', StringComparison.Ordinal);
        var beforeQuery = text;
        if (queryStart >= 0)
        {
            query = text[(queryStart + 1)..];
            beforeQuery = text[..queryStart];
        }

        if (beforeQuery.StartsWith('/'))
        {
            if (!ValidEscapes(beforeQuery))
            {
                return false;
            }

            url = new CelUrl("", "", beforeQuery, query);
            return true;
        }

        var colon = beforeQuery.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !SchemePattern().IsMatch(beforeQuery[..colon]))
        {
            return false;
        }

        var scheme = beforeQuery[..colon];
        var rest = beforeQuery[(colon + 1)..];
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            // Opaque URIs (mailto:x) have no host or path.
            url = new CelUrl(scheme, "", "", query);
            return ValidEscapes(rest);
        }

        rest = rest[2..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        var path = slash >= 0 ? rest[slash..] : "";
        var at = authority.LastIndexOf('@');
        var host = at >= 0 ? authority[(at + 1)..] : authority;
        if (!HostPattern().IsMatch(host) || !ValidEscapes(path))
        {
            return false;
        }

        url = new CelUrl(scheme, host, path, query);
        return true;
    }

    private Dictionary<string, object?> QueryMap()
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var part in Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq >= 0 ? part[..eq] : part);
            var value = Uri.UnescapeDataString(eq >= 0 ? part[(eq + 1)..] : "");
            var values = map.TryGetValue(key, out var existing) ? (object?[])existing! : [];
            map[key] = values.Append(value).ToArray();
        }

        return map;
    }

    private static bool ValidEscapes(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%' && (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2])))
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*$")]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~%!$&'()*+,;=]*)(:[0-9]*)?$")]
    private static partial Regex HostPattern();
}
