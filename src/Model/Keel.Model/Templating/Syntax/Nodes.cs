using System.Globalization;
using System.Text;
using Keel.Model.Templating.Functions;

namespace Keel.Model.Templating.Syntax;

// The parse tree. Immutable once built, so one parsed template can execute on many threads.
// ToString() renders a node as Go's parse package does; execution errors quote it
// ("can't give argument to non-function .X", "expected string; found 5").

/// <summary>The source span of the action (<c>{{ … }}</c>) a node belongs to, for error messages.</summary>
internal readonly record struct ActionSpan(int Start, int End);

internal abstract class Node(int pos)
{
    public int Pos { get; } = pos;
}

internal sealed class ListNode(int pos, IReadOnlyList<Node> nodes) : Node(pos)
{
    public IReadOnlyList<Node> Nodes { get; } = nodes;

    public override string ToString() => string.Concat(Nodes);
}

internal sealed class TextNode(int pos, string text) : Node(pos)
{
    public string Text { get; } = text;

    public override string ToString() => Formatting.GoQuote.Quote(Text);
}

internal sealed class ActionNode(int pos, ActionSpan span, PipeNode pipe) : Node(pos)
{
    public ActionSpan Span { get; } = span;

    public PipeNode Pipe { get; } = pipe;

    public override string ToString() => "{{" + Pipe + "}}";
}

internal enum BranchKind
{
    If,
    With,
    Range,
}

/// <summary>if, with and range share a shape: a pipeline, a body and an optional else.</summary>
internal sealed class BranchNode(int pos, ActionSpan span, BranchKind kind, PipeNode pipe, ListNode list, ListNode? elseList) : Node(pos)
{
    public ActionSpan Span { get; } = span;

    public BranchKind Kind { get; } = kind;

    public PipeNode Pipe { get; } = pipe;

    public ListNode List { get; } = list;

    public ListNode? ElseList { get; } = elseList;

    public override string ToString()
    {
        var name = Kind.ToString().ToLowerInvariant();
        return ElseList is null
            ? $"{{{{{name} {Pipe}}}}}{List}{{{{end}}}}"
            : $"{{{{{name} {Pipe}}}}}{List}{{{{else}}}}{ElseList}{{{{end}}}}";
    }
}

internal sealed class BreakNode(int pos, ActionSpan span) : Node(pos)
{
    public ActionSpan Span { get; } = span;

    public override string ToString() => "{{break}}";
}

internal sealed class ContinueNode(int pos, ActionSpan span) : Node(pos)
{
    public ActionSpan Span { get; } = span;

    public override string ToString() => "{{continue}}";
}

internal sealed class TemplateCallNode(int pos, ActionSpan span, string name, PipeNode? pipe) : Node(pos)
{
    public ActionSpan Span { get; } = span;

    public string Name { get; } = name;

    public PipeNode? Pipe { get; } = pipe;

    public override string ToString() => Pipe is null
        ? $"{{{{template {Formatting.GoQuote.Quote(Name)}}}}}"
        : $"{{{{template {Formatting.GoQuote.Quote(Name)} {Pipe}}}}}";
}

internal sealed class PipeNode(int pos, bool isAssign, IReadOnlyList<VariableNode> declarations, IReadOnlyList<CommandNode> commands) : Node(pos)
{
    public bool IsAssign { get; } = isAssign;

    public IReadOnlyList<VariableNode> Declarations { get; } = declarations;

    public IReadOnlyList<CommandNode> Commands { get; } = commands;

    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Declarations.Count > 0)
        {
            sb.Append(string.Join(", ", Declarations)).Append(IsAssign ? " = " : " := ");
        }

        sb.Append(string.Join(" | ", Commands));
        return sb.ToString();
    }
}

internal sealed class CommandNode(int pos, IReadOnlyList<Node> args) : Node(pos)
{
    public IReadOnlyList<Node> Args { get; } = args;

    public override string ToString() =>
        string.Join(" ", Args.Select(a => a is PipeNode ? "(" + a + ")" : a.ToString()));
}

internal sealed class IdentifierNode(int pos, TemplateFunction function) : Node(pos)
{
    public TemplateFunction Function { get; } = function;

    public override string ToString() => Function.Name;
}

internal sealed class VariableNode(int pos, IReadOnlyList<string> ident) : Node(pos)
{
    /// <summary>The variable name ($x) followed by any fields.</summary>
    public IReadOnlyList<string> Ident { get; } = ident;

    public override string ToString() => string.Join(".", Ident);
}

internal sealed class FieldNode(int pos, IReadOnlyList<string> ident) : Node(pos)
{
    public IReadOnlyList<string> Ident { get; } = ident;

    public override string ToString() => "." + string.Join(".", Ident);
}

/// <summary>A term followed by fields: <c>(pipeline).Field1.Field2</c>.</summary>
internal sealed class ChainNode(int pos, Node node, IReadOnlyList<string> fields) : Node(pos)
{
    public Node Node { get; } = node;

    public IReadOnlyList<string> Fields { get; } = fields;

    public override string ToString() =>
        (Node is PipeNode ? "(" + Node + ")" : Node.ToString()) + "." + string.Join(".", Fields);
}

internal sealed class DotNode(int pos) : Node(pos)
{
    public override string ToString() => ".";
}

internal sealed class NilNode(int pos) : Node(pos)
{
    public override string ToString() => "nil";
}

internal sealed class BoolNode(int pos, bool value) : Node(pos)
{
    public bool Value { get; } = value;

    public override string ToString() => Value ? "true" : "false";
}

internal sealed class StringNode(int pos, string quoted, string text) : Node(pos)
{
    public string Quoted { get; } = quoted;

    public string Text { get; } = text;

    public override string ToString() => Quoted;
}

/// <summary>A number literal with every interpretation Go's parser derives from its text.</summary>
internal sealed class NumberNode(int pos, string text) : Node(pos)
{
    public string Text { get; } = text;

    public bool IsInt { get; init; }

    public bool IsUint { get; init; }

    public bool IsFloat { get; init; }

    public bool IsComplex { get; init; }

    public long Int64 { get; init; }

    public ulong Uint64 { get; init; }

    public double Float64 { get; init; }

    public System.Numerics.Complex Complex128 { get; init; }

    public override string ToString() => Text;

    public static string Describe(double value) => value.ToString(CultureInfo.InvariantCulture);
}
