using System.Globalization;
using System.Text;

namespace System;

/// <summary>
/// Members the shared parser sources call that netstandard2.0 lacks, with the meaning they have on .NET 10.
/// C# 14 extension blocks give char and int their static helpers, so the shared sources stay unchanged.
/// </summary>
internal static class BclExtensions
{
    extension(char)
    {
        public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

        public static bool IsAsciiHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
    }

    extension(int)
    {
        public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out int result) =>
            int.TryParse(s.ToString(), style, provider, out result);
    }

    public static bool Contains(this string s, char value, StringComparison comparison) =>
        s.IndexOf(value.ToString(), comparison) >= 0;

    public static string Replace(this string s, string oldValue, string? newValue, StringComparison comparison)
    {
        if (comparison != StringComparison.Ordinal)
        {
            throw new NotSupportedException("only ordinal replacement is polyfilled");
        }

        return s.Replace(oldValue, newValue);
    }

    public static bool EndsWith(this string s, char value) => s.Length > 0 && s[s.Length - 1] == value;

    public static bool StartsWith(this string s, char value) => s.Length > 0 && s[0] == value;

    public static bool ContainsAny(this ReadOnlySpan<char> span, char value0, char value1) => span.IndexOfAny(value0, value1) >= 0;

    public static string GetString(this Encoding encoding, ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());

    public static IEnumerable<Rune> EnumerateRunes(this string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                yield return new Rune(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else
            {
                yield return new Rune(char.IsSurrogate(s[i]) ? 0xFFFD : s[i]);
            }
        }
    }
}
