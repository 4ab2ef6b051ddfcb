using System.Globalization;
using System.Text;

namespace Keel.Model.Templating.Formatting;

/// <summary>Go's <c>strconv.FormatFloat</c> for the verbs templates use: b, e, E, f, F, g, G, x, X.</summary>
internal static class GoFloatFormat
{
    /// <summary>Formats with a sign always present ('+' or '-') as fmt expects; precision -1 means shortest.</summary>
    public static string FormatSigned(double value, char verb, int precision)
    {
        if (double.IsNaN(value))
        {
            return "+NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "+Inf" : "-Inf";
        }

        var negative = double.IsNegative(value);
        var body = verb switch
        {
            'b' => FormatBinary(value),
            'x' or 'X' => FormatHex(value, verb, precision),
            _ => FormatDecimal(value, verb, precision),
        };
        return (negative ? "-" : "+") + body;
    }

    /// <summary>strconv.FormatFloat(value, 'g', -1, 64): what %v prints, without a leading '+'.</summary>
    public static string Shortest(double value)
    {
        var signed = FormatSigned(value, 'g', -1);
        return signed[0] == '+' ? signed[1..] : signed;
    }

    private static string FormatDecimal(double value, char verb, int precision)
    {
        var shortest = precision < 0;
        GoDecimal digits;
        if (shortest)
        {
            digits = GoDecimal.Shortest(value);
            precision = verb switch
            {
                'e' or 'E' => Math.Max(digits.Digits.Length - 1, 0),
                'f' or 'F' => Math.Max(digits.Digits.Length - digits.DecimalPoint, 0),
                _ => digits.Digits.Length,
            };
        }
        else
        {
            digits = GoDecimal.Exact(value);
            switch (verb)
            {
                case 'e' or 'E':
                    digits.Round(precision + 1);
                    break;
                case 'f' or 'F':
                    digits.Round(digits.DecimalPoint + precision);
                    break;
                default:
                    if (precision == 0)
                    {
                        precision = 1;
                    }

                    digits.Round(precision);
                    break;
            }
        }

        switch (verb)
        {
            case 'e' or 'E':
                return FormatE(digits, precision, verb);
            case 'f' or 'F':
                return FormatF(digits, precision);
        }

        var eprec = precision;
        if (eprec > digits.Digits.Length && digits.Digits.Length >= digits.DecimalPoint)
        {
            eprec = digits.Digits.Length;
        }

        if (shortest)
        {
            eprec = 6;
        }

        var exponent = digits.DecimalPoint - 1;
        if (exponent < -4 || exponent >= eprec)
        {
            if (precision > digits.Digits.Length)
            {
                precision = digits.Digits.Length;
            }

            return FormatE(digits, precision - 1, verb == 'G' ? 'E' : 'e');
        }

        if (precision > digits.DecimalPoint)
        {
            precision = digits.Digits.Length;
        }

        return FormatF(digits, Math.Max(precision - digits.DecimalPoint, 0));
    }

    private static string FormatE(GoDecimal d, int precision, char verb)
    {
        var sb = new StringBuilder();
        sb.Append(d.Digits.Length == 0 ? '0' : d.Digits[0]);
        if (precision > 0)
        {
            sb.Append('.');
            var i = 1;
            var m = Math.Min(d.Digits.Length, precision + 1);
            if (i < m)
            {
                sb.Append(d.Digits, i, m - i);
                i = m;
            }

            for (; i <= precision; i++)
            {
                sb.Append('0');
            }
        }

        sb.Append(verb);
        var exponent = d.Digits.Length == 0 ? 0 : d.DecimalPoint - 1;
        sb.Append(exponent < 0 ? '-' : '+');
        exponent = Math.Abs(exponent);
        sb.Append(exponent < 10 ? "0" + exponent.ToString(CultureInfo.InvariantCulture) : exponent.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    private static string FormatF(GoDecimal d, int precision)
    {
        var sb = new StringBuilder();
        if (d.DecimalPoint > 0)
        {
            var m = Math.Min(d.Digits.Length, d.DecimalPoint);
            sb.Append(d.Digits, 0, m);
            sb.Append('0', d.DecimalPoint - m);
        }
        else
        {
            sb.Append('0');
        }

        if (precision > 0)
        {
            sb.Append('.');
            for (var i = 1; i <= precision; i++)
            {
                var j = d.DecimalPoint + i - 1;
                sb.Append(j >= 0 && j < d.Digits.Length ? d.Digits[j] : '0');
            }
        }

        return sb.ToString();
    }

    private static (long Mantissa, int Exponent) Decompose(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        return (mantissa, exponent - 1075);
    }

    private static string FormatBinary(double value)
    {
        var (mantissa, exponent) = Decompose(value);
        return mantissa.ToString(CultureInfo.InvariantCulture) + "p" + (exponent >= 0 ? "+" : "-") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>%x on floats: 0x1.8p+01 (shortest hex mantissa; an explicit precision rounds it).</summary>
    private static string FormatHex(double value, char verb, int precision)
    {
        var (mantissa, exponent) = Decompose(value);
        if (mantissa == 0)
        {
            exponent = 0;
        }
        else
        {
            // Normalize so that the leading 1 sits at bit 60 (a hex digit boundary).
            while ((mantissa & (1L << 52)) == 0)
            {
                mantissa <<= 1;
                exponent--;
            }

            exponent += 52;
        }

        mantissa <<= 8; // leading 1 now at bit 60: one hex digit before the point, 15 after
        if (precision >= 0 && precision < 15)
        {
            var shift = 4 * (15 - precision);
            var half = 1L << (shift - 1);
            var rest = mantissa & ((1L << shift) - 1);
            mantissa >>= shift;
            if (rest > half || (rest == half && (mantissa & 1) == 1))
            {
                mantissa++;
            }

            mantissa <<= shift;
            if ((mantissa >> 61) != 0)
            {
                mantissa >>= 1;
                exponent++;
            }
        }

        var hex = verb == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
        var sb = new StringBuilder();
        sb.Append('0').Append(verb == 'X' ? 'X' : 'x').Append((char)('0' + (int)((mantissa >> 60) & 0xF)));
        var fraction = mantissa & ((1L << 60) - 1);
        var digits = new StringBuilder();
        for (var i = 0; i < 15; i++)
        {
            digits.Append(hex[(int)((fraction >> (56 - (4 * i))) & 0xF)]);
        }

        var text = digits.ToString();
        text = precision < 0 ? text.TrimEnd('0') : text[..Math.Min(precision, 15)].PadRight(precision, '0');
        if (text.Length > 0)
        {
            sb.Append('.').Append(text);
        }

        sb.Append(verb == 'X' ? 'P' : 'p').Append(exponent >= 0 ? '+' : '-');
        var e = Math.Abs(exponent);
        sb.Append(e < 10 ? "0" + e.ToString(CultureInfo.InvariantCulture) : e.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }
}
