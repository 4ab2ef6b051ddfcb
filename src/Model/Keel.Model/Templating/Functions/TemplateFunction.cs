using Keel.Model.Templating.Values;

namespace Keel.Model.Templating.Functions;

/// <summary>The body of a function: arguments already converted to the declared parameter types.</summary>
internal delegate TemplateValue FunctionBody(IFunctionContext context, ReadOnlySpan<TemplateValue> args);

/// <summary>Builtins whose evaluation the executor performs itself (short-circuit, callee name).</summary>
internal enum SpecialForm
{
    None,
    And,
    Or,
    Call,
}

/// <summary>A function templates can call: its name, its Go signature and its body.</summary>
public sealed class TemplateFunction
{
    internal TemplateFunction(string name, ParameterType[] parameters, ParameterType? variadic, FunctionBody body, SpecialForm special = SpecialForm.None)
    {
        Name = name;
        Parameters = parameters;
        Variadic = variadic;
        Body = body;
        Special = special;
    }

    public string Name { get; }

    internal ParameterType[] Parameters { get; }

    /// <summary>The element type of a trailing <c>...T</c> parameter, or null.</summary>
    internal ParameterType? Variadic { get; }

    internal FunctionBody Body { get; }

    internal SpecialForm Special { get; }

    /// <summary>The Go-like signature, for documentation: <c>trunc(int, string)</c>.</summary>
    public string Signature =>
        Name + "(" + string.Join(", ", Parameters.Select(p => p.GoName()).Concat(Variadic is { } v ? ["..." + v.GoName()] : [])) + ")";

    internal static TemplateFunction Of(string name, FunctionBody body, params ParameterType[] parameters) =>
        new(name, parameters, null, body);

    internal static TemplateFunction OfVariadic(string name, FunctionBody body, ParameterType variadic, params ParameterType[] parameters) =>
        new(name, parameters, variadic, body);
}
