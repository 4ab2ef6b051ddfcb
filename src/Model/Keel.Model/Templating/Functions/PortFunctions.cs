using Keel.Model.Templating.Values;
using P = Keel.Model.Templating.Functions.ParameterType;

namespace Keel.Model.Templating.Functions;

/// <summary><c>getPort NAME</c>: the port of the routing port with that name, -1 when there is none (compat).</summary>
internal static class PortFunctions
{
    public static TemplateFunction GetPort { get; } = TemplateFunction.Of(
        "getPort",
        static (c, a) => TemplateValue.FromInt32(c.LookupPort(a[0].AsString) ?? -1),
        P.String);
}
