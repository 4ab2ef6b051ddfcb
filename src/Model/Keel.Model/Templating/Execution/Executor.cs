using System.Text;
using Keel.Model.Templating.Formatting;
using Keel.Model.Templating.Syntax;
using Keel.Model.Templating.Values;

namespace Keel.Model.Templating.Execution;

/// <summary>
/// One execution of a parsed template: walks the tree, evaluates pipelines as Go's
/// text/template/exec.go does, and enforces <see cref="TemplateLimits"/>. Not thread-safe;
/// create one per execution (the tree it walks is shared and immutable).
/// </summary>
internal sealed partial class Executor
{
    private readonly IReadOnlyDictionary<string, ListNode> trees;
    private readonly TemplateLimits limits;
    private readonly IReadOnlyList<KeyValuePair<string, int>> ports;
    private readonly StringBuilder output = new();
    private List<(string Name, TemplateValue Value)> vars = [];
    private int callDepth;
    private int steps;
    private long rangeIterations;
    private long allocated;

    public Executor(IReadOnlyDictionary<string, ListNode> trees, TemplateLimits limits, IReadOnlyList<KeyValuePair<string, int>> ports)
    {
        this.trees = trees;
        this.limits = limits;
        this.ports = ports;
    }

    private enum Flow
    {
        Normal,
        Break,
        Continue,
    }

    /// <summary>The node being evaluated, for error locations.</summary>
    public Node? CurrentNode { get; private set; }

    /// <summary>The action being evaluated, for error context.</summary>
    public ActionSpan CurrentAction { get; private set; } = new(-1, -1);

    public string Run(string name, TemplateValue data)
    {
        if (!trees.TryGetValue(name, out var root))
        {
            throw new TemplateRuntimeException($"{GoQuote.Quote(name)} is an incomplete or empty template");
        }

        vars.Add(("$", data));
        Walk(data, root);
        return output.ToString();
    }

    private void At(Node node) => CurrentNode = node;

    private static TemplateRuntimeException Error(string message) => new(message);

    private Flow Walk(TemplateValue dot, Node node)
    {
        At(node);
        switch (node)
        {
            case TextNode text:
                Write(text.Text);
                return Flow.Normal;
            case ActionNode action:
                CurrentAction = action.Span;
                var value = EvalPipeline(dot, action.Pipe);
                if (action.Pipe.Declarations.Count == 0)
                {
                    PrintValue(action, value);
                }

                return Flow.Normal;
            case ListNode list:
                foreach (var child in list.Nodes)
                {
                    var flow = Walk(dot, child);
                    if (flow != Flow.Normal)
                    {
                        return flow;
                    }
                }

                return Flow.Normal;
            case BranchNode { Kind: BranchKind.Range } range:
                return WalkRange(dot, range);
            case BranchNode branch:
                return WalkIfOrWith(dot, branch);
            case TemplateCallNode call:
                WalkTemplate(dot, call);
                return Flow.Normal;
            case BreakNode:
                return Flow.Break;
            case ContinueNode:
                return Flow.Continue;
            default:
                throw Error($"unknown node: {node}");
        }
    }

    private Flow WalkIfOrWith(TemplateValue dot, BranchNode node)
    {
        CurrentAction = node.Span;
        var mark = vars.Count;
        try
        {
            var value = EvalPipeline(dot, node.Pipe);
            if (IsTrue(value))
            {
                return Walk(node.Kind == BranchKind.With ? value : dot, node.List);
            }

            return node.ElseList is null ? Flow.Normal : Walk(dot, node.ElseList);
        }
        finally
        {
            Pop(mark);
        }
    }

    private Flow WalkRange(TemplateValue dot, BranchNode node)
    {
        At(node);
        CurrentAction = node.Span;
        var mark = vars.Count;
        try
        {
            var value = EvalPipeline(dot, node.Pipe);
            var bodyMark = vars.Count;
            var ran = false;
            switch (value.Kind)
            {
                case GoKind.List:
                    var list = value.AsList;
                    var boxed = list.ElementKind == GoKind.Nil;
                    for (var i = 0; i < list.Count; i++)
                    {
                        ran = true;
                        var element = boxed ? list.Items[i].Boxed() : list.Items[i];
                        if (Iterate(node, bodyMark, TemplateValue.FromInt(i), element) == Flow.Break)
                        {
                            break;
                        }
                    }

                    break;
                case GoKind.Map:
                    var map = value.AsMap;
                    foreach (var key in map.SortedKeys())
                    {
                        ran = true;
                        map.TryGetValue(key, out var element);
                        if (map.ElementKind == GoKind.Nil)
                        {
                            element = element.Boxed();
                        }

                        if (Iterate(node, bodyMark, TemplateValue.FromString(key), element) == Flow.Break)
                        {
                            break;
                        }
                    }

                    break;
                case GoKind.Int or GoKind.Int32 or GoKind.Int64 or GoKind.Uint8:
                    if (node.Pipe.Declarations.Count > 1)
                    {
                        throw Error($"can't use {GoFmt.Sprint([value])} to iterate over more than one variable");
                    }

                    for (long i = 0; i < value.AsInteger; i++)
                    {
                        ran = true;
                        if (Iterate(node, bodyMark, TemplateValue.Invalid, TemplateValue.FromInteger(value.Kind, i)) == Flow.Break)
                        {
                            break;
                        }
                    }

                    break;
                case GoKind.Invalid:
                    break;
                default:
                    At(node);
                    throw Error($"range can't iterate over {GoFmt.Sprint([value])}");
            }

            if (!ran && node.ElseList is not null)
            {
                return Walk(dot, node.ElseList);
            }

            return Flow.Normal;
        }
        finally
        {
            Pop(mark);
        }
    }

    private Flow Iterate(BranchNode node, int bodyMark, TemplateValue index, TemplateValue element)
    {
        if (++rangeIterations > limits.MaxRangeIterations)
        {
            At(node);
            CurrentAction = node.Span;
            throw TemplateRuntimeException.Limit($"range iterations exceed the limit of {limits.MaxRangeIterations}");
        }

        var declarations = node.Pipe.Declarations;
        if (declarations.Count > 0)
        {
            if (node.Pipe.IsAssign)
            {
                SetVar(declarations[0].Ident[0], declarations.Count > 1 ? index : element);
            }
            else
            {
                vars[^1] = (vars[^1].Name, element);
            }
        }

        if (declarations.Count > 1)
        {
            if (node.Pipe.IsAssign)
            {
                SetVar(declarations[1].Ident[0], element);
            }
            else
            {
                vars[^2] = (vars[^2].Name, index);
            }
        }

        try
        {
            var flow = Walk(element, node.List);
            return flow == Flow.Break ? Flow.Break : Flow.Normal;
        }
        finally
        {
            Pop(bodyMark);
        }
    }

    private void WalkTemplate(TemplateValue dot, TemplateCallNode node)
    {
        At(node);
        CurrentAction = node.Span;
        if (!trees.TryGetValue(node.Name, out var tree))
        {
            throw Error($"template {GoQuote.Quote(node.Name)} not defined");
        }

        if (callDepth >= limits.MaxTemplateCallDepth)
        {
            throw TemplateRuntimeException.Limit($"exceeded maximum template depth ({limits.MaxTemplateCallDepth})");
        }

        var newDot = node.Pipe is null ? TemplateValue.Invalid : EvalPipeline(dot, node.Pipe);
        var savedVars = vars;
        vars = [("$", newDot)];
        callDepth++;
        try
        {
            Walk(newDot, tree);
        }
        finally
        {
            callDepth--;
            vars = savedVars;
        }
    }

    private void PrintValue(Node node, TemplateValue value)
    {
        At(node);
        if (!value.IsValid)
        {
            Write("<no value>");
            return;
        }

        GoFmt.AppendValue(output, value, limits.MaxOutputLength - output.Length + 1);
        CheckOutput();
    }

    private void Write(string text)
    {
        output.Append(text);
        CheckOutput();
    }

    private void CheckOutput()
    {
        if (output.Length > limits.MaxOutputLength)
        {
            throw TemplateRuntimeException.Limit($"output exceeds the limit of {limits.MaxOutputLength} characters");
        }
    }

    /// <summary>Go's isTrue: the zero value of a type, empty collections and nil are false.</summary>
    internal static bool IsTrue(TemplateValue value) => value.Kind switch
    {
        GoKind.Invalid or GoKind.Nil => false,
        GoKind.Bool => value.AsBool,
        GoKind.Int or GoKind.Int32 or GoKind.Int64 or GoKind.Uint8 => value.AsInteger != 0,
        GoKind.Float64 => value.AsFloat != 0,
        GoKind.Complex128 => value.AsComplex != System.Numerics.Complex.Zero,
        GoKind.String => value.AsString.Length > 0,
        GoKind.List => value.AsList.Count > 0,
        GoKind.Map => value.AsMap.Count > 0,
        _ => true,
    };

    private void Push(string name, TemplateValue value) => vars.Add((name, value));

    private void Pop(int mark)
    {
        if (vars.Count > mark)
        {
            vars.RemoveRange(mark, vars.Count - mark);
        }
    }

    private void SetVar(string name, TemplateValue value)
    {
        for (var i = vars.Count - 1; i >= 0; i--)
        {
            if (vars[i].Name == name)
            {
                vars[i] = (name, value);
                return;
            }
        }

        throw Error($"undefined variable: {name}");
    }

    private TemplateValue VarValue(string name)
    {
        for (var i = vars.Count - 1; i >= 0; i--)
        {
            if (vars[i].Name == name)
            {
                return vars[i].Value;
            }
        }

        throw Error($"undefined variable: {name}");
    }
}
