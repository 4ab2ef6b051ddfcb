using System.Globalization;
using System.Numerics;

namespace Keel.Model.Templating.Formatting;

/// <summary>
/// A non-negative decimal number as digits and a decimal point position, the representation Go's
/// strconv formats floats from: value = 0.d1d2d3... × 10^DecimalPoint. Exact expansion and
/// round-half-even make explicit precisions (<c>%.2f</c>) round exactly as Go does.
/// </summary>
internal struct GoDecimal
{
    public string Digits;      // no leading zeros; trailing zeros trimmed; "" for zero
    public int DecimalPoint;

    /// <summary>The shortest digits that round-trip (what Go's <c>%v</c> and <c>%g</c> print).</summary>
    public static GoDecimal Shortest(double value)
    {
        if (value == 0)
        {
            return new GoDecimal { Digits = string.Empty, DecimalPoint = 0 };
        }

        // .NET's "R" is the shortest string that round-trips, the same digits Go's strconv picks.
        return Parse(Math.Abs(value).ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>The exact decimal expansion of a finite double.</summary>
    public static GoDecimal Exact(double value)
    {
        value = Math.Abs(value);
        if (value == 0)
        {
            return new GoDecimal { Digits = string.Empty, DecimalPoint = 0 };
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
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

        exponent -= 1075;
        string digits;
        int point;
        if (exponent >= 0)
        {
            digits = (new BigInteger(mantissa) << exponent).ToString(CultureInfo.InvariantCulture);
            point = digits.Length;
        }
        else
        {
            digits = (new BigInteger(mantissa) * BigInteger.Pow(5, -exponent)).ToString(CultureInfo.InvariantCulture);
            point = digits.Length + exponent;
        }

        return Normalize(digits, point);
    }

    private static GoDecimal Parse(string roundTrip)
    {
        var mantissa = roundTrip;
        var exponent = 0;
        var e = roundTrip.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = roundTrip[..e];
            exponent = int.Parse(roundTrip[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = dot < 0 ? mantissa.Length : dot;
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        return Normalize(digits, integerDigits + exponent);
    }

    private static GoDecimal Normalize(string digits, int point)
    {
        var start = 0;
        while (start < digits.Length && digits[start] == '0')
        {
            start++;
            point--;
        }

        var end = digits.Length;
        while (end > start && digits[end - 1] == '0')
        {
            end--;
        }

        return start == end
            ? new GoDecimal { Digits = string.Empty, DecimalPoint = 0 }
            : new GoDecimal { Digits = digits[start..end], DecimalPoint = point };
    }

    /// <summary>Rounds to <paramref name="count"/> digits, half to even on exact ties (Go's decimal.Round).</summary>
    public void Round(int count)
    {
        if (count < 0 || count >= Digits.Length)
        {
            return;
        }

        var roundUp = Digits[count] > '5'
            || (Digits[count] == '5' && (count + 1 < Digits.Length || (count > 0 && (Digits[count - 1] - '0') % 2 == 1)));
        if (!roundUp)
        {
            this = Normalize(Digits[..count], DecimalPoint);
            return;
        }

        var chars = Digits[..count].ToCharArray();
        var i = count - 1;
        while (i >= 0 && chars[i] == '9')
        {
            i--;
        }

        if (i < 0)
        {
            this = new GoDecimal { Digits = "1", DecimalPoint = DecimalPoint + 1 };
            return;
        }

        chars[i]++;
        this = Normalize(new string(chars, 0, i + 1), DecimalPoint);
    }
}
