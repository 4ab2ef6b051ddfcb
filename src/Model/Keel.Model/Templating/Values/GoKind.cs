namespace Keel.Model.Templating.Values;

/// <summary>
/// The Go type of a template value. Templates see only the types that Go's text/template and the
/// sprig functions produce, so the set is closed; each member knows its Go spelling for
/// <c>%T</c> and for error messages.
/// </summary>
public enum GoKind : byte
{
    /// <summary>No value at all (Go's invalid <c>reflect.Value</c>): a missing map key, printed as <c>&lt;no value&gt;</c>.</summary>
    Invalid,

    /// <summary>An <c>interface{}</c> that holds nil, as stored in a list or map.</summary>
    Nil,
    Bool,
    Int,
    Int32,
    Int64,
    Uint8,
    Float64,
    Complex128,
    String,
    List,
    Map,

    /// <summary>A Go struct: the template variables record.</summary>
    Record,
}

internal static class GoKindExtensions
{
    public static bool IsSignedInteger(this GoKind kind) => kind is GoKind.Int or GoKind.Int32 or GoKind.Int64;

    public static bool IsInteger(this GoKind kind) => kind is GoKind.Int or GoKind.Int32 or GoKind.Int64 or GoKind.Uint8;

    /// <summary>The Go name of a scalar type (collections and records name themselves).</summary>
    public static string ScalarTypeName(this GoKind kind) => kind switch
    {
        GoKind.Bool => "bool",
        GoKind.Int => "int",
        GoKind.Int32 => "int32",
        GoKind.Int64 => "int64",
        GoKind.Uint8 => "uint8",
        GoKind.Float64 => "float64",
        GoKind.Complex128 => "complex128",
        GoKind.String => "string",
        GoKind.Nil => "interface {}",
        _ => "interface {}",
    };
}
