using System.Globalization;

namespace System.Text;

/// <summary>
/// The part of System.Text.Rune (netcoreapp3.0+) the shared Go-literal code uses. The analyzer runs on the
/// compiler's .NET runtime, so the Unicode categories it reads are that runtime's, as in Keel.Model.
/// </summary>
internal readonly struct Rune
{
    public Rune(int value)
    {
        if (value is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            throw new ArgumentOutOfRangeException(nameof(value));
        }

        Value = value;
    }

    public int Value { get; }

    public static UnicodeCategory GetUnicodeCategory(Rune rune) =>
        CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(rune.Value), 0);

    public int EncodeToUtf8(Span<byte> destination)
    {
        var v = Value;
        if (v < 0x80)
        {
            destination[0] = (byte)v;
            return 1;
        }

        if (v < 0x800)
        {
            destination[0] = (byte)(0xC0 | (v >> 6));
            destination[1] = (byte)(0x80 | (v & 0x3F));
            return 2;
        }

        if (v < 0x10000)
        {
            destination[0] = (byte)(0xE0 | (v >> 12));
            destination[1] = (byte)(0x80 | ((v >> 6) & 0x3F));
            destination[2] = (byte)(0x80 | (v & 0x3F));
            return 3;
        }

        destination[0] = (byte)(0xF0 | (v >> 18));
        destination[1] = (byte)(0x80 | ((v >> 12) & 0x3F));
        destination[2] = (byte)(0x80 | ((v >> 6) & 0x3F));
        destination[3] = (byte)(0x80 | (v & 0x3F));
        return 4;
    }
}
