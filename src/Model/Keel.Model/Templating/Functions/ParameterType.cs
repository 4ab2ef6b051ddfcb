namespace Keel.Model.Templating.Functions;

/// <summary>
/// The Go parameter types of template functions. They decide, as in Go, which literals an argument
/// accepts ("expected string; found 5") and which values ("wrong type for value; expected int; got int64").
/// </summary>
internal enum ParameterType
{
    /// <summary><c>interface {}</c>: anything; a missing value becomes nil.</summary>
    Any,

    /// <summary><c>reflect.Value</c>: anything, and a missing value stays missing (Go's builtins).</summary>
    Value,
    String,
    Int,
    Bool,
    Float64,

    /// <summary><c>map[string]interface {}</c>.</summary>
    Map,
}

internal static class ParameterTypeExtensions
{
    public static string GoName(this ParameterType type) => type switch
    {
        ParameterType.Any => "interface {}",
        ParameterType.Value => "reflect.Value",
        ParameterType.String => "string",
        ParameterType.Int => "int",
        ParameterType.Bool => "bool",
        ParameterType.Float64 => "float64",
        _ => "map[string]interface {}",
    };

    public static bool CanBeNil(this ParameterType type) => type is ParameterType.Any or ParameterType.Value or ParameterType.Map;
}
