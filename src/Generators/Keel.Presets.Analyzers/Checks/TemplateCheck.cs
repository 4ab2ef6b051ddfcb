using System.Collections.Immutable;
using Keel.Model.Templating;
using Keel.Model.Templating.Functions;
using Keel.Model.Templating.Syntax;

namespace Keel.Presets.Analyzers.Checks;

/// <summary>
/// Checks one template text with Keel.Model's own parser (shared as source): parse errors, unknown functions,
/// unknown variables and fields of variables, and collects the routing ports it reads with getPort.
/// </summary>
internal sealed class TemplateCheck
{
    private const string NotDefinedPrefix = "function \"";
    private const string NotDefinedSuffix = "\" not defined";

    private readonly ImmutableHashSet<string> variables;
    private readonly List<TemplateFinding> findings = [];
    private readonly List<(string Name, int Offset)> ports = [];

    private TemplateCheck(ImmutableHashSet<string> variables) => this.variables = variables;

    public IReadOnlyList<TemplateFinding> Findings => findings;

    /// <summary>Routing port names read with a literal argument (<c>getPort "x"</c>, <c>"x" | getPort</c>).</summary>
    public IReadOnlyList<(string Name, int Offset)> Ports => ports;

    public static TemplateCheck Run(string text, ImmutableHashSet<string> variables)
    {
        var check = new TemplateCheck(variables);
        check.Check(text);
        return check;
    }

    private void Check(string text)
    {
        Dictionary<string, ListNode> trees;
        try
        {
            trees = Parser.Parse("preset", text, TemplateFunctions.Default, TemplateLimits.Default);
        }
        catch (ParseException e)
        {
            ReportParseError(text, e);
            return;
        }

        foreach (var pair in trees)
        {
            // In the main template dot and $ are the variables; a define'd template gets whatever its caller passes.
            var isMain = pair.Key == "preset";
            Walk(pair.Value, dotIsRoot: isMain, dollarIsRoot: isMain);
        }
    }

    private void ReportParseError(string text, ParseException e)
    {
        var message = e.Message;
        if (message.StartsWith(NotDefinedPrefix, StringComparison.Ordinal) && message.EndsWith(NotDefinedSuffix, StringComparison.Ordinal))
        {
            var name = message.Substring(NotDefinedPrefix.Length, message.Length - NotDefinedPrefix.Length - NotDefinedSuffix.Length);
            findings.Add(new TemplateFinding(
                PresetDiagnostics.UnknownFunction, e.Pos, name.Length, [name, Suggestions.DidYouMean(name, TemplateFunctions.Default.Names)]));
            return;
        }

        var pos = Math.Max(0, Math.Min(e.Pos, text.Length));
        var start = e.ActionStart >= 0 && e.ActionStart <= pos ? e.ActionStart : pos;
        var end = text.IndexOf("}}", pos, StringComparison.Ordinal);
        var length = end < 0 ? Math.Max(0, text.Length - start) : end + 2 - start;
        findings.Add(new TemplateFinding(PresetDiagnostics.TemplateDoesNotParse, start, length, [message]));
    }

    private void Walk(Node? node, bool dotIsRoot, bool dollarIsRoot)
    {
        switch (node)
        {
            case ListNode list:
                foreach (var child in list.Nodes)
                {
                    Walk(child, dotIsRoot, dollarIsRoot);
                }

                break;
            case ActionNode action:
                Walk(action.Pipe, dotIsRoot, dollarIsRoot);
                break;
            case BranchNode branch:
                Walk(branch.Pipe, dotIsRoot, dollarIsRoot);

                // with and range move dot to the pipeline's value (a string or a list element); if keeps it.
                Walk(branch.List, dotIsRoot && branch.Kind == BranchKind.If, dollarIsRoot);
                Walk(branch.ElseList, dotIsRoot, dollarIsRoot);
                break;
            case TemplateCallNode call:
                Walk(call.Pipe, dotIsRoot, dollarIsRoot);
                break;
            case PipeNode pipe:
                WalkPipe(pipe, dotIsRoot, dollarIsRoot);
                break;
            case CommandNode command:
                foreach (var arg in command.Args)
                {
                    Walk(arg, dotIsRoot, dollarIsRoot);
                }

                break;
            case FieldNode field when dotIsRoot:
                CheckFields(field.Pos + 1, field.Ident, 0);
                break;
            case VariableNode variable when dollarIsRoot && variable.Ident.Count > 1 && variable.Ident[0] == "$":
                CheckFields(variable.Pos + 2, variable.Ident, 1);
                break;
            case ChainNode chain:
                Walk(chain.Node, dotIsRoot, dollarIsRoot);
                break;
        }
    }

    private void WalkPipe(PipeNode pipe, bool dotIsRoot, bool dollarIsRoot)
    {
        for (var i = 0; i < pipe.Commands.Count; i++)
        {
            var command = pipe.Commands[i];
            Walk(command, dotIsRoot, dollarIsRoot);
            if (command.Args[0] is not IdentifierNode { Function.Name: "getPort" })
            {
                continue;
            }

            if (command.Args.Count > 1 && command.Args[1] is StringNode argument)
            {
                ports.Add((argument.Text, argument.Pos));
            }
            else if (command.Args.Count == 1 && i > 0 && pipe.Commands[i - 1].Args is [StringNode piped])
            {
                ports.Add((piped.Text, piped.Pos));
            }
        }
    }

    /// <summary>Checks <c>.Name.Field...</c> from <paramref name="first"/>; <paramref name="offset"/> is where Name starts.</summary>
    private void CheckFields(int offset, IReadOnlyList<string> ident, int first)
    {
        var name = ident[first];
        if (!variables.Contains(name))
        {
            findings.Add(new TemplateFinding(PresetDiagnostics.UnknownVariable, offset, name.Length, [name, Suggestions.DidYouMean(name, variables)]));
            return;
        }

        if (ident.Count > first + 1)
        {
            var field = ident[first + 1];
            findings.Add(new TemplateFinding(PresetDiagnostics.FieldOfString, offset + name.Length + 1, field.Length, [name, field]));
        }
    }
}
