using System.Security.Cryptography;
using System.Text;

namespace Keel.Model.Naming;

/// <summary>
/// Names for Kubernetes objects and label values: the original operator's <c>sanitize</c> (compat)
/// and the fix for what it got wrong — a cut or rewritten name gets a short stable hash of the
/// full name, so it never ends badly, never collides and never falls back to a shared name.
/// </summary>
public static class KubernetesNames
{
    /// <summary>Longest DNS-1123 label and label value.</summary>
    public const int MaxLength = 63;

    /// <summary>Length of the hash suffix (hex digits of SHA-256).</summary>
    public const int HashLength = 8;

    /// <summary>
    /// Spec 5.1, compat: trim, lower-case, replace each run of characters outside <c>[a-z0-9-]</c>
    /// with one <c>-</c>, trim leading/trailing <c>-</c>, <c>.</c>, <c>_</c>, cut to 63 bytes.
    /// Fix: when that leaves nothing, or the cut leaves a name ending in <c>-</c>, the result is
    /// cut shorter and suffixed with a hash of the input instead.
    /// </summary>
    public static string Sanitize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var full = SanitizeUncut(value);
        if (full.Length == 0)
        {
            return Hash(value);
        }

        if (full.Length <= MaxLength)
        {
            return full;
        }

        var cut = full[..MaxLength];
        return cut[^1] == '-' ? WithHash(full, value) : cut;
    }

    /// <summary>
    /// A child object's name: <c>sanitize(modelServiceName + suffix)</c> (compat) when that is the
    /// name itself and fits; otherwise (the name had to be rewritten, so two ModelServices could
    /// collide, or it is too long) a cut name plus <c>-</c> and a hash of the full name.
    /// </summary>
    public static string ChildName(string modelServiceName, string suffix)
    {
        ArgumentNullException.ThrowIfNull(modelServiceName);
        ArgumentNullException.ThrowIfNull(suffix);
        var wanted = modelServiceName + suffix;
        var sanitized = SanitizeUncut(wanted);
        if (sanitized.Length > 0 && sanitized.Length <= MaxLength && string.Equals(sanitized, wanted, StringComparison.Ordinal))
        {
            return sanitized;
        }

        return sanitized.Length == 0 ? Hash(wanted) : WithHash(sanitized, wanted);
    }

    /// <summary>The first <see cref="HashLength"/> hex digits of SHA-256 over the UTF-8 of the value.</summary>
    public static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..HashLength];

    private static string WithHash(string sanitized, string original)
    {
        var room = MaxLength - HashLength - 1;
        var stem = (sanitized.Length > room ? sanitized[..room] : sanitized).TrimEnd('-');
        return stem.Length == 0 ? Hash(original) : stem + "-" + Hash(original);
    }

    private static string SanitizeUncut(string value)
    {
        var lower = value.Trim().ToLowerInvariant();
        var sb = new StringBuilder(lower.Length);
        var inRun = false;
        foreach (var c in lower)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
            {
                sb.Append(c);
                inRun = false;
            }
            else if (!inRun)
            {
                sb.Append('-');
                inRun = true;
            }
        }

        return sb.ToString().Trim('-', '.', '_');
    }
}
