using System.Collections.Generic;
using System.Globalization;

namespace Keel.Generators.Analysis;

/// <summary>
/// A compile-time syntax check of CEL rules, written by hand (the generator cannot load a CEL library).
/// It covers: the token set (identifiers, numbers with u/hex/exponent forms, single/double/triple-quoted,
/// raw and bytes string literals, operators), terminated strings, balanced and matching (), [] and {},
/// operands and operators alternating (no <c>a b</c>, no <c>a + * b</c>, no trailing operator), the
/// ternary's <c>?</c>/<c>:</c> pairing, and an empty rule. It does not type-check, resolve functions
/// or check macro arguments; the API server (and the local one, with the Cel library) does that.
/// </summary>
internal static class CelSyntax
{
    private enum Token
    {
        Operand,
        Binary,
        Unary,
        Open,
        Close,
        Comma,
        Dot,
        Question,
        Colon,
    }

    /// <summary>Null when the rule looks well formed, else what is wrong.</summary>
    public static string? Check(string rule)
    {
        var tokens = new List<(Token Kind, char Bracket, int Position)>();
        var error = Tokenize(rule, tokens);
        return error ?? CheckStructure(tokens);
    }

    private static string? Tokenize(string text, List<(Token, char, int)> tokens)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (IsStringStart(text, i, out var prefixLength))
            {
                var end = SkipString(text, i + prefixLength);
                if (end < 0)
                {
                    return $"unterminated string starting at {Position(start)}";
                }

                tokens.Add((Token.Operand, '\0', start));
                i = end;
                continue;
            }

            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                var word = text.Substring(start, i - start);
                tokens.Add((word == "in" ? Token.Binary : Token.Operand, '\0', start));
                continue;
            }

            if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i = SkipNumber(text, i);
                if (i < text.Length && (char.IsLetter(text[i]) || text[i] == '_'))
                {
                    return $"malformed number at {Position(start)}";
                }

                tokens.Add((Token.Operand, '\0', start));
                continue;
            }

            var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
            if (two is "==" or "!=" or "<=" or ">=" or "&&" or "||")
            {
                tokens.Add((Token.Binary, '\0', start));
                i += 2;
                continue;
            }

            i++;
            switch (c)
            {
                case '<' or '>' or '+' or '*' or '/' or '%':
                    tokens.Add((Token.Binary, '\0', start));
                    break;
                case '-':
                    tokens.Add((Token.Binary, '-', start)); // binary or unary, decided by position
                    break;
                case '!':
                    tokens.Add((Token.Unary, '\0', start));
                    break;
                case '(' or '[' or '{':
                    tokens.Add((Token.Open, c, start));
                    break;
                case ')' or ']' or '}':
                    tokens.Add((Token.Close, c, start));
                    break;
                case ',':
                    tokens.Add((Token.Comma, '\0', start));
                    break;
                case '.':
                    tokens.Add((Token.Dot, '\0', start));
                    break;
                case '?':
                    tokens.Add((Token.Question, '\0', start));
                    break;
                case ':':
                    tokens.Add((Token.Colon, '\0', start));
                    break;
                default:
                    return $"unexpected character '{c}' at {Position(start)}";
            }
        }

        return tokens.Count == 0 ? "the rule is empty" : null;
    }

    private static string? CheckStructure(List<(Token Kind, char Bracket, int Position)> tokens)
    {
        var brackets = new Stack<(char Bracket, int Questions)>();
        var questions = 0;
        var expectOperand = true; // at the start of an expression
        for (var index = 0; index < tokens.Count; index++)
        {
            var (kind, bracket, position) = tokens[index];
            switch (kind)
            {
                case Token.Operand:
                    if (!expectOperand)
                    {
                        return $"an operator is missing before {Position(position)}";
                    }

                    expectOperand = false;
                    break;
                case Token.Unary:
                    if (!expectOperand)
                    {
                        return $"'!' cannot follow a value at {Position(position)}";
                    }

                    break;
                case Token.Binary:
                    if (expectOperand)
                    {
                        if (bracket == '-')
                        {
                            break; // unary minus
                        }

                        return $"an operand is missing before the operator at {Position(position)}";
                    }

                    expectOperand = true;
                    break;
                case Token.Dot:
                    if (expectOperand || index + 1 >= tokens.Count || tokens[index + 1].Kind != Token.Operand)
                    {
                        return $"'.' must stand between a value and a field name at {Position(position)}";
                    }

                    expectOperand = true;
                    break;
                case Token.Open:
                    // '(' after a value is a call; '[' after a value is an index; '{' after a value is a message literal.
                    brackets.Push((bracket, questions));
                    questions = 0;
                    var empty = index + 1 < tokens.Count && tokens[index + 1].Kind == Token.Close;
                    if (empty)
                    {
                        if (bracket == '(' && expectOperand)
                        {
                            return $"empty parentheses at {Position(position)}";
                        }

                        questions = brackets.Pop().Questions;
                        index++;
                        if (Closing(bracket) != tokens[index].Bracket)
                        {
                            return $"'{tokens[index].Bracket}' does not close '{bracket}' at {Position(tokens[index].Position)}";
                        }

                        expectOperand = false;
                        break;
                    }

                    expectOperand = true;
                    break;
                case Token.Close:
                    if (brackets.Count == 0)
                    {
                        return $"'{bracket}' without a matching opening bracket at {Position(position)}";
                    }

                    var (open, outerQuestions) = brackets.Pop();
                    if (Closing(open) != bracket)
                    {
                        return $"'{bracket}' does not close '{open}' at {Position(position)}";
                    }

                    if (expectOperand)
                    {
                        return $"a value is missing before '{bracket}' at {Position(position)}";
                    }

                    if (questions != 0)
                    {
                        return $"'?' without ':' before {Position(position)}";
                    }

                    questions = outerQuestions;
                    expectOperand = false;
                    break;
                case Token.Comma:
                    if (brackets.Count == 0 || expectOperand)
                    {
                        return $"misplaced ',' at {Position(position)}";
                    }

                    expectOperand = true;
                    break;
                case Token.Question:
                    if (expectOperand)
                    {
                        return $"a condition is missing before '?' at {Position(position)}";
                    }

                    questions++;
                    expectOperand = true;
                    break;
                case Token.Colon:
                    if (expectOperand)
                    {
                        return $"a value is missing before ':' at {Position(position)}";
                    }

                    if (questions > 0)
                    {
                        questions--;
                    }
                    else if (brackets.Count == 0 || brackets.Peek().Bracket != '{')
                    {
                        return $"':' without '?' at {Position(position)}";
                    }

                    expectOperand = true;
                    break;
            }
        }

        if (brackets.Count > 0)
        {
            return $"'{brackets.Peek().Bracket}' is never closed";
        }

        if (expectOperand)
        {
            return "the rule ends with an operator";
        }

        return questions != 0 ? "'?' without ':'" : null;
    }

    private static char Closing(char open) => open switch
    {
        '(' => ')',
        '[' => ']',
        _ => '}',
    };

    private static bool IsStringStart(string text, int i, out int prefixLength)
    {
        prefixLength = 0;
        var j = i;
        while (j < text.Length && j - i < 2 && text[j] is 'r' or 'R' or 'b' or 'B')
        {
            j++;
        }

        if (j < text.Length && text[j] is '"' or '\'')
        {
            prefixLength = j - i;
            return true;
        }

        return false;
    }

    /// <summary>Index after the closing quote, or -1.</summary>
    private static int SkipString(string text, int quoteIndex)
    {
        var raw = quoteIndex > 0 && text[quoteIndex - 1] is 'r' or 'R';
        var quote = text[quoteIndex];
        var triple = quoteIndex + 2 < text.Length && text[quoteIndex + 1] == quote && text[quoteIndex + 2] == quote;
        var i = quoteIndex + (triple ? 3 : 1);
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && !raw)
            {
                i += 2;
                continue;
            }

            if (!triple && c == '\n')
            {
                return -1;
            }

            if (c == quote && (!triple || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                return i + (triple ? 3 : 1);
            }

            i++;
        }

        return -1;
    }

    private static int SkipNumber(string text, int i)
    {
        if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < text.Length && Uri.IsHexDigit(text[i]))
            {
                i++;
            }
        }
        else
        {
            while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
            {
                i++;
            }

            if (i < text.Length && text[i] is 'e' or 'E')
            {
                i++;
                if (i < text.Length && text[i] is '+' or '-')
                {
                    i++;
                }

                while (i < text.Length && char.IsDigit(text[i]))
                {
                    i++;
                }
            }
        }

        return i < text.Length && text[i] is 'u' or 'U' ? i + 1 : i;
    }

    private static string Position(int index) => "offset " + index.ToString(CultureInfo.InvariantCulture);

    private static class Uri
    {
        public static bool IsHexDigit(char c) => char.IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
