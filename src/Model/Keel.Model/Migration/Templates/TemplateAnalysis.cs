using Keel.Model.Templating;
using Keel.Model.Templating.Functions;
using Keel.Model.Templating.Syntax;
using Keel.Model.Templating.Values;

namespace Keel.Model.Migration.Templates;

/// <summary>One action of a preset value with what it prints and, when it keeps the value from a typed part, why.</summary>
internal sealed record AnalyzedAction(TemplateAction Action, ActionOutput Output, string? Blocker);

/// <summary>
/// Everything the conversion needs to know about the template of one preset value: its actions in text order, what
/// each prints, which ones keep the value from becoming a typed part wherever they stand (trim markers, named
/// templates, variables, structure), and the errors that make the value wrong whatever happens (a parse error, a
/// template variable that does not exist).
/// </summary>
internal sealed class TemplateAnalysis
{
    private static readonly HashSet<string> KnownVariables = new(KnownVariableNames(), StringComparer.Ordinal);

    private TemplateAnalysis(string text, IReadOnlyList<AnalyzedAction> actions, IReadOnlyList<MigrationNote> errors)
    {
        Text = text;
        Actions = actions;
        Errors = errors;
    }

    public string Text { get; }

    public IReadOnlyList<AnalyzedAction> Actions { get; }

    /// <summary>Parse errors and unknown template variables, each naming the key, line, column and action.</summary>
    public IReadOnlyList<MigrationNote> Errors { get; }

    public static TemplateAnalysis Analyze(string key, string text, MessagePrefix prefix)
    {
        var parsed = GoTemplate.Parse(key, text);
        if (!parsed.IsSuccess)
        {
            var e = parsed.Error;
            var action = e.Action.Length > 0 ? $"{(e.Kind == TemplateErrorKind.Parse ? "parsing" : "executing")} \"{e.Action}\": " : string.Empty;
            return new TemplateAnalysis(text, [], [MigrationNote.Error(MigrationCodes.TemplateError, prefix.At(key, e.Line, e.Column) + ": " + action + e.Message, key, e.Line, e.Column)]);
        }

        var trees = Parser.Parse(key, text, TemplateFunctions.Default, TemplateLimits.Default);
        var nodes = new Dictionary<int, Node>();
        var errors = new List<MigrationNote>();
        var variableUses = new HashSet<int>();
        var lines = new LineIndex(text);
        foreach (var (name, tree) in trees)
        {
            Walk(tree, dotIsRoot: name == key, nodes, variableUses, error: (pos, actionStart, message) =>
            {
                var (line, column) = lines.Position(pos);
                var quoted = actionStart >= 0 ? $"executing \"{TemplateError.ShortenAction(ActionText(text, actionStart))}\": " : string.Empty;
                errors.Add(MigrationNote.Error(MigrationCodes.TemplateError, $"{prefix.At(key, line, column)}: {quoted}{message}", key, line, column));
            });
        }

        var actions = new List<AnalyzedAction>();
        foreach (var action in TemplateScanner.Scan(text))
        {
            var output = action.Kind switch
            {
                ActionKind.Output when nodes.TryGetValue(action.Start, out var node) && node is ActionNode a => OutputClassifier.Classify(a),
                ActionKind.Comment => ActionOutput.Nothing,
                _ => ActionOutput.MaybeEmptyText,
            };
            actions.Add(new AnalyzedAction(action, output, Blocker(action, output, text, variableUses)));
        }

        return new TemplateAnalysis(text, actions, errors);
    }

    private static string? Blocker(TemplateAction action, ActionOutput output, string text, HashSet<int> variableUses)
    {
        if (action.HasTrimMarker)
        {
            return "its trim marker (" + (action.TrimLeft ? "{{-" : "-}}") + ") removes the whitespace next to it, which YAML reads as structure";
        }

        if (action.Kind == ActionKind.Definition)
        {
            return $"{action.Keyword} works on named templates of the whole value";
        }

        if (text.AsSpan(action.Start, action.Length).Contains('\n'))
        {
            return "the action spans several lines";
        }

        if (variableUses.Contains(action.Start))
        {
            return "it declares or uses a template variable ($name), which one typed field cannot share with another";
        }

        if (output.IsYamlSignificant)
        {
            return output.Why;
        }

        return null;
    }

    // Records every output action by its start, the actions that declare or use variables, and fields that do not exist.
    private static void Walk(Node node, bool dotIsRoot, Dictionary<int, Node> nodes, HashSet<int> variableUses, Action<int, int, string> error, int actionStart = -1)
    {
        switch (node)
        {
            case ListNode list:
                foreach (var child in list.Nodes)
                {
                    Walk(child, dotIsRoot, nodes, variableUses, error);
                }

                break;
            case ActionNode action:
                nodes[action.Span.Start] = action;
                Walk(action.Pipe, dotIsRoot, nodes, variableUses, error, action.Span.Start);
                break;
            case BranchNode branch:
                nodes[branch.Span.Start] = branch;
                Walk(branch.Pipe, dotIsRoot, nodes, variableUses, error, branch.Span.Start);

                // with and range move dot; if keeps it.
                Walk(branch.List, dotIsRoot && branch.Kind == BranchKind.If, nodes, variableUses, error);
                if (branch.ElseList is { } elseList)
                {
                    Walk(elseList, dotIsRoot, nodes, variableUses, error);
                }

                break;
            case TemplateCallNode call when call.Pipe is { } pipe:
                Walk(pipe, dotIsRoot, nodes, variableUses, error, call.Span.Start);
                break;
            case PipeNode pipe:
                if (pipe.Declarations.Count > 0 && actionStart >= 0)
                {
                    variableUses.Add(actionStart);
                }

                foreach (var command in pipe.Commands)
                {
                    foreach (var arg in command.Args)
                    {
                        Walk(arg, dotIsRoot, nodes, variableUses, error, actionStart);
                    }
                }

                break;
            case ChainNode chain:
                Walk(chain.Node, dotIsRoot, nodes, variableUses, error, actionStart);
                break;
            case VariableNode variable:
                if (variable.Ident[0] != "$" && actionStart >= 0)
                {
                    variableUses.Add(actionStart);
                }
                else if (variable.Ident.Count > 1 && !KnownVariables.Contains(variable.Ident[1]))
                {
                    error(variable.Pos, actionStart, $"can't evaluate field {variable.Ident[1]} in type variables (template variables: see docs/user-guide/templating.md)");
                }

                break;
            case FieldNode field when dotIsRoot && !KnownVariables.Contains(field.Ident[0]):
                error(field.Pos, actionStart, $"can't evaluate field {field.Ident[0]} in type variables (template variables: see docs/user-guide/templating.md)");
                break;
        }
    }

    private static string ActionText(string text, int start)
    {
        var end = text.IndexOf("}}", start, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..(end + 2)];
    }

    private static IEnumerable<string> KnownVariableNames()
    {
        ITemplateRecord record = TemplateVariables.From("a", "b", "c", "hf://d/e");
        return record.FieldNames;
    }
}
