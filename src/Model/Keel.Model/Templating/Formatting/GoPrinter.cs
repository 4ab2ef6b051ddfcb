using System.Globalization;
using System.Text;
using Keel.Model.Templating.Execution;
using Keel.Model.Templating.Values;

namespace Keel.Model.Templating.Formatting;

/// <summary>
/// The state of one fmt call: the buffer and the flags of the current verb. Mirrors Go's
/// fmt.pp/printArg/printValue for the kinds template values have.
/// </summary>
internal sealed partial class GoPrinter
{
    private const int MaxDepth = 64;
    private readonly int maxLength;

    public GoPrinter(int maxLength)
    {
        this.maxLength = maxLength;
    }

    public StringBuilder Buffer { get; } = new();

    public bool Plus { get; set; }

    public bool Minus { get; set; }

    public bool Sharp { get; set; }

    public bool Space { get; set; }

    public bool Zero { get; set; }

    public bool PlusV { get; set; }

    public bool SharpV { get; set; }

    public int Width { get; set; }

    public bool WidthPresent { get; set; }

    public int Precision { get; set; }

    public bool PrecisionPresent { get; set; }

    public bool GoodArgNum { get; set; } = true;

    public void ClearFlags()
    {
        Plus = Minus = Sharp = Space = Zero = PlusV = SharpV = false;
        WidthPresent = PrecisionPresent = false;
        Width = Precision = 0;
    }

    public void CheckLength()
    {
        if (Buffer.Length > maxLength)
        {
            throw TemplateRuntimeException.Limit($"formatted value exceeds the limit of {maxLength} bytes");
        }
    }

    public void PrintArg(TemplateValue arg, char verb)
    {
        if (arg.Kind is GoKind.Invalid or GoKind.Nil)
        {
            if (verb is 'T' or 'v')
            {
                PadString("<nil>");
            }
            else
            {
                BadVerb(verb.ToString(), arg);
            }

            return;
        }

        if (verb == 'T')
        {
            PadString(arg.GoTypeName);
            return;
        }

        if (verb == 'p')
        {
            BadVerb("p", arg);
            return;
        }

        PrintValue(arg, verb, 0);
    }

    public void BadVerb(string verb, TemplateValue value)
    {
        Buffer.Append("%!").Append(verb).Append('(');
        if (value.Kind is GoKind.Invalid or GoKind.Nil)
        {
            Buffer.Append("<nil>");
        }
        else
        {
            Buffer.Append(value.GoTypeName).Append('=');
            PrintValue(value, 'v', 0);
        }

        Buffer.Append(')');
    }

    private void PrintValue(TemplateValue value, char verb, int depth)
    {
        if (depth > MaxDepth)
        {
            throw TemplateRuntimeException.Limit($"value nested deeper than {MaxDepth} levels cannot be printed");
        }

        CheckLength();
        switch (value.Kind)
        {
            case GoKind.Invalid:
            case GoKind.Nil:
                if (SharpV && value.Kind == GoKind.Nil)
                {
                    Buffer.Append("interface {}(nil)");
                }
                else if (verb == 'v' || value.Kind == GoKind.Nil)
                {
                    PadString("<nil>");
                }
                else
                {
                    BadVerb(verb.ToString(), value);
                }

                return;
            case GoKind.Bool:
                if (verb is 't' or 'v')
                {
                    PadString(value.AsBool ? "true" : "false");
                }
                else
                {
                    BadVerb(verb.ToString(), value);
                }

                return;
            case GoKind.Int or GoKind.Int32 or GoKind.Int64 or GoKind.Uint8:
                FormatInteger(value, verb);
                return;
            case GoKind.Float64:
                FormatFloat(value.AsFloat, verb);
                return;
            case GoKind.Complex128:
                FormatComplex(value, verb);
                return;
            case GoKind.String:
                FormatString(value.AsString, verb, value);
                return;
            case GoKind.List:
                PrintList(value.AsList, verb, depth);
                return;
            case GoKind.Map:
                PrintMap(value.AsMap, verb, depth);
                return;
            case GoKind.Record:
                PrintRecord(value.AsRecord, verb, depth);
                return;
        }
    }

    private void PrintList(TemplateList list, char verb, int depth)
    {
        if (SharpV)
        {
            Buffer.Append(list.GoTypeName);
            if (list.IsNil)
            {
                Buffer.Append("(nil)");
                return;
            }

            Buffer.Append('{');
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0)
                {
                    Buffer.Append(", ");
                }

                PrintValue(list.Items[i], verb, depth + 1);
            }

            Buffer.Append('}');
            return;
        }

        Buffer.Append('[');
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                Buffer.Append(' ');
            }

            PrintValue(list.Items[i], verb, depth + 1);
        }

        Buffer.Append(']');
    }

    private void PrintMap(TemplateMap map, char verb, int depth)
    {
        if (SharpV)
        {
            Buffer.Append(map.GoTypeName);
            if (map.IsNil)
            {
                Buffer.Append("(nil)");
                return;
            }

            Buffer.Append('{');
        }
        else
        {
            Buffer.Append("map[");
        }

        var first = true;
        foreach (var key in map.SortedKeys())
        {
            if (!first)
            {
                Buffer.Append(SharpV ? ", " : " ");
            }

            first = false;
            PrintValue(TemplateValue.FromString(key), verb, depth + 1);
            Buffer.Append(':');
            map.TryGetValue(key, out var item);
            PrintValue(item, verb, depth + 1);
        }

        Buffer.Append(SharpV ? '}' : ']');
    }

    private void PrintRecord(ITemplateRecord record, char verb, int depth)
    {
        if (SharpV)
        {
            Buffer.Append(record.GoTypeName);
        }

        Buffer.Append('{');
        var names = record.FieldNames;
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                Buffer.Append(SharpV ? ", " : " ");
            }

            if (PlusV || SharpV)
            {
                Buffer.Append(names[i]).Append(':');
            }

            record.TryGetField(names[i], out var field);
            PrintValue(field, verb, depth + 1);
        }

        Buffer.Append('}');
    }

    private void FormatString(string s, char verb, TemplateValue original)
    {
        switch (verb)
        {
            case 'v':
                if (SharpV)
                {
                    FormatQuoted(s);
                }
                else
                {
                    FormatPlainString(s);
                }

                break;
            case 's':
                FormatPlainString(s);
                break;
            case 'x':
            case 'X':
                FormatHexString(s, verb == 'X');
                break;
            case 'q':
                FormatQuoted(s);
                break;
            default:
                BadVerb(verb.ToString(), original);
                break;
        }
    }

    private void FormatPlainString(string s)
    {
        if (PrecisionPresent)
        {
            s = GoStrings.TruncateRunes(s, Precision);
        }

        PadString(s);
    }

    private void FormatQuoted(string s)
    {
        if (PrecisionPresent)
        {
            s = GoStrings.TruncateRunes(s, Precision);
        }

        if (Sharp && GoQuote.CanBackquote(s))
        {
            PadString("`" + s + "`");
        }
        else
        {
            PadString(GoQuote.Quote(s, asciiOnly: Plus));
        }
    }

    private void FormatHexString(string s, bool upper)
    {
        var bytes = GoStrings.Bytes(s);
        var length = PrecisionPresent && Precision < bytes.Length ? Precision : bytes.Length;
        var digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        var sb = new StringBuilder();
        if (length > 0 && Sharp && !Space)
        {
            sb.Append('0').Append(upper ? 'X' : 'x');
        }

        for (var i = 0; i < length; i++)
        {
            if (Space && i > 0)
            {
                sb.Append(' ');
            }

            if (Space && Sharp)
            {
                sb.Append('0').Append(upper ? 'X' : 'x');
            }

            sb.Append(digits[bytes[i] >> 4]).Append(digits[bytes[i] & 0xF]);
        }

        PadString(sb.ToString());
    }

    private void PadString(string s)
    {
        if (!WidthPresent || Width == 0)
        {
            Buffer.Append(s);
            return;
        }

        var padding = Width - GoStrings.RuneCount(s);
        if (padding <= 0)
        {
            Buffer.Append(s);
            return;
        }

        if (!Minus)
        {
            Buffer.Append(Zero ? '0' : ' ', padding);
            Buffer.Append(s);
        }
        else
        {
            Buffer.Append(s);
            Buffer.Append(' ', padding);
        }
    }

    private void WritePadding(int count)
    {
        if (count > 0)
        {
            Buffer.Append(Zero ? '0' : ' ', count);
        }
    }
}
