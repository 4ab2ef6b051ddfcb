using System.Globalization;
using System.Text;

namespace Keel.Model.Templating.Formatting;

/// <summary>Go's strconv quoting: Quote, QuoteToASCII, QuoteRune, CanBackquote and unicode.IsPrint.</summary>
internal static class GoQuote
{
    public static string Quote(string s, bool asciiOnly = false) => QuoteWith(s, '"', asciiOnly);

    public static string QuoteRune(int rune, bool asciiOnly = false)
    {
        var sb = new StringBuilder("'");
        AppendEscapedRune(sb, IsValidRune(rune) ? rune : 0xFFFD, '\'', asciiOnly);
        return sb.Append('\'').ToString();
    }

    public static bool CanBackquote(string s)
    {
        foreach (var rune in s.EnumerateRunes())
        {
            var r = rune.Value;
            if (r == 0xFFFD && !s.Contains('\uFFFD', StringComparison.Ordinal))
            {
                return false;
            }

            if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F || r == 0xFEFF)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    public static bool IsPrint(int rune)
    {
        if (rune == ' ')
        {
            return true;
        }

        if (!IsValidRune(rune))
        {
            return false;
        }

        return Rune.GetUnicodeCategory(new Rune(rune)) switch
        {
            UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
            _ => true,
        };
    }

    public static bool IsValidRune(long rune) => rune is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF);

    private static string QuoteWith(string s, char quote, bool asciiOnly)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append(quote);
        for (var i = 0; i < s.Length; i++)
        {
            int r = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                r = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(s[i]))
            {
                r = 0xFFFD;
            }

            AppendEscapedRune(sb, r, quote, asciiOnly);
        }

        return sb.Append(quote).ToString();
    }

    private static void AppendEscapedRune(StringBuilder sb, int r, char quote, bool asciiOnly)
    {
        if (r == quote || r == '\\')
        {
            sb.Append('\\').Append((char)r);
            return;
        }

        if (asciiOnly ? r < 0x80 && IsPrint(r) : IsPrint(r))
        {
            sb.Append(char.ConvertFromUtf32(r));
            return;
        }

        switch (r)
        {
            case '\a': sb.Append("\\a"); return;
            case '\b': sb.Append("\\b"); return;
            case '\f': sb.Append("\\f"); return;
            case '\n': sb.Append("\\n"); return;
            case '\r': sb.Append("\\r"); return;
            case '\t': sb.Append("\\t"); return;
            case '\v': sb.Append("\\v"); return;
        }

        if (r < ' ' || r == 0x7F)
        {
            sb.Append("\\x").Append(r.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (r < 0x10000)
        {
            sb.Append("\\u").Append(r.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("\\U").Append(r.ToString("x8", CultureInfo.InvariantCulture));
        }
    }
}
