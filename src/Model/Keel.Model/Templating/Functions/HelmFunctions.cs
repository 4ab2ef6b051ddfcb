using Keel.Model.Templating.Values;
using static Keel.Model.Templating.Functions.FunctionHelpers;
using P = Keel.Model.Templating.Functions.ParameterType;

namespace Keel.Model.Templating.Functions;

/// <summary>The two Helm functions presets use: <c>required</c> and <c>toYaml</c>.</summary>
internal static class HelmFunctions
{
    public static IEnumerable<TemplateFunction> All() =>
    [
        TemplateFunction.Of("required", static (_, a) => Required(a[0].AsString, a[1]), P.String, P.Any),
        TemplateFunction.Of("toYaml", static (c, a) => String(c, GoYaml.ToYaml(a[0])), P.Any),
    ];

    /// <summary>Helm: fails with the message when the value is nil or the empty string; returns it otherwise.</summary>
    private static TemplateValue Required(string message, TemplateValue value) =>
        value.Kind is GoKind.Nil or GoKind.Invalid || (value.Kind == GoKind.String && value.AsString.Length == 0)
            ? throw Fail(message)
            : value;
}
