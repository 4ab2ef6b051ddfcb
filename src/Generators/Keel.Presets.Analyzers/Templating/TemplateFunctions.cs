using System.Diagnostics.CodeAnalysis;

namespace Keel.Model.Templating.Functions;

/// <summary>
/// The analyzer's stand-in for Keel.Model's function table: the shared parser only asks whether a name exists
/// (an unknown function is a parse error) and keeps the function for its node. Names only, no bodies.
/// </summary>
internal sealed class TemplateFunctions
{
    private readonly Dictionary<string, TemplateFunction> functions;

    public TemplateFunctions(IEnumerable<string> names)
    {
        functions = new Dictionary<string, TemplateFunction>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            functions[name] = new TemplateFunction(name);
        }
    }

    /// <summary>Every function a preset template may call (<see cref="KnownFunctions"/>).</summary>
    public static TemplateFunctions Default { get; } = new(KnownFunctions.Names);

    public IEnumerable<string> Names => functions.Keys;

    public bool TryGet(string name, [MaybeNullWhen(false)] out TemplateFunction function) =>
        functions.TryGetValue(name, out function);
}

/// <summary>A function name the parser resolved.</summary>
internal sealed class TemplateFunction(string name)
{
    public string Name { get; } = name;
}
