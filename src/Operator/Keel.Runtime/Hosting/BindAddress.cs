using System.Net;

namespace Keel.Runtime.Hosting;

/// <summary>
/// Parses the bind-address flags controller-runtime uses: <c>":8080"</c> (all interfaces), <c>"127.0.0.1:0"</c>
/// (loopback, any free port), <c>"[::1]:9090"</c>; <c>"0"</c> or empty disables the endpoint.
/// </summary>
public static class BindAddress
{
    public static IPEndPoint? Parse(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address == "0")
        {
            return null;
        }

        var colon = address.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(address[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"Bind address '{address}' must be host:port, :port or 0.");
        }

        var host = address[..colon].Trim('[', ']');
        var ip = host.Length == 0 ? IPAddress.Any
            : host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed
            : throw new FormatException($"Bind address '{address}': '{host}' is not an IP address.");
        return new IPEndPoint(ip, port);
    }
}
