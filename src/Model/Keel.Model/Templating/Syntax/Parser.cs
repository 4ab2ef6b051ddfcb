using Keel.Model.Templating.Functions;

namespace Keel.Model.Templating.Syntax;

/// <summary>
/// Builds the parse tree from tokens with Go's text/template/parse grammar and messages:
/// define/block/template, if/else if/else, with/else with, range with break/continue, variable
/// scoping (a variable lives until the {{end}} of the control structure that declared it),
/// and the check that every function exists at parse time.
/// </summary>
internal sealed partial class Parser
{
    private readonly string text;
    private readonly List<Token> tokens;
    private readonly TemplateFunctions functions;
    private readonly TemplateLimits limits;
    private readonly Dictionary<string, ListNode> trees;
    private List<string> vars = ["$"];
    private int index;
    private int rangeDepth;
    private int depth;
    private int actionStart = -1;
    private int lastRightDelimEnd;

    private Parser(string text, TemplateFunctions functions, TemplateLimits limits)
    {
        this.text = text;
        this.functions = functions;
        this.limits = limits;
        tokens = Lexer.Lex(text);
        trees = new Dictionary<string, ListNode>(StringComparer.Ordinal);
    }

    /// <summary>Parses the text into the named tree and every tree it defines; throws <see cref="ParseException"/>.</summary>
    public static Dictionary<string, ListNode> Parse(string name, string text, TemplateFunctions functions, TemplateLimits limits)
    {
        var parser = new Parser(text, functions, limits);
        var root = parser.ParseRoot();
        parser.Add(name, root, 0);
        return parser.trees;
    }

    private sealed class EndMarker(int pos) : Node(pos)
    {
        public override string ToString() => "{{end}}";
    }

    private sealed class ElseMarker(int pos) : Node(pos)
    {
        public override string ToString() => "{{else}}";
    }

    private ListNode ParseRoot()
    {
        var nodes = new List<Node>();
        while (Peek().Type != TokenType.Eof)
        {
            if (Peek().Type == TokenType.LeftDelim)
            {
                var delimIndex = index;
                var delim = Next();
                if (NextNonSpace().Type == TokenType.Define)
                {
                    actionStart = delim.Pos;
                    ParseDefinition();
                    continue;
                }

                index = delimIndex;
            }

            var node = TextOrAction();
            if (node is EndMarker or ElseMarker)
            {
                throw Error(node.Pos, "unexpected " + node);
            }

            nodes.Add(node);
        }

        return new ListNode(0, nodes);
    }

    private void ParseDefinition()
    {
        const string context = "define clause";
        var nameToken = NextNonSpace();
        if (nameToken.Type is not (TokenType.String or TokenType.RawString))
        {
            throw Unexpected(nameToken, context);
        }

        var name = Unquote(nameToken);
        Expect(TokenType.RightDelim, context);
        var (root, end) = WithFreshScope(ItemList);
        if (end is not EndMarker)
        {
            throw Error(end.Pos, $"unexpected {end} in {context}");
        }

        Add(name, root, nameToken.Pos);
    }

    private void Add(string name, ListNode root, int pos)
    {
        if (!trees.TryGetValue(name, out var existing) || IsEmptyTree(existing))
        {
            trees[name] = root;
            return;
        }

        if (!IsEmptyTree(root))
        {
            throw Error(pos, $"template: multiple definition of template {Formatting.GoQuote.Quote(name)}");
        }
    }

    private static bool IsEmptyTree(ListNode list) =>
        list.Nodes.All(n => n is TextNode t && Formatting.GoStrings.TrimSpace(t.Text).Length == 0);

    private T WithFreshScope<T>(Func<T> parse)
    {
        var savedVars = vars;
        var savedRange = rangeDepth;
        vars = ["$"];
        rangeDepth = 0;
        Enter(Peek().Pos);
        try
        {
            return parse();
        }
        finally
        {
            depth--;
            vars = savedVars;
            rangeDepth = savedRange;
        }
    }

    private void Enter(int pos)
    {
        if (++depth > limits.MaxParseDepth)
        {
            throw new ParseException(pos, actionStart, $"template nesting exceeds the limit of {limits.MaxParseDepth} levels", TemplateErrorKind.LimitExceeded);
        }
    }

    private (ListNode List, Node Next) ItemList()
    {
        var nodes = new List<Node>();
        var start = PeekNonSpace().Pos;
        while (PeekNonSpace().Type != TokenType.Eof)
        {
            var node = TextOrAction();
            if (node is EndMarker or ElseMarker)
            {
                return (new ListNode(start, nodes), node);
            }

            nodes.Add(node);
        }

        throw Error(Peek().Pos, "unexpected EOF");
    }

    private Node TextOrAction()
    {
        var token = NextNonSpace();
        switch (token.Type)
        {
            case TokenType.Text:
                return new TextNode(token.Pos, token.Value);
            case TokenType.LeftDelim:
                actionStart = token.Pos;
                return Action();
            default:
                throw Unexpected(token, "input");
        }
    }

    private Node Action()
    {
        var token = NextNonSpace();
        switch (token.Type)
        {
            case TokenType.Block:
                return BlockControl();
            case TokenType.Break:
                return BreakOrContinue(token, "{{break}}");
            case TokenType.Continue:
                return BreakOrContinue(token, "{{continue}}");
            case TokenType.Else:
                return ElseControl();
            case TokenType.End:
                Expect(TokenType.RightDelim, "end");
                return new EndMarker(token.Pos);
            case TokenType.If:
                return Control(BranchKind.If, token);
            case TokenType.Range:
                return Control(BranchKind.Range, token);
            case TokenType.Template:
                return TemplateControl();
            case TokenType.With:
                return Control(BranchKind.With, token);
        }

        index--;
        var start = actionStart;
        var pos = Peek().Pos;
        var pipe = Pipeline("command", TokenType.RightDelim);
        return new ActionNode(pos, new ActionSpan(start, lastRightDelimEnd), pipe);
    }

    private Node BreakOrContinue(Token keyword, string name)
    {
        var token = NextNonSpace();
        if (token.Type != TokenType.RightDelim)
        {
            throw Unexpected(token, name);
        }

        if (rangeDepth == 0)
        {
            throw Error(keyword.Pos, $"{name} outside {{{{range}}}}");
        }

        var span = new ActionSpan(actionStart, token.Pos + 2);
        return keyword.Type == TokenType.Break ? new BreakNode(keyword.Pos, span) : new ContinueNode(keyword.Pos, span);
    }

    private Node ElseControl()
    {
        var peek = PeekNonSpace();
        if (peek.Type is TokenType.If or TokenType.With)
        {
            return new ElseMarker(peek.Pos);
        }

        var token = Expect(TokenType.RightDelim, "else");
        return new ElseMarker(token.Pos);
    }

    private BranchNode Control(BranchKind kind, Token keyword)
    {
        var context = kind.ToString().ToLowerInvariant();
        var openingStart = actionStart;
        var savedVarCount = vars.Count;
        Enter(keyword.Pos);
        try
        {
            var pipe = Pipeline(context, TokenType.RightDelim);
            var span = new ActionSpan(openingStart, lastRightDelimEnd);
            if (kind == BranchKind.Range)
            {
                rangeDepth++;
            }

            var (list, next) = ItemListOf(openingStart, keyword);
            if (kind == BranchKind.Range)
            {
                rangeDepth--;
            }

            ListNode? elseList = null;
            if (next is ElseMarker)
            {
                if (kind == BranchKind.If && Peek().Type == TokenType.If)
                {
                    var ifToken = Next();
                    elseList = new ListNode(next.Pos, [Control(BranchKind.If, ifToken)]);
                }
                else if (kind == BranchKind.With && Peek().Type == TokenType.With)
                {
                    var withToken = Next();
                    elseList = new ListNode(next.Pos, [Control(BranchKind.With, withToken)]);
                }
                else
                {
                    Node end;
                    (elseList, end) = ItemListOf(openingStart, keyword);
                    if (end is not EndMarker)
                    {
                        throw Error(end.Pos, $"expected end; found {end}");
                    }
                }
            }

            return new BranchNode(pipe.Pos, span, kind, pipe, list, elseList);
        }
        finally
        {
            depth--;
            vars.RemoveRange(savedVarCount, vars.Count - savedVarCount);
        }
    }

    /// <summary>ItemList that blames the opening action (not the end of the text) for a missing {{end}}.</summary>
    private (ListNode List, Node Next) ItemListOf(int openingStart, Token keyword)
    {
        try
        {
            return ItemList();
        }
        catch (ParseException e) when (e.Message == "unexpected EOF")
        {
            throw new ParseException(keyword.Pos, openingStart, $"unexpected EOF: {{{{{keyword.Value}}}}} has no matching {{{{end}}}}");
        }
    }

    private Node TemplateControl()
    {
        const string context = "template clause";
        var start = actionStart;
        var token = NextNonSpace();
        var name = TemplateName(token, context);
        PipeNode? pipe = null;
        var next = NextNonSpace();
        if (next.Type != TokenType.RightDelim)
        {
            index--;
            pipe = Pipeline(context, TokenType.RightDelim);
        }
        else
        {
            lastRightDelimEnd = next.Pos + 2;
        }

        return new TemplateCallNode(token.Pos, new ActionSpan(start, lastRightDelimEnd), name, pipe);
    }

    private Node BlockControl()
    {
        const string context = "block clause";
        var start = actionStart;
        var token = NextNonSpace();
        var name = TemplateName(token, context);
        var pipe = Pipeline(context, TokenType.RightDelim);
        var span = new ActionSpan(start, lastRightDelimEnd);
        var (root, end) = WithFreshScope(ItemList);
        if (end is not EndMarker)
        {
            throw Error(end.Pos, $"unexpected {end} in {context}");
        }

        Add(name, root, token.Pos);
        return new TemplateCallNode(token.Pos, span, name, pipe);
    }

    private string TemplateName(Token token, string context)
    {
        if (token.Type is TokenType.String or TokenType.RawString)
        {
            return Unquote(token);
        }

        throw Unexpected(token, context);
    }
}
