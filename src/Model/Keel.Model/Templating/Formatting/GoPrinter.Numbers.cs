using System.Globalization;
using System.Text;
using Keel.Model.Templating.Values;

namespace Keel.Model.Templating.Formatting;

/// <summary>The numeric verbs of <see cref="GoPrinter"/>: integers (with Go's precision and zero-padding rules), runes, floats, complex numbers.</summary>
internal sealed partial class GoPrinter
{
    private void FormatInteger(TemplateValue value, char verb)
    {
        var signed = value.Kind != GoKind.Uint8;
        var v = value.AsInteger;
        switch (verb)
        {
            case 'v':
            case 'd':
                AppendInteger(v, 10, signed, verb, lowerDigits: true);
                break;
            case 'b':
                AppendInteger(v, 2, signed, verb, lowerDigits: true);
                break;
            case 'o':
            case 'O':
                AppendInteger(v, 8, signed, verb, lowerDigits: true);
                break;
            case 'x':
                AppendInteger(v, 16, signed, verb, lowerDigits: true);
                break;
            case 'X':
                AppendInteger(v, 16, signed, verb, lowerDigits: false);
                break;
            case 'c':
                PadString(char.ConvertFromUtf32(GoQuote.IsValidRune(v) ? (int)v : 0xFFFD));
                break;
            case 'q':
                PadString(GoQuote.QuoteRune(GoQuote.IsValidRune(v) ? (int)v : 0xFFFD, asciiOnly: Plus));
                break;
            case 'U':
                FormatUnicode(v);
                break;
            default:
                BadVerb(verb.ToString(), value);
                break;
        }
    }

    private void AppendInteger(long value, int numberBase, bool signed, char verb, bool lowerDigits)
    {
        var negative = signed && value < 0;
        var magnitude = negative ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        var precision = 0;
        if (PrecisionPresent)
        {
            precision = Precision;
            if (precision == 0 && magnitude == 0)
            {
                var oldZero = Zero;
                Zero = false;
                WritePadding(Width);
                Zero = oldZero;
                return;
            }
        }
        else if (Zero && !Minus && WidthPresent)
        {
            precision = Width;
            if (negative || Plus || Space)
            {
                precision--;
            }
        }

        var digits = lowerDigits ? "0123456789abcdefx" : "0123456789ABCDEFX";
        var chars = new StringBuilder();
        if (magnitude == 0)
        {
            chars.Append('0');
        }

        while (magnitude > 0)
        {
            chars.Insert(0, digits[(int)(magnitude % (ulong)numberBase)]);
            magnitude /= (ulong)numberBase;
        }

        while (precision > chars.Length)
        {
            chars.Insert(0, '0');
        }

        if (Sharp)
        {
            switch (numberBase)
            {
                case 2:
                    chars.Insert(0, "0b");
                    break;
                case 8:
                    if (chars[0] != '0')
                    {
                        chars.Insert(0, '0');
                    }

                    break;
                case 16:
                    chars.Insert(0, digits[16]).Insert(0, '0');
                    break;
            }
        }

        if (verb == 'O')
        {
            chars.Insert(0, "0o");
        }

        if (negative)
        {
            chars.Insert(0, '-');
        }
        else if (Plus)
        {
            chars.Insert(0, '+');
        }
        else if (Space)
        {
            chars.Insert(0, ' ');
        }

        var zero = Zero;
        Zero = false;
        PadString(chars.ToString());
        Zero = zero;
    }

    private void FormatUnicode(long value)
    {
        var u = (ulong)value;
        var hex = u.ToString("X", CultureInfo.InvariantCulture);
        var precision = PrecisionPresent && Precision > 4 ? Precision : 4;
        var text = "U+" + hex.PadLeft(precision, '0');
        if (Sharp && u <= 0x10FFFF && GoQuote.IsPrint((int)u))
        {
            text += " '" + char.ConvertFromUtf32((int)u) + "'";
        }

        var zero = Zero;
        Zero = false;
        PadString(text);
        Zero = zero;
    }

    private void FormatFloat(double value, char verb)
    {
        switch (verb)
        {
            case 'v':
                AppendFloat(value, 'g', -1);
                break;
            case 'b' or 'g' or 'G' or 'x' or 'X':
                AppendFloat(value, verb, -1);
                break;
            case 'f' or 'e' or 'E' or 'F':
                AppendFloat(value, verb, 6);
                break;
            default:
                BadVerb(verb.ToString(), TemplateValue.FromFloat(value));
                break;
        }
    }

    private void AppendFloat(double value, char verb, int precision)
    {
        if (PrecisionPresent)
        {
            precision = Precision;
        }

        var num = GoFloatFormat.FormatSigned(value, verb == 'F' ? 'f' : verb, precision);
        if (Sharp && verb != 'b' && !num.Contains('.', StringComparison.Ordinal) && num[1] is >= '0' and <= '9')
        {
            var e = num.IndexOfAny(['e', 'E', 'p', 'P']);
            num = e < 0 ? num + "." : num[..e] + "." + num[e..];
        }

        if (Space && num[0] == '+' && !Plus)
        {
            num = " " + num[1..];
        }

        if (num[1] is 'I' or 'N')
        {
            var oldZero = Zero;
            Zero = false;
            if (num[1] == 'N' && !Space && !Plus)
            {
                num = num[1..];
            }

            PadString(num);
            Zero = oldZero;
            return;
        }

        if (Plus || num[0] != '+')
        {
            if (Zero && !Minus && WidthPresent && Width > num.Length)
            {
                Buffer.Append(num[0]);
                Buffer.Append('0', Width - num.Length);
                Buffer.Append(num, 1, num.Length - 1);
                return;
            }

            PadString(num);
            return;
        }

        PadString(num[1..]);
    }

    private void FormatComplex(TemplateValue value, char verb)
    {
        if (verb is not ('v' or 'b' or 'g' or 'G' or 'x' or 'X' or 'f' or 'F' or 'e' or 'E'))
        {
            BadVerb(verb.ToString(), value);
            return;
        }

        var c = value.AsComplex;
        var oldPlus = Plus;
        Buffer.Append('(');
        FormatFloat(c.Real, verb);
        Plus = true;
        FormatFloat(c.Imaginary, verb);
        Buffer.Append("i)");
        Plus = oldPlus;
    }
}
