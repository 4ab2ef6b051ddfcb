using System.Runtime.CompilerServices;

namespace System;

/// <summary>netstandard2.0 lacks System.Index, which the shared parser's <c>s[i..]</c> and <c>s[^1]</c> need.</summary>
internal readonly struct Index : IEquatable<Index>
{
    private readonly int value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Index(int value, bool fromEnd = false)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "value must be non-negative");
        }

        this.value = fromEnd ? ~value : value;
    }

    private Index(int value) => this.value = value;

    public static Index Start => new(0);

    public static Index End => new(~0);

    public int Value => value < 0 ? ~value : value;

    public bool IsFromEnd => value < 0;

    public static Index FromStart(int value) => new(value, fromEnd: false);

    public static Index FromEnd(int value) => new(value, fromEnd: true);

    public static implicit operator Index(int value) => FromStart(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOffset(int length) => IsFromEnd ? length + value + 1 : value;

    public bool Equals(Index other) => value == other.value;

    public override bool Equals(object? obj) => obj is Index other && Equals(other);

    public override int GetHashCode() => value;

    public override string ToString() => IsFromEnd ? "^" + Value.ToString(Globalization.CultureInfo.InvariantCulture) : Value.ToString(Globalization.CultureInfo.InvariantCulture);
}

/// <summary>netstandard2.0 lacks System.Range, which the shared parser's <c>s[a..b]</c> needs.</summary>
internal readonly struct Range(Index start, Index end) : IEquatable<Range>
{
    public Index Start { get; } = start;

    public Index End { get; } = end;

    public static Range All => new(Index.Start, Index.End);

    public static Range StartAt(Index start) => new(start, Index.End);

    public static Range EndAt(Index end) => new(Index.Start, end);

    public (int Offset, int Length) GetOffsetAndLength(int length)
    {
        var start = Start.GetOffset(length);
        var end = End.GetOffset(length);
        if ((uint)end > (uint)length || (uint)start > (uint)end)
        {
            throw new ArgumentOutOfRangeException(nameof(length));
        }

        return (start, end - start);
    }

    public bool Equals(Range other) => Start.Equals(other.Start) && End.Equals(other.End);

    public override bool Equals(object? obj) => obj is Range other && Equals(other);

    public override int GetHashCode() => (Start.GetHashCode() * 31) + End.GetHashCode();

    public override string ToString() => Start + ".." + End;
}
