using System.Text;
using Keel.Model.Templating.Formatting;
using Keel.Model.Templating.Values;
using static Keel.Model.Templating.Functions.FunctionHelpers;
using P = Keel.Model.Templating.Functions.ParameterType;

namespace Keel.Model.Templating.Functions;

/// <summary>Go's text/template builtins.</summary>
internal static class Builtins
{
    public static IEnumerable<TemplateFunction> All() =>
    [
        new("and", [P.Value], P.Value, static (_, _) => default, SpecialForm.And),
        new("or", [P.Value], P.Value, static (_, _) => default, SpecialForm.Or),
        new("call", [P.Value], P.Value, static (_, _) => default, SpecialForm.Call),
        TemplateFunction.Of("not", static (_, a) => TemplateValue.FromBool(!Execution.Executor.IsTrue(a[0].Unboxed())), P.Value),
        TemplateFunction.Of("len", static (_, a) => Length(a[0]), P.Value),
        TemplateFunction.OfVariadic("index", static (_, a) => Index(a[0], a[1..]), P.Value, P.Value),
        TemplateFunction.OfVariadic("print", static (c, a) => String(c, GoFmt.Sprint(a, c.Limits.MaxValueSize)), P.Any),
        TemplateFunction.OfVariadic("println", static (c, a) => String(c, GoFmt.Sprintln(a, c.Limits.MaxValueSize)), P.Any),
        TemplateFunction.OfVariadic("printf", static (c, a) => String(c, GoFmt.Sprintf(a[0].AsString, a[1..], c.Limits.MaxValueSize)), P.Any, P.String),
        TemplateFunction.OfVariadic("html", static (c, a) => String(c, HtmlEscape(EvalArgs(a))), P.Any),
        TemplateFunction.OfVariadic("js", static (c, a) => String(c, JsEscape(EvalArgs(a))), P.Any),
        TemplateFunction.OfVariadic("urlquery", static (c, a) => String(c, QueryEscape(EvalArgs(a))), P.Any),
        TemplateFunction.OfVariadic("eq", static (_, a) => TemplateValue.FromBool(Comparison.Eq(a[0], a[1..])), P.Value, P.Value),
        TemplateFunction.Of("ne", static (_, a) => TemplateValue.FromBool(!Comparison.Eq(a[0], a[1..])), P.Value, P.Value),
        TemplateFunction.Of("lt", static (_, a) => TemplateValue.FromBool(Comparison.Lt(a[0], a[1])), P.Value, P.Value),
        TemplateFunction.Of("le", static (_, a) => TemplateValue.FromBool(Comparison.Le(a[0], a[1])), P.Value, P.Value),
        TemplateFunction.Of("gt", static (_, a) => TemplateValue.FromBool(!Comparison.Le(a[0], a[1])), P.Value, P.Value),
        TemplateFunction.Of("ge", static (_, a) => TemplateValue.FromBool(!Comparison.Lt(a[0], a[1])), P.Value, P.Value),
    ];

    /// <summary>Go's builtin slice; the default set uses sprig's slice instead (spec §3).</summary>
    public static TemplateFunction GoSlice { get; } = TemplateFunction.OfVariadic("slice", static (_, a) => Slice(a[0], a[1..]), P.Value, P.Value);

    private static TemplateValue Length(TemplateValue item)
    {
        if (item.Kind == GoKind.Nil)
        {
            throw Fail("len of nil pointer");
        }

        return item.Kind switch
        {
            GoKind.Invalid => throw Fail("reflect: call of reflect.Value.Type on zero Value"),
            GoKind.String => TemplateValue.FromInt(GoStrings.ByteLength(item.AsString)),
            GoKind.List => TemplateValue.FromInt(item.AsList.Count),
            GoKind.Map => TemplateValue.FromInt(item.AsMap.Count),
            _ => throw Fail($"len of type {item.GoTypeName}"),
        };
    }

    private static int IndexArg(TemplateValue index, int cap)
    {
        index = index.Unboxed();
        if (!index.IsValid)
        {
            throw Fail("cannot index slice/array with nil");
        }

        if (!index.Kind.IsInteger())
        {
            throw Fail($"cannot index slice/array with type {index.GoTypeName}");
        }

        var x = index.AsInteger;
        if (x < 0 || x > cap)
        {
            throw Fail($"index out of range: {x}");
        }

        return (int)x;
    }

    private static TemplateValue Index(TemplateValue item, ReadOnlySpan<TemplateValue> indexes)
    {
        item = item.Unboxed();
        if (!item.IsValid)
        {
            throw Fail("index of untyped nil");
        }

        foreach (var index in indexes)
        {
            if (item.Kind == GoKind.Nil)
            {
                throw Fail("index of nil pointer");
            }

            switch (item.Kind)
            {
                case GoKind.List:
                    var list = item.AsList;
                    var i = IndexArg(index, list.Count);
                    if (i == list.Count)
                    {
                        throw Fail("reflect: slice index out of range");
                    }

                    item = list.ElementKind == GoKind.Nil ? list.Items[i].Boxed() : list.Items[i];
                    break;
                case GoKind.String:
                    var bytes = GoStrings.Bytes(item.AsString);
                    var b = IndexArg(index, bytes.Length);
                    if (b == bytes.Length)
                    {
                        throw Fail("reflect: string index out of range");
                    }

                    item = TemplateValue.FromByte(bytes[b]);
                    break;
                case GoKind.Map:
                    var key = index.Unboxed();
                    if (!key.IsValid)
                    {
                        throw Fail("value is nil; should be of type string");
                    }

                    if (key.Kind != GoKind.String)
                    {
                        throw Fail($"value has type {key.GoTypeName}; should be string");
                    }

                    var map = item.AsMap;
                    item = map.TryGetValue(key.AsString, out var found)
                        ? (map.ElementKind == GoKind.Nil ? found.Boxed() : found)
                        : map.ZeroElement;
                    break;
                default:
                    throw Fail($"can't index item of type {item.GoTypeName}");
            }
        }

        return item;
    }

    private static TemplateValue Slice(TemplateValue item, ReadOnlySpan<TemplateValue> indexes)
    {
        item = item.Unboxed();
        if (!item.IsValid)
        {
            throw Fail("slice of untyped nil");
        }

        if (indexes.Length > 3)
        {
            throw Fail($"too many slice indexes: {indexes.Length}");
        }

        int length;
        switch (item.Kind)
        {
            case GoKind.String:
                if (indexes.Length == 3)
                {
                    throw Fail("cannot 3-index slice a string");
                }

                length = GoStrings.ByteLength(item.AsString);
                break;
            case GoKind.List:
                length = item.AsList.Count;
                break;
            default:
                throw Fail($"can't slice item of type {item.GoTypeName}");
        }

        int[] idx = [0, length, length];
        for (var i = 0; i < indexes.Length; i++)
        {
            idx[i] = IndexArg(indexes[i], length);
        }

        if (idx[0] > idx[1])
        {
            throw Fail($"invalid slice index: {idx[0]} > {idx[1]}");
        }

        if (indexes.Length == 3 && idx[1] > idx[2])
        {
            throw Fail($"invalid slice index: {idx[1]} > {idx[2]}");
        }

        if (item.Kind == GoKind.String)
        {
            return TemplateValue.FromString(GoStrings.ByteSlice(item.AsString, idx[0], idx[1]));
        }

        var source = item.AsList;
        return TemplateValue.FromList(new TemplateList(source.ElementKind, source.Items.Skip(idx[0]).Take(idx[1] - idx[0]).ToArray()));
    }

    /// <summary>Go's evalArgs: one string as is, otherwise fmt.Sprint with nil shown as &lt;no value&gt;.</summary>
    private static string EvalArgs(ReadOnlySpan<TemplateValue> args)
    {
        if (args.Length == 1 && args[0].Kind == GoKind.String)
        {
            return args[0].AsString;
        }

        var printable = new TemplateValue[args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            printable[i] = args[i].Kind is GoKind.Nil or GoKind.Invalid ? TemplateValue.FromString("<no value>") : args[i];
        }

        return GoFmt.Sprint(printable);
    }

    internal static string HtmlEscape(string s)
    {
        if (s.IndexOfAny(['\'', '"', '&', '<', '>', '\0']) < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "&#34;",
                '\'' => "&#39;",
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '\0' => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string JsEscape(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); continue;
                case '\'': sb.Append(@"\'"); continue;
                case '"': sb.Append("\\\""); continue;
                case '<': sb.Append(@"\u003C"); continue;
                case '>': sb.Append(@"\u003E"); continue;
                case '&': sb.Append(@"\u0026"); continue;
                case '=': sb.Append(@"\u003D"); continue;
            }

            if (c < ' ')
            {
                sb.Append(@"\u00").Append("0123456789ABCDEF"[c >> 4]).Append("0123456789ABCDEF"[c & 0xF]);
                continue;
            }

            int rune = c;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                rune = char.ConvertToUtf32(c, s[i + 1]);
                i++;
            }

            if (rune < 0x80 || GoQuote.IsPrint(rune))
            {
                sb.Append(char.ConvertFromUtf32(GoQuote.IsValidRune(rune) ? rune : 0xFFFD));
            }
            else
            {
                sb.Append(@"\u").Append(rune.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>Go's url.QueryEscape: unreserved bytes kept, space as '+', the rest %XX.</summary>
    internal static string QueryEscape(string s)
    {
        var sb = new StringBuilder(s.Length + 16);
        foreach (var b in GoStrings.Bytes(s))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('+');
            }
            else
            {
                sb.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 0xF]);
            }
        }

        return sb.ToString();
    }
}
