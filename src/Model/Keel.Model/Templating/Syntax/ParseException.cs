namespace Keel.Model.Templating.Syntax;

/// <summary>A parse failure at a source offset; converted to a <see cref="TemplateError"/> by GoTemplate.</summary>
internal sealed class ParseException(int pos, int actionStart, string message, TemplateErrorKind kind = TemplateErrorKind.Parse)
    : Exception(message)
{
    public int Pos { get; } = pos;

    /// <summary>Offset of the <c>{{</c> of the action being parsed, or -1 outside actions.</summary>
    public int ActionStart { get; } = actionStart;

    public TemplateErrorKind Kind { get; } = kind;
}
