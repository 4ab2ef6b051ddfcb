using System.Text;

namespace Keel.Model.Templating.Formatting;

/// <summary>
/// Go strings are bytes; ours are UTF-16. These helpers give the byte-oriented operations
/// (<c>len</c>, <c>trunc</c>, <c>substr</c>, <c>index</c>) Go's meaning. A cut inside a multi-byte
/// character yields U+FFFD where Go would yield a broken byte.
/// </summary>
internal static class GoStrings
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static int ByteLength(string s)
    {
        var ascii = true;
        foreach (var c in s)
        {
            if (c >= 0x80)
            {
                ascii = false;
                break;
            }
        }

        return ascii ? s.Length : Utf8.GetByteCount(s);
    }

    public static byte[] Bytes(string s) => Utf8.GetBytes(s);

    public static string FromBytes(ReadOnlySpan<byte> bytes) => Utf8.GetString(bytes);

    /// <summary>s[start:end] in bytes; the caller has checked the bounds.</summary>
    public static string ByteSlice(string s, int start, int end)
    {
        if (ByteLength(s) == s.Length)
        {
            return s[start..end];
        }

        return FromBytes(Bytes(s).AsSpan(start, end - start));
    }

    public static int RuneCount(string s)
    {
        var count = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }

            count++;
        }

        return count;
    }

    /// <summary>The first <paramref name="runes"/> runes of s.</summary>
    public static string TruncateRunes(string s, int runes)
    {
        var count = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (count == runes)
            {
                return s[..i];
            }

            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i++;
            }

            count++;
        }

        return s;
    }

    /// <summary>Go's unicode.IsSpace as strings.TrimSpace uses it.</summary>
    public static bool IsSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u0085' or '\u00A0' => true,
        _ => c > 0xFF && char.IsWhiteSpace(c),
    };

    public static string TrimSpace(string s)
    {
        var start = 0;
        var end = s.Length;
        while (start < end && IsSpace(s[start]))
        {
            start++;
        }

        while (end > start && IsSpace(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }
}
