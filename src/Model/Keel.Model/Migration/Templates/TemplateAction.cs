namespace Keel.Model.Migration.Templates;

/// <summary>What an action does, by its first word.</summary>
internal enum ActionKind
{
    /// <summary>Prints a value: <c>{{ .ModelName }}</c>, <c>{{ "http" | getPort }}</c>.</summary>
    Output,

    /// <summary><c>{{/* ... */}}</c>: prints nothing.</summary>
    Comment,

    /// <summary><c>if</c>, <c>else</c>, <c>end</c>, <c>range</c>, <c>with</c>, <c>break</c>, <c>continue</c>.</summary>
    Control,

    /// <summary><c>define</c>, <c>block</c>, <c>template</c>: named templates.</summary>
    Definition,
}

/// <summary>
/// One <c>{{ ... }}</c> of a template, as written: its span in the text, its kind and trim markers, and where it
/// stands (1-based line and column of its first character).
/// </summary>
internal sealed record TemplateAction(int Index, int Start, int End, ActionKind Kind, string Keyword, bool TrimLeft, bool TrimRight, int Line, int Column)
{
    /// <summary>Whether the action opens a block that an <c>end</c> closes.</summary>
    public bool Opens => Kind == ActionKind.Control && Keyword is "if" or "range" or "with";

    public bool Closes => Kind == ActionKind.Control && Keyword == "end";

    public bool HasTrimMarker => TrimLeft || TrimRight;

    public int Length => End - Start;

    public string Text(string source) => source[Start..End];

    /// <summary>The action for messages: one short line.</summary>
    public string Quote(string source) => "\"" + Keel.Model.Templating.TemplateError.ShortenAction(Text(source)) + "\"";
}
