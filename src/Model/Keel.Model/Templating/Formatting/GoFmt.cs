using System.Text;
using Keel.Model.Templating.Values;

namespace Keel.Model.Templating.Formatting;

/// <summary>
/// Go's fmt.Sprint, fmt.Sprintln and fmt.Sprintf over template values: verbs, flags, width,
/// precision, argument indexes and the <c>%!verb(type=value)</c> error forms.
/// </summary>
internal static class GoFmt
{
    /// <summary>Default cap on one formatted string; callers with limits pass their own.</summary>
    public const int DefaultMaxLength = 16 * 1024 * 1024;

    public static string Sprint(ReadOnlySpan<TemplateValue> args, int maxLength = DefaultMaxLength)
    {
        var printer = new GoPrinter(maxLength);
        var previousIsString = false;
        for (var i = 0; i < args.Length; i++)
        {
            var isString = args[i].Kind == GoKind.String;
            if (i > 0 && !isString && !previousIsString)
            {
                printer.Buffer.Append(' ');
            }

            printer.PrintArg(args[i], 'v');
            previousIsString = isString;
        }

        return printer.Buffer.ToString();
    }

    public static string Sprintln(ReadOnlySpan<TemplateValue> args, int maxLength = DefaultMaxLength)
    {
        var printer = new GoPrinter(maxLength);
        for (var i = 0; i < args.Length; i++)
        {
            if (i > 0)
            {
                printer.Buffer.Append(' ');
            }

            printer.PrintArg(args[i], 'v');
        }

        printer.Buffer.Append('\n');
        return printer.Buffer.ToString();
    }

    /// <summary>The value as the template prints an action's result (fmt.Fprint of one value).</summary>
    public static void AppendValue(StringBuilder output, TemplateValue value, int maxLength)
    {
        if (value.Kind == GoKind.String)
        {
            output.Append(value.AsString);
            return;
        }

        var printer = new GoPrinter(maxLength);
        printer.PrintArg(value, 'v');
        output.Append(printer.Buffer);
    }

    public static string Sprintf(string format, ReadOnlySpan<TemplateValue> args, int maxLength = DefaultMaxLength)
    {
        var p = new GoPrinter(maxLength);
        var buf = p.Buffer;
        var end = format.Length;
        var argNum = 0;
        var afterIndex = false;
        var reordered = false;
        var i = 0;
        while (i < end)
        {
            p.GoodArgNum = true;
            var literalStart = i;
            while (i < end && format[i] != '%')
            {
                i++;
            }

            if (i > literalStart)
            {
                buf.Append(format, literalStart, i - literalStart);
            }

            if (i >= end)
            {
                break;
            }

            i++; // skip %
            p.ClearFlags();
            for (; i < end; i++)
            {
                var c = format[i];
                if (c == '#')
                {
                    p.Sharp = true;
                }
                else if (c == '0')
                {
                    p.Zero = !p.Minus;
                }
                else if (c == '+')
                {
                    p.Plus = true;
                }
                else if (c == '-')
                {
                    p.Minus = true;
                    p.Zero = false;
                }
                else if (c == ' ')
                {
                    p.Space = true;
                }
                else
                {
                    break;
                }
            }

            (argNum, i, afterIndex) = ArgNumber(p, ref reordered, argNum, format, i, args.Length);

            if (i < end && format[i] == '*')
            {
                i++;
                (p.Width, p.WidthPresent, argNum) = IntFromArg(args, argNum);
                if (!p.WidthPresent)
                {
                    buf.Append("%!(BADWIDTH)");
                }

                if (p.Width < 0)
                {
                    p.Width = -p.Width;
                    p.Minus = true;
                    p.Zero = false;
                }

                afterIndex = false;
            }
            else
            {
                (p.Width, p.WidthPresent, i) = ParseNumber(format, i, end);
                if (afterIndex && p.WidthPresent)
                {
                    p.GoodArgNum = false;
                }
            }

            if (i + 1 < end && format[i] == '.')
            {
                i++;
                if (afterIndex)
                {
                    p.GoodArgNum = false;
                }

                (argNum, i, afterIndex) = ArgNumber(p, ref reordered, argNum, format, i, args.Length);
                if (i < end && format[i] == '*')
                {
                    i++;
                    (p.Precision, p.PrecisionPresent, argNum) = IntFromArg(args, argNum);
                    if (p.Precision < 0)
                    {
                        p.Precision = 0;
                        p.PrecisionPresent = false;
                    }

                    if (!p.PrecisionPresent)
                    {
                        buf.Append("%!(BADPREC)");
                    }

                    afterIndex = false;
                }
                else
                {
                    (p.Precision, p.PrecisionPresent, i) = ParseNumber(format, i, end);
                    if (!p.PrecisionPresent)
                    {
                        p.Precision = 0;
                        p.PrecisionPresent = true;
                    }
                }
            }

            if (!afterIndex)
            {
                (argNum, i, afterIndex) = ArgNumber(p, ref reordered, argNum, format, i, args.Length);
            }

            if (i >= end)
            {
                buf.Append("%!(NOVERB)");
                break;
            }

            var verb = format[i];
            string verbText;
            if (char.IsHighSurrogate(verb) && i + 1 < end && char.IsLowSurrogate(format[i + 1]))
            {
                verbText = format.Substring(i, 2);
                i += 2;
            }
            else
            {
                verbText = verb.ToString();
                i++;
            }

            if (verb == '%')
            {
                buf.Append('%');
                continue;
            }

            if (!p.GoodArgNum)
            {
                buf.Append("%!").Append(verbText).Append("(BADINDEX)");
                continue;
            }

            if (argNum >= args.Length)
            {
                buf.Append("%!").Append(verbText).Append("(MISSING)");
                continue;
            }

            if (verb == 'v')
            {
                p.SharpV = p.Sharp;
                p.Sharp = false;
                p.PlusV = p.Plus;
                p.Plus = false;
            }

            if (verbText.Length == 2)
            {
                p.BadVerb(verbText, args[argNum]);
            }
            else
            {
                p.PrintArg(args[argNum], verb);
            }

            argNum++;
            p.CheckLength();
        }

        if (!reordered && argNum < args.Length)
        {
            p.ClearFlags();
            buf.Append("%!(EXTRA ");
            for (var k = argNum; k < args.Length; k++)
            {
                if (k > argNum)
                {
                    buf.Append(", ");
                }

                if (args[k].IsNilLike && args[k].Kind is GoKind.Nil or GoKind.Invalid)
                {
                    buf.Append("<nil>");
                }
                else
                {
                    buf.Append(args[k].GoTypeName).Append('=');
                    p.PrintArg(args[k], 'v');
                }
            }

            buf.Append(')');
        }

        return buf.ToString();
    }

    private static (int Value, bool Present, int NewIndex) ParseNumber(string s, int start, int end)
    {
        if (start >= end)
        {
            return (0, false, end);
        }

        var num = 0;
        var isNumber = false;
        var i = start;
        for (; i < end && s[i] is >= '0' and <= '9'; i++)
        {
            if (num > 1_000_000)
            {
                return (0, false, end);
            }

            num = (num * 10) + (s[i] - '0');
            isNumber = true;
        }

        return (num, isNumber, i);
    }

    private static (int ArgNum, int NewIndex, bool Found) ArgNumber(GoPrinter p, ref bool reordered, int argNum, string format, int i, int numArgs)
    {
        if (format.Length <= i || format[i] != '[')
        {
            return (argNum, i, false);
        }

        reordered = true;
        var (index, width, ok) = ParseArgNumber(format.AsSpan(i));
        if (ok && index >= 0 && index < numArgs)
        {
            return (index, i + width, true);
        }

        p.GoodArgNum = false;
        return (argNum, i + width, ok);
    }

    private static (int Index, int Width, bool Ok) ParseArgNumber(ReadOnlySpan<char> format)
    {
        if (format.Length < 3)
        {
            return (0, 1, false);
        }

        for (var i = 1; i < format.Length; i++)
        {
            if (format[i] == ']')
            {
                var text = format[1..i].ToString();
                var (width, ok, newIndex) = ParseNumber(text, 0, text.Length);
                if (!ok || newIndex != text.Length)
                {
                    return (0, i + 1, false);
                }

                return (width - 1, i + 1, true);
            }
        }

        return (0, 1, false);
    }

    private static (int Value, bool IsInt, int ArgNum) IntFromArg(ReadOnlySpan<TemplateValue> args, int argNum)
    {
        if (argNum >= args.Length)
        {
            return (0, false, argNum);
        }

        var arg = args[argNum];
        if (!arg.Kind.IsInteger() || arg.AsInteger > 1_000_000 || arg.AsInteger < -1_000_000)
        {
            return (0, false, argNum + 1);
        }

        return ((int)arg.AsInteger, true, argNum + 1);
    }
}
