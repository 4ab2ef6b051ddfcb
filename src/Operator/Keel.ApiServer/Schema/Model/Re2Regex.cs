using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Keel.ApiServer.Schema.Model;

/// <summary>
/// Kubernetes evaluates <c>pattern</c> and CEL <c>matches()</c> with Go's RE2. This compiles such a pattern for .NET
/// with RE2's meaning (ASCII <c>\d \w \s</c>, <c>$</c> only at the end of text, linear-time matching, so hostile
/// patterns or inputs need no timeout) and rejects
/// what RE2 rejects (look-arounds, back-references) with Go's error wording.
/// </summary>
internal static class Re2Regex
{
    private static readonly ConcurrentDictionary<string, Lazy<(Regex? Regex, string? Error)>> Cache = new(StringComparer.Ordinal);

    /// <summary>Compiles (cached) or returns Go's parse error text.</summary>
    public static bool TryCompile(string pattern, out Regex? regex, out string? error)
    {
        // Bound the cache: CEL matches() may see arbitrary runtime patterns.
        if (Cache.Count > 4096)
        {
            Cache.Clear();
        }

        var entry = Cache.GetOrAdd(pattern, p => new Lazy<(Regex?, string?)>(() => Compile(p))).Value;
        regex = entry.Regex;
        error = entry.Error;
        return regex is not null;
    }

    private static (Regex? Regex, string? Error) Compile(string pattern)
    {
        var translated = Translate(pattern, out var unsupported);
        if (unsupported is not null)
        {
            return (null, $"error parsing regexp: invalid or unsupported Perl syntax: `{unsupported}`");
        }

        try
        {
            return (new Regex(translated, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), null);
        }
        catch (ArgumentException ex)
        {
            return (null, "error parsing regexp: " + ex.Message);
        }
        catch (NotSupportedException ex)
        {
            return (null, "error parsing regexp: " + ex.Message);
        }
    }

    private static string Translate(string pattern, out string? unsupported)
    {
        unsupported = null;
        var builder = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                i++;
                switch (next)
                {
                    case 'd': builder.Append(inClass ? "0-9" : "[0-9]"); break;
                    case 'D': builder.Append(inClass ? "\\D" : "[^0-9]"); break;
                    case 'w': builder.Append(inClass ? "0-9A-Za-z_" : "[0-9A-Za-z_]"); break;
                    case 'W': builder.Append(inClass ? "\\W" : "[^0-9A-Za-z_]"); break;
                    case 's': builder.Append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]"); break;
                    case 'S': builder.Append(inClass ? "\\S" : "[^\\t\\n\\f\\r ]"); break;
                    case 'z': builder.Append("\\z"); break;
                    case >= '1' and <= '9' when !inClass:
                        unsupported = "\\" + next;
                        return "";
                    default: builder.Append('\\').Append(next); break;
                }

                continue;
            }

            if (inClass)
            {
                if (c == ']')
                {
                    inClass = false;
                }

                builder.Append(c);
                continue;
            }

            switch (c)
            {
                case '[':
                    inClass = true;
                    builder.Append(c);
                    // A ']' right after '[' or '[^' is a literal.
                    if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                    {
                        builder.Append('^');
                        i++;
                    }

                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        builder.Append("\\]");
                        i++;
                    }

                    break;
                case '$':
                    // RE2 without (?m): end of text only; .NET's $ also matches before a final newline.
                    builder.Append("\\z");
                    break;
                case '(' when i + 2 < pattern.Length && pattern[i + 1] == '?':
                    var rest = pattern.AsSpan(i + 2);
                    if (rest.StartsWith("=") || rest.StartsWith("!") || rest.StartsWith("<=") || rest.StartsWith("<!"))
                    {
                        unsupported = rest.StartsWith("<") ? "(?" + rest[..2].ToString() : "(?" + rest[0];
                        return "";
                    }

                    if (rest.StartsWith("P<"))
                    {
                        builder.Append("(?<");
                        i += 3;
                        break;
                    }

                    builder.Append(c);
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }
}
