using System.Globalization;
using System.Numerics;
using System.Text;

namespace Keel.Model.Templating.Syntax;

/// <summary>
/// Go's strconv for literals: Unquote (interpreted and raw strings), UnquoteChar (rune literals),
/// and ParseInt/ParseUint/ParseFloat with base 0 (0x, 0o, 0b, leading-0 octal, underscores).
/// </summary>
internal static class GoLiterals
{
    public static bool TryUnquote(string quoted, out string value)
    {
        value = string.Empty;
        if (quoted.Length < 2)
        {
            return false;
        }

        var quote = quoted[0];
        if (quote != quoted[^1])
        {
            return false;
        }

        var body = quoted[1..^1];
        if (quote == '`')
        {
            if (body.Contains('`', StringComparison.Ordinal))
            {
                return false;
            }

            value = body.Contains('\r', StringComparison.Ordinal) ? body.Replace("\r", string.Empty, StringComparison.Ordinal) : body;
            return true;
        }

        if (quote != '"')
        {
            return false;
        }

        if (!body.Contains('\\', StringComparison.Ordinal) && !body.Contains('"', StringComparison.Ordinal) && !body.Contains('\n', StringComparison.Ordinal))
        {
            value = body;
            return true;
        }

        var bytes = new List<byte>(body.Length);
        var i = 0;
        while (i < body.Length)
        {
            if (body[i] == '"' || body[i] == '\n')
            {
                return false;
            }

            if (!TryUnquoteChar(body, ref i, '"', bytes))
            {
                return false;
            }
        }

        value = Formatting.GoStrings.FromBytes(bytes.ToArray());
        return true;
    }

    /// <summary>Parses a rune literal such as <c>'a'</c> or <c>'\n'</c>; the error is Go's message.</summary>
    public static bool TryParseRune(string text, out int rune, out string error)
    {
        rune = 0;
        error = "invalid syntax";
        var body = text[1..];
        var bytes = new List<byte>();
        var i = 0;
        if (body.Length == 0 || body[0] == '\'')
        {
            return false;
        }

        var isByteEscape = body.Length > 1 && body[0] == '\\' && body[1] is 'x' or >= '0' and <= '7';
        if (!TryUnquoteChar(body, ref i, '\'', bytes))
        {
            return false;
        }

        if (body[i..] != "'")
        {
            error = "malformed character constant: " + text;
            return false;
        }

        if (isByteEscape)
        {
            rune = bytes[0];
            return true;
        }

        var decoded = Formatting.GoStrings.FromBytes(bytes.ToArray());
        rune = char.ConvertToUtf32(decoded, 0);
        return true;
    }

    private static bool TryUnquoteChar(string s, ref int i, char quote, List<byte> output)
    {
        var c = s[i];
        if (c != '\\')
        {
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                AppendRune(output, char.ConvertToUtf32(c, s[i + 1]));
                i += 2;
                return true;
            }

            if (c == quote && quote == '\'')
            {
                return false;
            }

            AppendRune(output, char.IsSurrogate(c) ? 0xFFFD : c);
            i++;
            return true;
        }

        if (i + 1 >= s.Length)
        {
            return false;
        }

        var e = s[i + 1];
        i += 2;
        switch (e)
        {
            case 'a': output.Add(7); return true;
            case 'b': output.Add(8); return true;
            case 'f': output.Add(12); return true;
            case 'n': output.Add(10); return true;
            case 'r': output.Add(13); return true;
            case 't': output.Add(9); return true;
            case 'v': output.Add(11); return true;
            case '\\': output.Add((byte)'\\'); return true;
            case '\'' or '"':
                if (e != quote)
                {
                    return false;
                }

                output.Add((byte)e);
                return true;
            case 'x' or 'u' or 'U':
                {
                    var n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + n > s.Length || !int.TryParse(s.AsSpan(i, n), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) || s.AsSpan(i, n).ContainsAny('+', '-'))
                    {
                        return false;
                    }

                    i += n;
                    if (e == 'x')
                    {
                        output.Add((byte)v);
                        return true;
                    }

                    if (!Formatting.GoQuote.IsValidRune(v))
                    {
                        return false;
                    }

                    AppendRune(output, v);
                    return true;
                }

            case >= '0' and <= '7':
                {
                    if (i + 2 > s.Length)
                    {
                        return false;
                    }

                    var v = e - '0';
                    for (var k = 0; k < 2; k++)
                    {
                        var d = s[i + k];
                        if (d is < '0' or > '7')
                        {
                            return false;
                        }

                        v = (v << 3) | (d - '0');
                    }

                    if (v > 255)
                    {
                        return false;
                    }

                    i += 2;
                    output.Add((byte)v);
                    return true;
                }

            default:
                return false;
        }
    }

    private static void AppendRune(List<byte> output, int rune)
    {
        Span<byte> buffer = stackalloc byte[4];
        var written = new Rune(rune).EncodeToUtf8(buffer);
        for (var k = 0; k < written; k++)
        {
            output.Add(buffer[k]);
        }
    }

    /// <summary>strconv.ParseUint(s, 0, 64).</summary>
    public static bool TryParseUint(string s, out ulong value)
    {
        value = 0;
        if (s.Length == 0)
        {
            return false;
        }

        var numberBase = 10;
        var digits = s;
        if (s[0] == '0')
        {
            if (s.Length >= 3 && char.ToLowerInvariant(s[1]) == 'b')
            {
                numberBase = 2;
                digits = s[2..];
            }
            else if (s.Length >= 3 && char.ToLowerInvariant(s[1]) == 'o')
            {
                numberBase = 8;
                digits = s[2..];
            }
            else if (s.Length >= 3 && char.ToLowerInvariant(s[1]) == 'x')
            {
                numberBase = 16;
                digits = s[2..];
            }
            else
            {
                numberBase = 8;
                digits = s[1..];
            }
        }

        var underscores = false;
        BigInteger n = 0;
        foreach (var c in digits)
        {
            if (c == '_')
            {
                underscores = true;
                continue;
            }

            var d = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'a' and <= 'z' => c - 'a' + 10,
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 99,
            };
            if (d >= numberBase)
            {
                return false;
            }

            n = (n * numberBase) + d;
            if (n > ulong.MaxValue)
            {
                return false;
            }
        }

        if (underscores && !UnderscoreOk(s))
        {
            return false;
        }

        value = (ulong)n;
        return true;
    }

    /// <summary>strconv.ParseInt(s, 0, 64).</summary>
    public static bool TryParseInt(string s, out long value)
    {
        value = 0;
        if (s.Length == 0)
        {
            return false;
        }

        var negative = s[0] == '-';
        var body = s[0] is '+' or '-' ? s[1..] : s;
        if (!TryParseUint(body, out var magnitude))
        {
            return false;
        }

        if (negative)
        {
            if (magnitude > (ulong)long.MaxValue + 1)
            {
                return false;
            }

            value = unchecked(-(long)magnitude);
            return true;
        }

        if (magnitude > long.MaxValue)
        {
            return false;
        }

        value = (long)magnitude;
        return true;
    }

    /// <summary>strconv.ParseFloat(s, 64) for number literals (decimal and hexadecimal).</summary>
    public static bool TryParseFloat(string s, out double value)
    {
        value = 0;
        if (s.Length == 0)
        {
            return false;
        }

        if (s.Contains('_', StringComparison.Ordinal))
        {
            if (!UnderscoreOk(s))
            {
                return false;
            }

            s = s.Replace("_", string.Empty, StringComparison.Ordinal);
        }

        var body = s[0] is '+' or '-' ? s[1..] : s;
        var negative = s[0] == '-';
        if (body.Length > 2 && body[0] == '0' && body[1] is 'x' or 'X')
        {
            if (!TryParseHexFloat(body[2..], out value))
            {
                return false;
            }

            value = negative ? -value : value;
            return true;
        }

        if (body.Length == 0 || body.Any(c => !(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')))
        {
            return false;
        }

        if (!double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        return !double.IsInfinity(value);
    }

    private static bool TryParseHexFloat(string s, out double value)
    {
        value = 0;
        var p = s.IndexOfAny(['p', 'P']);
        if (p < 0)
        {
            return false;
        }

        var mantissa = s[..p];
        if (!int.TryParse(s[(p + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent))
        {
            return false;
        }

        BigInteger n = 0;
        var fractionDigits = 0;
        var seenDot = false;
        var anyDigit = false;
        foreach (var c in mantissa)
        {
            if (c == '.')
            {
                if (seenDot)
                {
                    return false;
                }

                seenDot = true;
                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }

            anyDigit = true;
            n = (n * 16) + Convert.ToInt32(c.ToString(), 16);
            if (seenDot)
            {
                fractionDigits++;
            }
        }

        if (!anyDigit)
        {
            return false;
        }

        value = (double)n * Math.Pow(2, exponent - (4 * fractionDigits));
        return !double.IsInfinity(value);
    }

    private static bool UnderscoreOk(string s)
    {
        var saw = '^';
        var i = 0;
        if (s.Length >= 1 && s[0] is '-' or '+')
        {
            s = s[1..];
        }

        var hex = false;
        if (s.Length >= 2 && s[0] == '0' && char.ToLowerInvariant(s[1]) is 'b' or 'o' or 'x')
        {
            i = 2;
            saw = '0';
            hex = char.ToLowerInvariant(s[1]) == 'x';
        }

        for (; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c) || (hex && char.ToLowerInvariant(c) is >= 'a' and <= 'f'))
            {
                saw = '0';
                continue;
            }

            if (c == '_')
            {
                if (saw != '0')
                {
                    return false;
                }

                saw = '_';
                continue;
            }

            if (saw == '_')
            {
                return false;
            }

            saw = '!';
        }

        return saw != '_';
    }
}
