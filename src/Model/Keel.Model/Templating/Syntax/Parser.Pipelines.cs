using System.Numerics;
using Keel.Model.Templating.Formatting;

namespace Keel.Model.Templating.Syntax;

internal sealed partial class Parser
{
    private PipeNode Pipeline(string context, TokenType end)
    {
        var pos = PeekNonSpace().Pos;
        var isAssign = false;
        var declarations = new List<VariableNode>();
        while (PeekNonSpace().Type == TokenType.Variable)
        {
            var startIndex = index;
            var v = NextNonSpace();
            var next = PeekNonSpace();
            if (next.Type is TokenType.Assign or TokenType.Declare)
            {
                isAssign = next.Type == TokenType.Assign;
                NextNonSpace();
                declarations.Add(new VariableNode(v.Pos, [v.Value]));
                vars.Add(v.Value);
                break;
            }

            if (next.Type == TokenType.Char && next.Value == ",")
            {
                NextNonSpace();
                declarations.Add(new VariableNode(v.Pos, [v.Value]));
                vars.Add(v.Value);
                if (context == "range" && declarations.Count < 2)
                {
                    if (PeekNonSpace().Type is TokenType.Variable or TokenType.RightDelim or TokenType.RightParen)
                    {
                        continue;
                    }

                    throw Error(PeekNonSpace().Pos, "range can only initialize variables");
                }

                throw Error(v.Pos, $"too many declarations in {context}");
            }

            index = startIndex;
            break;
        }

        var commands = new List<CommandNode>();
        while (true)
        {
            var token = NextNonSpace();
            if (token.Type == end)
            {
                if (end == TokenType.RightDelim)
                {
                    lastRightDelimEnd = token.Pos + 2;
                }

                if (commands.Count == 0)
                {
                    throw Error(token.Pos, $"missing value for {context}");
                }

                for (var i = 1; i < commands.Count; i++)
                {
                    if (commands[i].Args[0] is BoolNode or DotNode or NilNode or NumberNode or StringNode)
                    {
                        throw Error(commands[i].Pos, $"non executable command in pipeline stage {i + 1}");
                    }
                }

                return new PipeNode(pos, isAssign, declarations, commands);
            }

            switch (token.Type)
            {
                case TokenType.Bool or TokenType.CharConstant or TokenType.Complex or TokenType.Dot or TokenType.Field
                    or TokenType.Identifier or TokenType.Number or TokenType.Nil or TokenType.RawString
                    or TokenType.String or TokenType.Variable or TokenType.LeftParen:
                    index--;
                    commands.Add(Command());
                    break;
                default:
                    throw Unexpected(token, context);
            }
        }
    }

    private CommandNode Command()
    {
        var pos = PeekNonSpace().Pos;
        var args = new List<Node>();
        while (true)
        {
            PeekNonSpace();
            var operand = Operand();
            if (operand is not null)
            {
                args.Add(operand);
            }

            var token = Next();
            if (token.Type == TokenType.Space)
            {
                continue;
            }

            if (token.Type is TokenType.RightDelim or TokenType.RightParen)
            {
                index--;
            }
            else if (token.Type != TokenType.Pipe)
            {
                throw Unexpected(token, "operand");
            }

            break;
        }

        if (args.Count == 0)
        {
            throw Error(pos, "empty command");
        }

        return new CommandNode(pos, args);
    }

    private Node? Operand()
    {
        var node = Term();
        if (node is null || Peek().Type != TokenType.Field)
        {
            return node;
        }

        var fields = new List<string>();
        while (Peek().Type == TokenType.Field)
        {
            fields.Add(Next().Value[1..]);
        }

        return node switch
        {
            FieldNode field => new FieldNode(field.Pos, [.. field.Ident, .. fields]),
            VariableNode variable => new VariableNode(variable.Pos, [.. variable.Ident, .. fields]),
            BoolNode or StringNode or NumberNode or NilNode or DotNode =>
                throw Error(node.Pos, $"unexpected . after term {GoQuote.Quote(node.ToString()!)}"),
            _ => new ChainNode(node.Pos, node, fields),
        };
    }

    private Node? Term()
    {
        var token = NextNonSpace();
        switch (token.Type)
        {
            case TokenType.Identifier:
                if (!functions.TryGet(token.Value, out var function))
                {
                    throw Error(token.Pos, $"function {GoQuote.Quote(token.Value)} not defined");
                }

                return new IdentifierNode(token.Pos, function);
            case TokenType.Dot:
                return new DotNode(token.Pos);
            case TokenType.Nil:
                return new NilNode(token.Pos);
            case TokenType.Variable:
                if (!vars.Contains(token.Value))
                {
                    throw Error(token.Pos, $"undefined variable {GoQuote.Quote(token.Value)}");
                }

                return new VariableNode(token.Pos, [token.Value]);
            case TokenType.Field:
                return new FieldNode(token.Pos, [token.Value[1..]]);
            case TokenType.Bool:
                return new BoolNode(token.Pos, token.Value == "true");
            case TokenType.CharConstant or TokenType.Complex or TokenType.Number:
                return Number(token);
            case TokenType.LeftParen:
                Enter(token.Pos);
                try
                {
                    return Pipeline("parenthesized pipeline", TokenType.RightParen);
                }
                finally
                {
                    depth--;
                }

            case TokenType.String or TokenType.RawString:
                return new StringNode(token.Pos, token.Value, Unquote(token));
        }

        index--;
        return null;
    }

    private NumberNode Number(Token token)
    {
        var text = token.Value;
        if (token.Type == TokenType.CharConstant)
        {
            if (!GoLiterals.TryParseRune(text, out var rune, out var runeError))
            {
                throw Error(token.Pos, runeError);
            }

            return new NumberNode(token.Pos, text)
            {
                IsInt = true, Int64 = rune, IsUint = true, Uint64 = (ulong)rune, IsFloat = true, Float64 = rune,
            };
        }

        if (token.Type == TokenType.Complex)
        {
            var split = ComplexSplit(text);
            if (split < 0 || !GoLiterals.TryParseFloat(text[..split], out var re) || !GoLiterals.TryParseFloat(text[split..^1], out var im))
            {
                throw Error(token.Pos, $"illegal number syntax: {GoQuote.Quote(text)}");
            }

            return Simplify(new NumberNode(token.Pos, text) { IsComplex = true, Complex128 = new Complex(re, im) });
        }

        if (text.EndsWith('i') && GoLiterals.TryParseFloat(text[..^1], out var imaginary))
        {
            return Simplify(new NumberNode(token.Pos, text) { IsComplex = true, Complex128 = new Complex(0, imaginary) });
        }

        var isUint = GoLiterals.TryParseUint(text, out var u);
        var isInt = GoLiterals.TryParseInt(text, out var i);
        if (isInt && i == 0)
        {
            isUint = true;
            u = 0;
        }

        if (isInt)
        {
            return new NumberNode(token.Pos, text) { IsInt = true, Int64 = i, IsUint = isUint, Uint64 = u, IsFloat = true, Float64 = i };
        }

        if (isUint)
        {
            return new NumberNode(token.Pos, text) { IsUint = true, Uint64 = u, IsFloat = true, Float64 = u };
        }

        if (GoLiterals.TryParseFloat(text, out var f))
        {
            if (text.IndexOfAny(['.', 'e', 'E', 'p', 'P']) < 0)
            {
                throw Error(token.Pos, $"integer overflow: {GoQuote.Quote(text)}");
            }

            var asInt = f >= -9.2233720368547758E18 && f < 9.2233720368547758E18 && Math.Truncate(f) == f;
            var asUint = f >= 0 && f < 1.8446744073709552E19 && Math.Truncate(f) == f;
            return new NumberNode(token.Pos, text)
            {
                IsFloat = true, Float64 = f,
                IsInt = asInt, Int64 = asInt ? (long)f : 0,
                IsUint = asUint, Uint64 = asUint ? (ulong)f : 0,
            };
        }

        throw Error(token.Pos, $"illegal number syntax: {GoQuote.Quote(text)}");
    }

    private static int ComplexSplit(string text)
    {
        for (var k = text.Length - 2; k > 0; k--)
        {
            if (text[k] is '+' or '-' && text[k - 1] is not ('e' or 'E' or 'p' or 'P'))
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>Go's simplifyComplex: a complex with zero imaginary part is also a float (and maybe an int).</summary>
    private static NumberNode Simplify(NumberNode n)
    {
        if (n.Complex128.Imaginary != 0)
        {
            return n;
        }

        var f = n.Complex128.Real;
        var asInt = Math.Truncate(f) == f && f >= -9.2233720368547758E18 && f < 9.2233720368547758E18;
        var asUint = asInt && f >= 0;
        return new NumberNode(n.Pos, n.Text)
        {
            IsComplex = true, Complex128 = n.Complex128, IsFloat = true, Float64 = f,
            IsInt = asInt, Int64 = asInt ? (long)f : 0, IsUint = asUint, Uint64 = asUint ? (ulong)f : 0,
        };
    }

    private string Unquote(Token token)
    {
        if (!GoLiterals.TryUnquote(token.Value, out var value))
        {
            throw Error(token.Pos, "invalid syntax");
        }

        return value;
    }

    private Token Next()
    {
        var token = tokens[Math.Min(index, tokens.Count - 1)];
        index++;
        if (token.Type == TokenType.Error)
        {
            throw Error(token.Pos, token.Value);
        }

        return token;
    }

    private Token Peek()
    {
        var token = tokens[Math.Min(index, tokens.Count - 1)];
        if (token.Type == TokenType.Error)
        {
            throw Error(token.Pos, token.Value);
        }

        return token;
    }

    private Token NextNonSpace()
    {
        Token token;
        do
        {
            token = Next();
        }
        while (token.Type == TokenType.Space);
        return token;
    }

    private Token PeekNonSpace()
    {
        var token = NextNonSpace();
        index--;
        return token;
    }

    private Token Expect(TokenType expected, string context)
    {
        var token = NextNonSpace();
        if (token.Type != expected)
        {
            throw Unexpected(token, context);
        }

        if (expected == TokenType.RightDelim)
        {
            lastRightDelimEnd = token.Pos + 2;
        }

        return token;
    }

    private ParseException Unexpected(Token token, string context) =>
        Error(token.Pos, $"unexpected {token} in {context}");

    private ParseException Error(int pos, string message) => new(pos, actionStart, message);

}
