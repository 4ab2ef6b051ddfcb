using Keel.Model.Templating.Execution;
using Keel.Model.Templating.Functions;
using Keel.Model.Templating.Syntax;
using Keel.Model.Templating.Values;

namespace Keel.Model.Templating;

/// <summary>
/// A parsed Go text/template. Parse once (the tree is immutable) and execute as often as needed,
/// concurrently if wanted. Neither Parse nor Execute throws: failures come back as a
/// <see cref="TemplateError"/> naming the template, line, column and action.
/// </summary>
/// <example>
/// <code>
/// var parsed = GoTemplate.Parse("decodeDeployment", text);
/// if (!parsed.TryGetValue(out var template, out var error)) { report(error); return; }
/// var rendered = template.Execute(variables);
/// </code>
/// </example>
public sealed class GoTemplate
{
    private readonly IReadOnlyDictionary<string, ListNode> trees;

    private GoTemplate(string name, string text, IReadOnlyDictionary<string, ListNode> trees)
    {
        Name = name;
        Text = text;
        this.trees = trees;
    }

    /// <summary>The template's name: the preset key or ModelService field path it came from.</summary>
    public string Name { get; }

    public string Text { get; }

    /// <summary>The names of the templates this text defines (with define or block), the main one included.</summary>
    public IEnumerable<string> DefinedTemplates => trees.Keys.Order(StringComparer.Ordinal);

    public static TemplateResult<GoTemplate> Parse(string name, string text, TemplateFunctions? functions = null, TemplateLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        limits ??= TemplateLimits.Default;
        if (text.Length > limits.MaxTemplateLength)
        {
            return new TemplateError(TemplateErrorKind.LimitExceeded, name, 1, 1, string.Empty, $"template text of {text.Length} characters exceeds the limit of {limits.MaxTemplateLength}");
        }

        try
        {
            var trees = Parser.Parse(name, text, functions ?? TemplateFunctions.Default, limits);
            return TemplateResult<GoTemplate>.Success(new GoTemplate(name, text, trees));
        }
        catch (ParseException e)
        {
            return ErrorAt(e.Kind, name, text, e.Pos, e.ActionStart, -1, e.Message);
        }
        catch (Exception e) when (e is InsufficientExecutionStackException or OutOfMemoryException or ArgumentException or InvalidOperationException)
        {
            return new TemplateError(TemplateErrorKind.Parse, name, 1, 1, string.Empty, "internal error: " + e.Message);
        }
    }

    /// <summary>Renders with the template variables of a ModelService (and its routing ports for getPort).</summary>
    public TemplateResult<string> Execute(TemplateVariables variables, TemplateLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return Execute(TemplateValue.FromRecord(variables), limits, variables.RoutingPorts);
    }

    /// <summary>Renders with any data as dot (maps and lists for tests, or a record).</summary>
    public TemplateResult<string> Execute(TemplateValue data, TemplateLimits? limits = null, IReadOnlyList<KeyValuePair<string, int>>? ports = null)
    {
        limits ??= TemplateLimits.Default;
        var executor = new Executor(trees, limits, ports ?? []);
        try
        {
            return TemplateResult<string>.Success(executor.Run(Name, data));
        }
        catch (TemplateRuntimeException e)
        {
            return ExecutionError(executor, e.Kind, e.Message);
        }
        catch (Exception e) when (e is InsufficientExecutionStackException or OutOfMemoryException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or OverflowException or FormatException)
        {
            return ExecutionError(executor, TemplateErrorKind.Execution, "internal error: " + e.Message);
        }
    }

    private TemplateError ExecutionError(Executor executor, TemplateErrorKind kind, string message)
    {
        var pos = executor.CurrentNode?.Pos ?? 0;
        return ErrorAt(kind, Name, Text, pos, executor.CurrentAction.Start, executor.CurrentAction.End, message);
    }

    private static TemplateError ErrorAt(TemplateErrorKind kind, string name, string text, int pos, int actionStart, int actionEnd, string message)
    {
        pos = Math.Clamp(pos, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < pos; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        var action = string.Empty;
        if (actionStart >= 0 && actionStart < text.Length)
        {
            if (actionEnd <= actionStart)
            {
                var close = text.IndexOf("}}", actionStart, StringComparison.Ordinal);
                actionEnd = close < 0 ? Math.Min(text.Length, actionStart + TemplateError.MaxActionLength + 1) : close + 2;
            }

            action = TemplateError.ShortenAction(text[actionStart..Math.Min(actionEnd, text.Length)]);
        }

        return new TemplateError(kind, name, line, pos - lineStart + 1, action, message);
    }
}
