using System.Security.Cryptography;
using Keel.Model.Templating.Formatting;
using Keel.Model.Templating.Values;
using static Keel.Model.Templating.Functions.FunctionHelpers;
using P = Keel.Model.Templating.Functions.ParameterType;

namespace Keel.Model.Templating.Functions;

/// <summary>sprig's b64enc/b64dec (standard alphabet, padded) and checksums.</summary>
internal static class SprigEncoding
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static IEnumerable<TemplateFunction> All() =>
    [
        TemplateFunction.Of("b64enc", static (c, a) => String(c, Convert.ToBase64String(GoStrings.Bytes(a[0].AsString))), P.String),
        TemplateFunction.Of("b64dec", static (c, a) => String(c, Base64Decode(a[0].AsString)), P.String),
        TemplateFunction.Of("sha256sum", static (c, a) => String(c, Convert.ToHexStringLower(SHA256.HashData(GoStrings.Bytes(a[0].AsString)))), P.String),
#pragma warning disable CA5350 // sprig compatibility: a checksum, not a security control
        TemplateFunction.Of("sha1sum", static (c, a) => String(c, Convert.ToHexStringLower(SHA1.HashData(GoStrings.Bytes(a[0].AsString)))), P.String),
#pragma warning restore CA5350
    ];

    /// <summary>
    /// Go's base64.StdEncoding.DecodeString, whose error sprig returns as the result:
    /// "illegal base64 data at input byte N". Newlines are ignored, as in Go.
    /// </summary>
    internal static string Base64Decode(string input)
    {
        var src = GoStrings.Bytes(input);
        var output = new List<byte>(src.Length);
        var si = 0;
        Span<int> quantum = stackalloc int[4];
        while (true)
        {
            var j = 0;
            for (; j < 4; j++)
            {
                while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r')
                {
                    si++;
                }

                if (si == src.Length)
                {
                    if (j == 0)
                    {
                        return GoStrings.FromBytes(output.ToArray());
                    }

                    return Corrupt(si - j);
                }

                var c = src[si];
                si++;
                var value = Alphabet.IndexOf((char)c, StringComparison.Ordinal);
                if (c < 0x80 && value >= 0)
                {
                    quantum[j] = value;
                    continue;
                }

                if (c != '=')
                {
                    return Corrupt(si - 1);
                }

                // Padding: only in the last two positions, and nothing may follow.
                switch (j)
                {
                    case 0 or 1:
                        return Corrupt(si - 1);
                    case 2:
                        while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r')
                        {
                            si++;
                        }

                        if (si == src.Length)
                        {
                            return Corrupt(src.Length);
                        }

                        if (src[si] != '=')
                        {
                            return Corrupt(si - 1);
                        }

                        si++;
                        break;
                }

                while (si < src.Length && src[si] is (byte)'\n' or (byte)'\r')
                {
                    si++;
                }

                if (si < src.Length)
                {
                    return Corrupt(si);
                }

                break;
            }

            var bits = (quantum[0] << 18) | (quantum[1] << 12) | (j > 2 ? quantum[2] << 6 : 0) | (j > 3 ? quantum[3] : 0);
            output.Add((byte)(bits >> 16));
            if (j > 2)
            {
                output.Add((byte)(bits >> 8));
            }

            if (j > 3)
            {
                output.Add((byte)bits);
            }

            if (j < 4)
            {
                return GoStrings.FromBytes(output.ToArray());
            }
        }
    }

    private static string Corrupt(int offset) => "illegal base64 data at input byte " + offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
