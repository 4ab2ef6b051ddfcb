using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Keel.Model.Templating.Functions;

/// <summary>
/// The functions a template may call. Which names exist is fixed at parse time (an unknown
/// function is a parse error, as in Go); what they do at run time may depend on the execution
/// (<c>getPort</c> reads the routing ports given to Execute).
/// </summary>
public sealed class TemplateFunctions
{
    private readonly FrozenDictionary<string, TemplateFunction> functions;

    private TemplateFunctions(IEnumerable<TemplateFunction> functions)
    {
        var map = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            map[function.Name] = function; // later sets win: sprig's slice replaces Go's
        }

        this.functions = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// Go's builtins, the hermetic sprig subset, Helm's <c>required</c>/<c>toYaml</c> and <c>getPort</c>:
    /// the set presets and ModelService arguments are rendered with.
    /// </summary>
    public static TemplateFunctions Default { get; } = new(
        Builtins.All()
            .Concat(SprigStrings.All())
            .Concat(SprigDefaults.All())
            .Concat(SprigConversions.All())
            .Concat(SprigLists.All())
            .Concat(SprigDicts.All())
            .Concat(SprigMath.All())
            .Concat(SprigEncoding.All())
            .Concat(SprigRegex.All())
            .Concat(HelmFunctions.All())
            .Append(PortFunctions.GetPort));

    /// <summary>Only Go's own builtins (no sprig, no getPort).</summary>
    public static TemplateFunctions GoBuiltins { get; } = new(Builtins.All().Append(Builtins.GoSlice));

    public IEnumerable<string> Names => functions.Keys.Order(StringComparer.Ordinal);

    public IEnumerable<TemplateFunction> All => Names.Select(name => functions[name]);

    public bool Contains(string name) => functions.ContainsKey(name);

    /// <summary>This set minus some functions (to forbid them in a context).</summary>
    public TemplateFunctions Without(params string[] names) =>
        new(functions.Values.Where(f => !names.Contains(f.Name, StringComparer.Ordinal)));

    internal bool TryGet(string name, [MaybeNullWhen(false)] out TemplateFunction function) =>
        functions.TryGetValue(name, out function);
}
