using System.Text;
using Keel.Model.Templating.Formatting;
using Keel.Model.Templating.Values;
using static Keel.Model.Templating.Functions.FunctionHelpers;
using P = Keel.Model.Templating.Functions.ParameterType;

namespace Keel.Model.Templating.Functions;

/// <summary>sprig's string functions (argument order as sprig: the subject comes last, for pipelines).</summary>
internal static class SprigStrings
{
    public static IEnumerable<TemplateFunction> All() =>
    [
        TemplateFunction.Of("trim", static (c, a) => String(c, GoStrings.TrimSpace(a[0].AsString)), P.String),
        TemplateFunction.Of("trimAll", static (c, a) => String(c, a[1].AsString.Trim(a[0].AsString.ToCharArray())), P.String, P.String),
        TemplateFunction.Of("trimPrefix", static (c, a) => String(c, a[1].AsString.StartsWith(a[0].AsString, StringComparison.Ordinal) ? a[1].AsString[a[0].AsString.Length..] : a[1].AsString), P.String, P.String),
        TemplateFunction.Of("trimSuffix", static (c, a) => String(c, a[1].AsString.EndsWith(a[0].AsString, StringComparison.Ordinal) ? a[1].AsString[..^a[0].AsString.Length] : a[1].AsString), P.String, P.String),
        TemplateFunction.Of("upper", static (c, a) => String(c, a[0].AsString.ToUpperInvariant()), P.String),
        TemplateFunction.Of("lower", static (c, a) => String(c, a[0].AsString.ToLowerInvariant()), P.String),
        TemplateFunction.Of("title", static (c, a) => String(c, Title(a[0].AsString)), P.String),
        TemplateFunction.Of("nospace", static (c, a) => String(c, string.Concat(a[0].AsString.Where(ch => !char.IsWhiteSpace(ch)))), P.String),
        TemplateFunction.Of("replace", static (c, a) => String(c, Replace(c, a[2].AsString, a[0].AsString, a[1].AsString)), P.String, P.String, P.String),
        TemplateFunction.Of("contains", static (_, a) => TemplateValue.FromBool(a[1].AsString.Contains(a[0].AsString, StringComparison.Ordinal)), P.String, P.String),
        TemplateFunction.Of("hasPrefix", static (_, a) => TemplateValue.FromBool(a[1].AsString.StartsWith(a[0].AsString, StringComparison.Ordinal)), P.String, P.String),
        TemplateFunction.Of("hasSuffix", static (_, a) => TemplateValue.FromBool(a[1].AsString.EndsWith(a[0].AsString, StringComparison.Ordinal)), P.String, P.String),
        TemplateFunction.OfVariadic("quote", static (c, a) => String(c, JoinNonNil(a, v => GoQuote.Quote(StrVal(v)))), P.Any),
        TemplateFunction.OfVariadic("squote", static (c, a) => String(c, JoinNonNil(a, v => "'" + GoFmt.Sprint([v]) + "'")), P.Any),
        TemplateFunction.OfVariadic("cat", static (c, a) => String(c, JoinNonNil(a, v => GoFmt.Sprint([v]))), P.Any),
        TemplateFunction.Of("indent", static (c, a) => String(c, Indent(c, (int)a[0].AsInteger, a[1].AsString)), P.Int, P.String),
        TemplateFunction.Of("nindent", static (c, a) => String(c, "\n" + Indent(c, (int)a[0].AsInteger, a[1].AsString)), P.Int, P.String),
        TemplateFunction.Of("trunc", static (c, a) => String(c, Trunc((int)a[0].AsInteger, a[1].AsString)), P.Int, P.String),
        TemplateFunction.Of("substr", static (c, a) => String(c, Substring((int)a[0].AsInteger, (int)a[1].AsInteger, a[2].AsString)), P.Int, P.Int, P.String),
        TemplateFunction.Of("repeat", static (c, a) => String(c, Repeat(c, (int)a[0].AsInteger, a[1].AsString)), P.Int, P.String),
        TemplateFunction.Of("split", static (c, a) => Split(c, GoSplit(a[1].AsString, a[0].AsString, -1)), P.String, P.String),
        TemplateFunction.Of("splitn", static (c, a) => Split(c, GoSplit(a[2].AsString, a[0].AsString, (int)a[1].AsInteger)), P.String, P.Int, P.String),
        TemplateFunction.Of("splitList", static (c, a) => StringList(c, GoSplit(a[1].AsString, a[0].AsString, -1)), P.String, P.String),
        TemplateFunction.Of("join", static (c, a) => String(c, string.Join(a[0].AsString, StrSlice(a[1]))), P.String, P.Any),
        TemplateFunction.Of("toStrings", static (c, a) => StringList(c, StrSlice(a[0])), P.Any),
        TemplateFunction.Of("plural", static (_, a) => a[2].AsInteger == 1 ? a[0] : a[1], P.String, P.String, P.Int),
    ];

    private static string JoinNonNil(ReadOnlySpan<TemplateValue> values, Func<TemplateValue, string> format)
    {
        var parts = new List<string>(values.Length);
        foreach (var v in values)
        {
            if (v.Kind is not (GoKind.Nil or GoKind.Invalid))
            {
                parts.Add(format(v.Unboxed()));
            }
        }

        return string.Join(' ', parts);
    }

    /// <summary>strings.Title: upper-cases the first letter of every word; the rest is left alone.</summary>
    internal static string Title(string s)
    {
        var sb = new StringBuilder(s.Length);
        var previous = ' ';
        foreach (var c in s)
        {
            sb.Append(IsSeparator(previous) ? char.ToUpperInvariant(c) : c);
            previous = c;
        }

        return sb.ToString();
    }

    private static bool IsSeparator(char r)
    {
        if (r <= 0x7F)
        {
            return !(char.IsAsciiLetterOrDigit(r) || r == '_');
        }

        return !char.IsLetterOrDigit(r) && char.IsWhiteSpace(r);
    }

    /// <summary>strings.Replace(s, old, new, -1), including Go's rule for an empty old string.</summary>
    private static string Replace(IFunctionContext context, string s, string oldValue, string newValue)
    {
        if (oldValue.Length > 0)
        {
            var count = CountOccurrences(s, oldValue);
            context.Charge(s.Length + ((long)count * Math.Max(0, newValue.Length - oldValue.Length)));
            return s.Replace(oldValue, newValue, StringComparison.Ordinal);
        }

        context.Charge(s.Length + ((long)(GoStrings.RuneCount(s) + 1) * newValue.Length));
        var sb = new StringBuilder();
        sb.Append(newValue);
        for (var i = 0; i < s.Length; i++)
        {
            sb.Append(s[i]);
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length)
            {
                sb.Append(s[++i]);
            }

            sb.Append(newValue);
        }

        return sb.ToString();
    }

    private static int CountOccurrences(string s, string value)
    {
        var count = 0;
        for (var i = s.IndexOf(value, StringComparison.Ordinal); i >= 0; i = s.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string Indent(IFunctionContext context, int spaces, string v)
    {
        if (spaces < 0)
        {
            throw Fail("strings: negative Repeat count");
        }

        var lines = CountOccurrences(v, "\n") + 1;
        context.Charge(v.Length + ((long)lines * spaces));
        var pad = new string(' ', spaces);
        return pad + v.Replace("\n", "\n" + pad, StringComparison.Ordinal);
    }

    private static string Trunc(int c, string s)
    {
        var length = GoStrings.ByteLength(s);
        if (c < 0 && length + c > 0)
        {
            return GoStrings.ByteSlice(s, length + c, length);
        }

        if (c >= 0 && length > c)
        {
            return GoStrings.ByteSlice(s, 0, c);
        }

        return s;
    }

    private static string Substring(int start, int end, string s)
    {
        var length = GoStrings.ByteLength(s);
        if (start < 0)
        {
            return SliceOrFail(s, 0, end, length, $"[:{end}]");
        }

        if (end < 0 || end > length)
        {
            return SliceOrFail(s, start, length, length, $"[{start}:{length}]");
        }

        return SliceOrFail(s, start, end, length, $"[{start}:{end}]");
    }

    private static string SliceOrFail(string s, int start, int end, int length, string expression)
    {
        if (end < 0 || end > length)
        {
            throw Fail($"runtime error: slice bounds out of range {expression} with length {length}");
        }

        if (start > end)
        {
            throw Fail($"runtime error: slice bounds out of range {expression}");
        }

        return GoStrings.ByteSlice(s, start, end);
    }

    private static string Repeat(IFunctionContext context, int count, string s)
    {
        if (count < 0)
        {
            throw Fail("strings: negative Repeat count");
        }

        context.Charge((long)count * s.Length);
        return count == 0 || s.Length == 0 ? string.Empty : new StringBuilder(count * s.Length).Insert(0, s, count).ToString();
    }

    /// <summary>strings.SplitN: an empty separator splits after each character; n &lt; 0 means all.</summary>
    internal static List<string> GoSplit(string s, string separator, int n)
    {
        var parts = new List<string>();
        if (n == 0)
        {
            return parts;
        }

        if (separator.Length == 0)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (n > 0 && parts.Count == n - 1)
                {
                    parts.Add(s[i..]);
                    return parts;
                }

                var width = char.IsHighSurrogate(s[i]) && i + 1 < s.Length ? 2 : 1;
                parts.Add(s.Substring(i, width));
                i += width - 1;
            }

            return parts;
        }

        var start = 0;
        while (n < 0 || parts.Count < n - 1)
        {
            var at = s.IndexOf(separator, start, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            parts.Add(s[start..at]);
            start = at + separator.Length;
        }

        parts.Add(s[start..]);
        return parts;
    }

    private static TemplateValue Split(IFunctionContext context, List<string> parts)
    {
        context.Charge(parts.Count + parts.Sum(p => (long)p.Length));
        var map = new TemplateMap(GoKind.String, parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            map.Set("_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), TemplateValue.FromString(parts[i]));
        }

        return TemplateValue.FromMap(map);
    }

    /// <summary>sprig's strslice: a list's non-nil elements as strings; nil is empty; anything else one string.</summary>
    internal static List<string> StrSlice(TemplateValue v)
    {
        v = v.Unboxed();
        if (v.Kind == GoKind.List)
        {
            return v.AsList.Items.Where(i => i.Kind is not (GoKind.Nil or GoKind.Invalid)).Select(StrVal).ToList();
        }

        return v.IsValid ? [StrVal(v)] : [];
    }
}
