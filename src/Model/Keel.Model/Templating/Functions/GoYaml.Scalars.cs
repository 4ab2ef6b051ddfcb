using System.Text.RegularExpressions;

namespace Keel.Model.Templating.Functions;

/// <summary>
/// The scalar side of <see cref="GoYaml"/>: which styles go-yaml v2 allows for a string (plain, single-quoted,
/// literal block) and which plain strings would read back as another type, so must be quoted.
/// </summary>
internal static partial class GoYaml
{
    private static bool IsPrintable(int c) =>
        c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);

    private readonly record struct Analysis(bool BlockPlainAllowed, bool SingleQuotedAllowed, bool BlockAllowed);

    /// <summary>libyaml's yaml_emitter_analyze_scalar, reduced to the block context toYaml writes in.</summary>
    private static Analysis Analyze(string value)
    {
        if (value.Length == 0)
        {
            return new Analysis(false, true, false);
        }

        var blockIndicators = value.StartsWith("---", StringComparison.Ordinal) || value.StartsWith("...", StringComparison.Ordinal);
        bool leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
        bool breakSpace = false, spaceBreak = false, previousSpace = false, previousBreak = false;
        bool lineBreaks = false, special = false;
        var precededByWhitespace = true;
        var runes = value.EnumerateRunes().Select(r => r.Value).ToArray();
        static bool Blank(int[] r, int i) => i >= r.Length || r[i] is ' ' or '\t' or '\r' or '\n' or 0x85 or 0x2028 or 0x2029 or 0;
        var followedByWhitespace = Blank(runes, 1);
        for (var i = 0; i < runes.Length; i++)
        {
            var c = runes[i];
            if (i == 0)
            {
                if ("#,[]{}&*!|>'\"%@`".Contains((char)c, StringComparison.Ordinal) && c < 0x80)
                {
                    blockIndicators = true;
                }
                else if ((c is '?' or ':' or '-') && followedByWhitespace)
                {
                    blockIndicators = true;
                }
            }
            else if ((c == ':' && followedByWhitespace) || (c == '#' && precededByWhitespace))
            {
                blockIndicators = true;
            }

            if (!IsPrintable(c))
            {
                special = true;
            }

            var isBreak = c is '\r' or '\n' or 0x85 or 0x2028 or 0x2029;
            if (isBreak)
            {
                lineBreaks = true;
            }

            if (c == ' ')
            {
                leadingSpace |= i == 0;
                trailingSpace |= i == runes.Length - 1;
                breakSpace |= previousBreak;
                previousSpace = true;
                previousBreak = false;
            }
            else if (isBreak)
            {
                leadingBreak |= i == 0;
                trailingBreak |= i == runes.Length - 1;
                spaceBreak |= previousSpace;
                previousBreak = true;
                previousSpace = false;
            }
            else
            {
                previousSpace = previousBreak = false;
            }

            precededByWhitespace = Blank(runes, i);
            followedByWhitespace = Blank(runes, i + 2);
        }

        var plain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || breakSpace || spaceBreak || special || lineBreaks || blockIndicators);
        var single = !(breakSpace || spaceBreak || special);
        var block = !(trailingSpace || spaceBreak || special);
        return new Analysis(plain, single, block);
    }

    /// <summary>Whether go-yaml v2 would read the plain scalar back as a string (not null, bool, number or timestamp).</summary>
    private static bool ResolvesToString(string s)
    {
        switch (s)
        {
            case "" or "~" or "null" or "Null" or "NULL":
            case "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO":
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
            case "on" or "On" or "ON" or "off" or "Off" or "OFF":
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF":
            case ".nan" or ".NaN" or ".NAN" or "<<":
                return false;
        }

        var plain = s.Replace("_", string.Empty, StringComparison.Ordinal);
        if (Syntax.GoLiterals.TryParseInt(plain, out _) || Syntax.GoLiterals.TryParseUint(plain, out _))
        {
            return false;
        }

        if (plain.StartsWith("0b", StringComparison.Ordinal) || plain.StartsWith("-0b", StringComparison.Ordinal))
        {
            return false;
        }

        return !YamlFloat().IsMatch(plain) && !Timestamp().IsMatch(s);
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();

    [GeneratedRegex(@"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")]
    private static partial Regex Base60Float();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?$")]
    private static partial Regex Timestamp();
}
