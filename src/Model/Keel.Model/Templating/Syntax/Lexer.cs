using System.Globalization;

namespace Keel.Model.Templating.Syntax;

/// <summary>
/// Splits template text into tokens exactly as Go's text/template/parse lexer does: text and
/// actions, <c>{{- </c>/<c> -}}</c> trim markers (the space is required), comments, strings, runes,
/// numbers, identifiers, fields and variables. Stops at the first error, emitting an Error token.
/// </summary>
internal sealed class Lexer
{
    private const string LeftDelim = "{{";
    private const string RightDelim = "}}";
    private const string LeftComment = "/*";
    private const string RightComment = "*/";
    private const int TrimMarkerLength = 2; // the '-' and the space beside it

    private static readonly Dictionary<string, TokenType> Keywords = new(StringComparer.Ordinal)
    {
        ["."] = TokenType.Dot,
        ["block"] = TokenType.Block,
        ["break"] = TokenType.Break,
        ["continue"] = TokenType.Continue,
        ["define"] = TokenType.Define,
        ["else"] = TokenType.Else,
        ["end"] = TokenType.End,
        ["if"] = TokenType.If,
        ["range"] = TokenType.Range,
        ["nil"] = TokenType.Nil,
        ["template"] = TokenType.Template,
        ["with"] = TokenType.With,
    };

    private readonly string input;
    private readonly List<Token> tokens = [];
    private int pos;
    private int start;
    private int parenDepth;

    private Lexer(string input)
    {
        this.input = input;
    }

    private enum State
    {
        Text,
        LeftDelim,
        Comment,
        RightDelim,
        InsideAction,
        Done,
    }

    public static List<Token> Lex(string input)
    {
        var lexer = new Lexer(input);
        lexer.Run();
        return lexer.tokens;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static bool IsAlphaNumeric(char c) => c == '_' || char.IsLetter(c) || char.IsDigit(c);

    private static bool HasLeftTrimMarker(string s, int at) => s.Length - at >= 2 && s[at] == '-' && IsSpace(s[at + 1]);

    private static bool HasRightTrimMarker(string s, int at) => s.Length - at >= 2 && IsSpace(s[at]) && s[at + 1] == '-';

    private void Run()
    {
        var state = State.Text;
        while (state != State.Done)
        {
            state = state switch
            {
                State.Text => LexText(),
                State.LeftDelim => LexLeftDelim(),
                State.Comment => LexComment(),
                State.RightDelim => LexRightDelim(),
                _ => LexInsideAction(),
            };
        }
    }

    private char Peek() => pos < input.Length ? input[pos] : '\0';

    private bool AtEof => pos >= input.Length;

    private void Emit(TokenType type)
    {
        tokens.Add(new Token(type, start, input[start..pos]));
        start = pos;
    }

    private void Ignore() => start = pos;

    private State Error(string message)
    {
        tokens.Add(new Token(TokenType.Error, start, message));
        return State.Done;
    }

    private bool Accept(string valid)
    {
        if (!AtEof && valid.Contains(input[pos], StringComparison.Ordinal))
        {
            pos++;
            return true;
        }

        return false;
    }

    private void AcceptRun(string valid)
    {
        while (!AtEof && valid.Contains(input[pos], StringComparison.Ordinal))
        {
            pos++;
        }
    }

    private State LexText()
    {
        var x = input.IndexOf(LeftDelim, pos, StringComparison.Ordinal);
        if (x >= 0)
        {
            if (x > pos)
            {
                pos = x;
                var trimLength = 0;
                if (HasLeftTrimMarker(input, pos + LeftDelim.Length))
                {
                    var end = pos;
                    while (end > start && IsSpace(input[end - 1]))
                    {
                        end--;
                    }

                    trimLength = pos - end;
                }

                pos -= trimLength;
                if (pos > start)
                {
                    tokens.Add(new Token(TokenType.Text, start, input[start..pos]));
                }

                pos += trimLength;
                Ignore();
            }

            return State.LeftDelim;
        }

        pos = input.Length;
        if (pos > start)
        {
            Emit(TokenType.Text);
        }

        tokens.Add(new Token(TokenType.Eof, pos, string.Empty));
        return State.Done;
    }

    private State LexLeftDelim()
    {
        pos += LeftDelim.Length;
        var trimSpace = HasLeftTrimMarker(input, pos);
        var afterMarker = trimSpace ? TrimMarkerLength : 0;
        if (string.CompareOrdinal(input, pos + afterMarker, LeftComment, 0, LeftComment.Length) == 0)
        {
            pos += afterMarker;
            Ignore();
            return State.Comment;
        }

        tokens.Add(new Token(TokenType.LeftDelim, start, LeftDelim));
        pos += afterMarker;
        Ignore();
        parenDepth = 0;
        return State.InsideAction;
    }

    private (bool Delim, bool TrimSpace) AtRightDelim()
    {
        if (HasRightTrimMarker(input, pos) && string.CompareOrdinal(input, pos + TrimMarkerLength, RightDelim, 0, RightDelim.Length) == 0)
        {
            return (true, true);
        }

        return (string.CompareOrdinal(input, pos, RightDelim, 0, RightDelim.Length) == 0, false);
    }

    private State LexComment()
    {
        pos += LeftComment.Length;
        var x = input.IndexOf(RightComment, pos, StringComparison.Ordinal);
        if (x < 0)
        {
            return Error("unclosed comment");
        }

        pos = x + RightComment.Length;
        var (delim, trimSpace) = AtRightDelim();
        if (!delim)
        {
            return Error("comment ends before closing delimiter");
        }

        if (trimSpace)
        {
            pos += TrimMarkerLength;
        }

        pos += RightDelim.Length;
        if (trimSpace)
        {
            while (pos < input.Length && IsSpace(input[pos]))
            {
                pos++;
            }
        }

        Ignore();
        return State.Text;
    }

    private State LexRightDelim()
    {
        var (_, trimSpace) = AtRightDelim();
        if (trimSpace)
        {
            pos += TrimMarkerLength;
            Ignore();
        }

        pos += RightDelim.Length;
        Emit(TokenType.RightDelim);
        if (trimSpace)
        {
            while (pos < input.Length && IsSpace(input[pos]))
            {
                pos++;
            }

            Ignore();
        }

        return State.Text;
    }

    private State LexInsideAction()
    {
        var (delim, _) = AtRightDelim();
        if (delim)
        {
            return parenDepth == 0 ? State.RightDelim : Error("unclosed left paren");
        }

        if (AtEof)
        {
            return Error("unclosed action");
        }

        var r = input[pos++];
        switch (r)
        {
            case ' ' or '\t' or '\r' or '\n':
                pos--;
                return LexSpace();
            case '=':
                Emit(TokenType.Assign);
                return State.InsideAction;
            case ':':
                if (AtEof || input[pos++] != '=')
                {
                    return Error("expected :=");
                }

                Emit(TokenType.Declare);
                return State.InsideAction;
            case '|':
                Emit(TokenType.Pipe);
                return State.InsideAction;
            case '"':
                return LexQuote();
            case '`':
                return LexRawQuote();
            case '$':
                return LexVariable();
            case '\'':
                return LexChar();
            case '.':
                if (pos < input.Length && input[pos] is < '0' or > '9')
                {
                    return LexFieldOrVariable(TokenType.Field);
                }

                pos--;
                return LexNumber();
            case '(':
                parenDepth++;
                Emit(TokenType.LeftParen);
                return State.InsideAction;
            case ')':
                parenDepth--;
                if (parenDepth < 0)
                {
                    return Error("unexpected right paren");
                }

                Emit(TokenType.RightParen);
                return State.InsideAction;
        }

        if (r is '+' or '-' || r is >= '0' and <= '9')
        {
            pos--;
            return LexNumber();
        }

        if (IsAlphaNumeric(r))
        {
            pos--;
            return LexIdentifier();
        }

        if (r <= 0x7F && !char.IsControl(r))
        {
            Emit(TokenType.Char);
            return State.InsideAction;
        }

        return Error("unrecognized character in action: " + DescribeRune(r));
    }

    private State LexSpace()
    {
        var spaces = 0;
        while (!AtEof && IsSpace(input[pos]))
        {
            pos++;
            spaces++;
        }

        // A trim-marked closing delimiter: " -}}". Leave the space for it.
        if (HasRightTrimMarker(input, pos - 1) && string.CompareOrdinal(input, pos - 1 + TrimMarkerLength, RightDelim, 0, RightDelim.Length) == 0)
        {
            pos--;
            if (spaces == 1)
            {
                return State.RightDelim;
            }
        }

        Emit(TokenType.Space);
        return State.InsideAction;
    }

    private State LexIdentifier()
    {
        while (!AtEof && IsAlphaNumeric(input[pos]))
        {
            pos++;
        }

        var word = input[start..pos];
        if (!AtTerminator())
        {
            return Error("bad character " + DescribeRune(Peek()));
        }

        if (Keywords.TryGetValue(word, out var keyword))
        {
            Emit(keyword);
        }
        else if (word is "true" or "false")
        {
            Emit(TokenType.Bool);
        }
        else
        {
            Emit(TokenType.Identifier);
        }

        return State.InsideAction;
    }

    private State LexVariable()
    {
        if (AtTerminator())
        {
            Emit(TokenType.Variable);
            return State.InsideAction;
        }

        return LexFieldOrVariable(TokenType.Variable);
    }

    private State LexFieldOrVariable(TokenType type)
    {
        if (AtTerminator())
        {
            Emit(type == TokenType.Variable ? TokenType.Variable : TokenType.Dot);
            return State.InsideAction;
        }

        while (!AtEof && IsAlphaNumeric(input[pos]))
        {
            pos++;
        }

        if (!AtTerminator())
        {
            return Error("bad character " + DescribeRune(Peek()));
        }

        Emit(type);
        return State.InsideAction;
    }

    private bool AtTerminator()
    {
        if (AtEof)
        {
            return true;
        }

        var r = input[pos];
        return IsSpace(r) || r is '.' or ',' or '|' or ':' or ')' or '(' || r == RightDelim[0];
    }

    private State LexChar()
    {
        while (true)
        {
            if (AtEof)
            {
                return Error("unterminated character constant");
            }

            var c = input[pos++];
            if (c == '\\')
            {
                if (AtEof || input[pos] == '\n')
                {
                    return Error("unterminated character constant");
                }

                pos++;
            }
            else if (c == '\n')
            {
                return Error("unterminated character constant");
            }
            else if (c == '\'')
            {
                break;
            }
        }

        Emit(TokenType.CharConstant);
        return State.InsideAction;
    }

    private State LexNumber()
    {
        if (!ScanNumber())
        {
            return Error("bad number syntax: " + Formatting.GoQuote.Quote(input[start..pos]));
        }

        var sign = Peek();
        if (sign is '+' or '-')
        {
            if (!ScanNumber() || input[pos - 1] != 'i')
            {
                return Error("bad number syntax: " + Formatting.GoQuote.Quote(input[start..pos]));
            }

            Emit(TokenType.Complex);
        }
        else
        {
            Emit(TokenType.Number);
        }

        return State.InsideAction;
    }

    private bool ScanNumber()
    {
        Accept("+-");
        var digits = "0123456789_";
        if (Accept("0"))
        {
            if (Accept("xX"))
            {
                digits = "0123456789abcdefABCDEF_";
            }
            else if (Accept("oO"))
            {
                digits = "01234567_";
            }
            else if (Accept("bB"))
            {
                digits = "01_";
            }
        }

        AcceptRun(digits);
        if (Accept("."))
        {
            AcceptRun(digits);
        }

        if (digits.Length == 11 && Accept("eE"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }

        if (digits.Length == 23 && Accept("pP"))
        {
            Accept("+-");
            AcceptRun("0123456789_");
        }

        Accept("i");
        if (!AtEof && IsAlphaNumeric(input[pos]))
        {
            pos++;
            return false;
        }

        return true;
    }

    private State LexQuote()
    {
        while (true)
        {
            if (AtEof)
            {
                return Error("unterminated quoted string");
            }

            var c = input[pos++];
            if (c == '\\')
            {
                if (AtEof || input[pos] == '\n')
                {
                    return Error("unterminated quoted string");
                }

                pos++;
            }
            else if (c == '\n')
            {
                return Error("unterminated quoted string");
            }
            else if (c == '"')
            {
                break;
            }
        }

        Emit(TokenType.String);
        return State.InsideAction;
    }

    private State LexRawQuote()
    {
        var end = input.IndexOf('`', pos);
        if (end < 0)
        {
            return Error("unterminated raw quoted string");
        }

        pos = end + 1;
        Emit(TokenType.RawString);
        return State.InsideAction;
    }

    /// <summary>Go's %#U: U+0041 'A'.</summary>
    private static string DescribeRune(char c)
    {
        var text = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        return Formatting.GoQuote.IsPrint(c) ? text + " '" + c + "'" : text;
    }
}
