using System.Numerics;

namespace Keel.Model.Templating.Values;

/// <summary>
/// A value as a Go template sees it: a small tagged union over the Go types templates can reach
/// (strings, booleans, integers, floats, lists, maps, the variables record and nil). A struct so
/// that scalars flow through the executor without allocating.
/// </summary>
public readonly struct TemplateValue : IEquatable<TemplateValue>
{
    private readonly long bits;
    private readonly object? reference;

    private TemplateValue(GoKind kind, long bits, object? reference, bool boxed = false)
    {
        Kind = kind;
        this.bits = bits;
        this.reference = reference;
        IsBoxed = boxed;
    }

    public GoKind Kind { get; }

    /// <summary>No value (a missing map key). Prints as <c>&lt;no value&gt;</c>.</summary>
    public static TemplateValue Invalid => default;

    /// <summary>A nil <c>interface{}</c>.</summary>
    public static TemplateValue Nil { get; } = new(GoKind.Nil, 0, null);

    public static TemplateValue True { get; } = new(GoKind.Bool, 1, null);

    public static TemplateValue False { get; } = new(GoKind.Bool, 0, null);

    public static TemplateValue EmptyString { get; } = new(GoKind.String, 0, string.Empty);

    public bool IsValid => Kind != GoKind.Invalid;

    /// <summary>
    /// True when the value sits in an <c>interface {}</c> slot (an element of <c>[]interface {}</c> or a
    /// value of <c>map[string]interface {}</c>). Go names such a value's type <c>interface {}</c> in
    /// field errors until a pipeline stage unwraps it.
    /// </summary>
    internal bool IsBoxed { get; }

    internal TemplateValue Boxed() => Kind is GoKind.Invalid or GoKind.Nil || IsBoxed ? this : new(Kind, bits, reference, boxed: true);

    /// <summary>What a pipeline stage yields: the value out of its interface; a nil interface becomes no value.</summary>
    internal TemplateValue Unboxed() => Kind == GoKind.Nil ? Invalid : IsBoxed ? new(Kind, bits, reference) : this;

    public static TemplateValue FromBool(bool value) => value ? True : False;

    /// <summary>A Go <c>int</c> (64-bit here, as on every platform the operator runs on).</summary>
    public static TemplateValue FromInt(long value) => new(GoKind.Int, value, null);

    public static TemplateValue FromInt32(int value) => new(GoKind.Int32, value, null);

    public static TemplateValue FromInt64(long value) => new(GoKind.Int64, value, null);

    public static TemplateValue FromByte(byte value) => new(GoKind.Uint8, value, null);

    public static TemplateValue FromInteger(GoKind kind, long value) => kind switch
    {
        GoKind.Int32 => FromInt32(unchecked((int)value)),
        GoKind.Uint8 => FromByte(unchecked((byte)value)),
        GoKind.Int64 => FromInt64(value),
        _ => FromInt(value),
    };

    public static TemplateValue FromFloat(double value) => new(GoKind.Float64, BitConverter.DoubleToInt64Bits(value), null);

    public static TemplateValue FromComplex(Complex value) => new(GoKind.Complex128, 0, value);

    public static TemplateValue FromString(string value) => value.Length == 0 ? EmptyString : new(GoKind.String, 0, value);

    public static TemplateValue FromList(TemplateList list) => new(GoKind.List, 0, list);

    public static TemplateValue FromMap(TemplateMap map) => new(GoKind.Map, 0, map);

    public static TemplateValue FromRecord(ITemplateRecord record) => new(GoKind.Record, 0, record);

    public static implicit operator TemplateValue(string value) => FromString(value);

    public static implicit operator TemplateValue(bool value) => FromBool(value);

    public static implicit operator TemplateValue(long value) => FromInt(value);

    public static implicit operator TemplateValue(int value) => FromInt(value);

    public static implicit operator TemplateValue(double value) => FromFloat(value);

    public bool AsBool => bits != 0;

    /// <summary>The integer of any integer kind.</summary>
    public long AsInteger => bits;

    public double AsFloat => BitConverter.Int64BitsToDouble(bits);

    public Complex AsComplex => reference is Complex c ? c : Complex.Zero;

    public string AsString => reference as string ?? string.Empty;

    public TemplateList AsList => (TemplateList)reference!;

    public TemplateMap AsMap => (TemplateMap)reference!;

    public ITemplateRecord AsRecord => (ITemplateRecord)reference!;

    /// <summary>The Go spelling of this value's type, as <c>%T</c> prints it.</summary>
    public string GoTypeName => Kind switch
    {
        GoKind.Invalid => "<nil>",
        GoKind.List => AsList.GoTypeName,
        GoKind.Map => AsMap.GoTypeName,
        GoKind.Record => AsRecord.GoTypeName,
        _ => Kind.ScalarTypeName(),
    };

    /// <summary>Go's <c>reflect.Value.IsNil</c> for the kinds that can be nil; nil lists and maps included.</summary>
    public bool IsNilLike => Kind switch
    {
        GoKind.Invalid or GoKind.Nil => true,
        GoKind.List => AsList.IsNil,
        GoKind.Map => AsMap.IsNil,
        _ => false,
    };

    /// <summary>Identity for reference kinds and value equality for scalars (Go's <c>==</c> on interfaces, minus the panic).</summary>
    public bool Equals(TemplateValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            GoKind.String => string.Equals(AsString, other.AsString, StringComparison.Ordinal),
            GoKind.Float64 => AsFloat.Equals(other.AsFloat),
            GoKind.Complex128 => AsComplex == other.AsComplex,
            GoKind.List or GoKind.Map => ReferenceEquals(reference, other.reference),
            GoKind.Record => Equals(reference, other.reference),
            _ => bits == other.bits,
        };
    }

    public override bool Equals(object? obj) => obj is TemplateValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, bits, reference);

    public static bool operator ==(TemplateValue left, TemplateValue right) => left.Equals(right);

    public static bool operator !=(TemplateValue left, TemplateValue right) => !left.Equals(right);

    /// <summary>The value as Go's <c>fmt.Sprint</c> prints it.</summary>
    public override string ToString() => Formatting.GoFmt.Sprint([this]);
}
