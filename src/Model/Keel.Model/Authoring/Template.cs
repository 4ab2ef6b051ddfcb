using System.Linq.Expressions;
using Keel.Model.Templating;

namespace Keel.Model.Authoring;

/// <summary>
/// Template values for presets: what the operator fills in per ModelService. Each gives a
/// <see cref="TemplateExpression"/> that fits string fields and integer fields alike.
/// </summary>
/// <example>
/// <code>
/// Args = ["--port", Template.Port("http")],                 // "{{ "http" | getPort }}"
/// Ports = [new V1ContainerPort { ContainerPort = Template.Port("http") }],   // written as the template, rendered to 8000
/// Name = $"{Template.Var(v => v.ModelServiceName)}-epp-config",
/// </code>
/// </example>
public static class Template
{
    /// <summary><c>{{ "name" | getPort }}</c>: the port of the ModelService's routing port <paramref name="name"/> (-1 when it has none).</summary>
    public static TemplateExpression Port(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('"', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"routing port name {name} cannot hold quotes or backslashes", nameof(name));
        }

        return new TemplateExpression("{{ \"" + name + "\" | getPort }}");
    }

    /// <summary><c>{{ .Name }}</c> for one of the <see cref="TemplateVariables"/>: <c>Template.Var(v =&gt; v.HFModelName)</c>.</summary>
    public static TemplateExpression Var(Expression<Func<TemplateVariables, string>> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (variable.Body is not MemberExpression { Expression: ParameterExpression, Member.Name: var name })
        {
            throw new ArgumentException("pass a variable of TemplateVariables, as in v => v.HFModelName", nameof(variable));
        }

        return new TemplateExpression("{{ ." + name + " }}");
    }

    /// <summary>
    /// Any template text (<c>{{ .ModelName | lower }}</c>). The presets analyzer parses the argument at build time:
    /// unknown variables and functions, and text that does not parse, are compile errors.
    /// </summary>
    public static TemplateExpression Raw([GoTemplate] string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TemplateExpression(text);
    }

    /// <summary>
    /// An int field's value as text: the template when <paramref name="value"/> came from a template, else the number
    /// (for flags: <c>$"--port={Template.Text(port)}"</c>).
    /// </summary>
    public static string Text(int value) => TemplateSlots.Format(value);
}
