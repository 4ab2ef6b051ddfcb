using Keel.Model.Templating.Formatting;

namespace Keel.Model.Templating.Syntax;

internal enum TokenType
{
    Error,
    Bool,
    Char,
    CharConstant,
    Complex,
    Assign,
    Declare,
    Eof,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,

    // Keywords follow; Go prints them as <name> in messages.
    Keyword,
    Block,
    Break,
    Continue,
    Dot,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}

/// <summary>A lexical item: its type, its start offset in the source and its text.</summary>
internal readonly record struct Token(TokenType Type, int Pos, string Value)
{
    /// <summary>Go's item.String(), used in "unexpected X in Y" messages.</summary>
    public override string ToString() => Type switch
    {
        TokenType.Eof => "EOF",
        TokenType.Error => Value,
        > TokenType.Keyword => "<" + Value + ">",
        _ => GoStrings.RuneCount(Value) > 10 ? GoQuote.Quote(GoStrings.TruncateRunes(Value, 10)) + "..." : GoQuote.Quote(Value),
    };
}
