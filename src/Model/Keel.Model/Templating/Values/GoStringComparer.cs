namespace Keel.Model.Templating.Values;

/// <summary>
/// Orders strings as Go does: by their UTF-8 bytes, which is the same as by Unicode scalar values
/// (and differs from UTF-16 ordinal order for characters above U+FFFF against U+E000..U+FFFF).
/// </summary>
public sealed class GoStringComparer : IComparer<string>
{
    public static GoStringComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a == b)
            {
                continue;
            }

            // Surrogates (U+D800..U+DFFF) encode code points above U+FFFF, which sort after every BMP character.
            var aHigh = char.IsSurrogate(a);
            var bHigh = char.IsSurrogate(b);
            if (aHigh != bHigh)
            {
                return aHigh ? 1 : -1;
            }

            return a < b ? -1 : 1;
        }

        return x.Length.CompareTo(y.Length);
    }
}
