using System.Text;
using System.Text.RegularExpressions;
using Keel.Model.Templating.Values;
using static Keel.Model.Templating.Functions.FunctionHelpers;
using P = Keel.Model.Templating.Functions.ParameterType;

namespace Keel.Model.Templating.Functions;

/// <summary>
/// sprig's regex functions over Go's RE2 semantics: linear-time matching (.NET's NonBacktracking
/// engine, which like RE2 rejects backreferences and lookaround), a match timeout, Go's rule for
/// empty matches next to a previous match, and Go's <c>$1</c>/<c>${name}</c> expansion.
/// </summary>
internal static class SprigRegex
{
    public static IEnumerable<TemplateFunction> All() =>
    [
        TemplateFunction.Of("regexMatch", static (c, a) => TemplateValue.FromBool(TryCompile(c, a[0].AsString) is { } re && re.Regex.IsMatch(a[1].AsString)), P.String, P.String),
        TemplateFunction.Of("regexFind", static (c, a) => String(c, Matches(c.Regex(a[0].AsString).Regex, a[1].AsString, 1).Select(m => m.Value).FirstOrDefault() ?? string.Empty), P.String, P.String),
        TemplateFunction.Of("regexFindAll", static (c, a) => StringList(c, Matches(c.Regex(a[0].AsString).Regex, a[1].AsString, (int)a[2].AsInteger).Select(m => m.Value).ToList()), P.String, P.String, P.Int),
        TemplateFunction.Of("regexReplaceAll", static (c, a) => String(c, ReplaceAll(c, c.Regex(a[0].AsString), a[1].AsString, a[2].AsString, literal: false)), P.String, P.String, P.String),
        TemplateFunction.Of("regexReplaceAllLiteral", static (c, a) => String(c, ReplaceAll(c, c.Regex(a[0].AsString), a[1].AsString, a[2].AsString, literal: true)), P.String, P.String, P.String),
        TemplateFunction.Of("regexSplit", static (c, a) => StringList(c, Split(c.Regex(a[0].AsString).Regex, a[1].AsString, (int)a[2].AsInteger)), P.String, P.String, P.Int),
        TemplateFunction.Of("regexQuoteMeta", static (c, a) => String(c, QuoteMeta(a[0].AsString)), P.String),
    ];

    private static GoRegexp? TryCompile(IFunctionContext context, string pattern)
    {
        try
        {
            return context.Regex(pattern);
        }
        catch (FunctionException)
        {
            return null;
        }
    }

    /// <summary>Successive non-overlapping matches; an empty match right after a match is skipped (Go).</summary>
    private static IEnumerable<Match> Matches(Regex regex, string s, int n)
    {
        var count = 0;
        var searchPos = 0;
        var previousEnd = -1;
        while (searchPos <= s.Length && (n < 0 || count < n))
        {
            var m = regex.Match(s, searchPos);
            if (!m.Success)
            {
                yield break;
            }

            var end = m.Index + m.Length;
            var accept = !(m.Length == 0 && m.Index == previousEnd);
            if (accept)
            {
                count++;
                yield return m;
            }

            previousEnd = end;
            searchPos = end > searchPos ? end : searchPos + Width(s, searchPos);
        }
    }

    private static int Width(string s, int at) => at < s.Length && char.IsHighSurrogate(s[at]) && at + 1 < s.Length ? 2 : 1;

    private static string ReplaceAll(IFunctionContext context, GoRegexp goRegex, string src, string replacement, bool literal)
    {
        var regex = goRegex.Regex;
        var sb = new StringBuilder();
        var lastMatchEnd = 0;
        var searchPos = 0;
        while (searchPos <= src.Length)
        {
            var m = regex.Match(src, searchPos);
            if (!m.Success)
            {
                break;
            }

            var start = m.Index;
            var end = m.Index + m.Length;
            sb.Append(src, lastMatchEnd, start - lastMatchEnd);
            if (end > lastMatchEnd || start == 0)
            {
                if (literal)
                {
                    sb.Append(replacement);
                }
                else
                {
                    Expand(sb, replacement, goRegex, m);
                }

                context.Charge(replacement.Length);
            }

            lastMatchEnd = end;
            var width = Width(src, searchPos);
            searchPos = searchPos + width > end ? searchPos + width : searchPos + 1 > end ? searchPos + 1 : end;
        }

        sb.Append(src, lastMatchEnd, src.Length - lastMatchEnd);
        return sb.ToString();
    }

    /// <summary>Go's Regexp.Expand: $1, ${1}, $name, ${name}, $$; a malformed reference is literal '$'.</summary>
    private static void Expand(StringBuilder sb, string template, GoRegexp regex, Match match)
    {
        var i = 0;
        while (i < template.Length)
        {
            var dollar = template.IndexOf('$', i);
            if (dollar < 0)
            {
                sb.Append(template, i, template.Length - i);
                return;
            }

            sb.Append(template, i, dollar - i);
            i = dollar + 1;
            if (i < template.Length && template[i] == '$')
            {
                sb.Append('$');
                i++;
                continue;
            }

            var brace = i < template.Length && template[i] == '{';
            var nameStart = brace ? i + 1 : i;
            var nameEnd = nameStart;
            while (nameEnd < template.Length && (char.IsLetterOrDigit(template[nameEnd]) || template[nameEnd] == '_'))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || (brace && (nameEnd >= template.Length || template[nameEnd] != '}')))
            {
                sb.Append('$');
                continue;
            }

            var name = template[nameStart..nameEnd];
            i = brace ? nameEnd + 1 : nameEnd;
            Group? group = null;
            if (name.All(char.IsAsciiDigit) && !(name.Length > 1 && name[0] == '0'))
            {
                if (int.TryParse(name, System.Globalization.CultureInfo.InvariantCulture, out var number) && number <= regex.GroupNames.Count)
                {
                    group = match.Groups[number];
                }
            }
            else
            {
                for (var g = 0; g < regex.GroupNames.Count; g++)
                {
                    if (regex.GroupNames[g] == name)
                    {
                        group = match.Groups[g + 1];
                        break;
                    }
                }
            }

            if (group is { Success: true })
            {
                sb.Append(group.Value);
            }
        }
    }

    /// <summary>Go's Regexp.Split.</summary>
    private static List<string> Split(Regex regex, string s, int n)
    {
        if (n == 0)
        {
            return [];
        }

        if (regex.ToString().Length > 0 && s.Length == 0)
        {
            return [string.Empty];
        }

        var parts = new List<string>();
        var beg = 0;
        var end = 0;
        foreach (var m in Matches(regex, s, n))
        {
            if (n > 0 && parts.Count == n - 1)
            {
                break;
            }

            end = m.Index;
            if (m.Index + m.Length != 0)
            {
                parts.Add(s[beg..end]);
            }

            beg = m.Index + m.Length;
        }

        if (end != s.Length)
        {
            parts.Add(s[beg..]);
        }

        return parts;
    }

    private static string QuoteMeta(string s)
    {
        var sb = new StringBuilder(s.Length * 2);
        foreach (var c in s)
        {
            if (@"\.+*?()|[]{}^$".Contains(c, StringComparison.Ordinal))
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Translates RE2 syntax .NET spells or numbers differently: named groups become unnamed ones
    /// (so groups are numbered by their opening parenthesis, as in Go) with the names returned
    /// separately; <c>\pL</c> becomes <c>\p{L}</c>; <c>$</c> means end of text unless (?m).
    /// </summary>
    internal static (string Pattern, IReadOnlyList<string?> GroupNames) Translate(string pattern)
    {
        var names = new List<string?>();
        var multiline = Regex.IsMatch(pattern, @"\(\?[a-zA-Z]*m", RegexOptions.None, TimeSpan.FromSeconds(1));
        var sb = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                if (next is 'p' or 'P' && i + 2 < pattern.Length && pattern[i + 2] != '{')
                {
                    sb.Append('\\').Append(next).Append('{').Append(pattern[i + 2]).Append('}');
                    i += 2;
                    continue;
                }

                sb.Append(c).Append(next);
                i++;
                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }

                sb.Append(c);
                continue;
            }

            if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    sb.Append('^');
                    i++;
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    sb.Append(@"\]");
                    i++;
                }

                continue;
            }

            if (c == '(')
            {
                var named = string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0 ? 4
                    : string.CompareOrdinal(pattern, i, "(?<", 0, 3) == 0 && i + 3 < pattern.Length && pattern[i + 3] is not ('=' or '!') ? 3
                    : 0;
                if (named > 0)
                {
                    var close = pattern.IndexOf('>', i + named);
                    if (close > 0)
                    {
                        names.Add(pattern[(i + named)..close]);
                        sb.Append('(');
                        i = close;
                        continue;
                    }
                }
                else if (i + 1 >= pattern.Length || pattern[i + 1] != '?')
                {
                    names.Add(null);
                }
            }

            if (c == '$' && !multiline)
            {
                sb.Append(@"\z");
                continue;
            }

            sb.Append(c);
        }

        return (sb.ToString(), names);
    }
}
