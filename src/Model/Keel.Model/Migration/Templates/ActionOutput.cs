namespace Keel.Model.Migration.Templates;

/// <summary>What an output action can print, as far as its text tells.</summary>
internal enum OutputShape
{
    /// <summary>A decimal integer (<c>getPort</c>, <c>add</c>, an integer literal): never empty, never YAML syntax.</summary>
    Digits,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>One line of text made of the ModelService's values and the template's own literals.</summary>
    Text,

    /// <summary>Text that is YAML or JSON syntax itself (<c>quote</c>, <c>toJson</c>): a YAML reader unwraps it.</summary>
    YamlSyntax,

    /// <summary>Several lines, a list or a map (<c>toYaml</c>, <c>nindent</c>, <c>list</c>): YAML structure once rendered.</summary>
    Structure,
}

/// <summary>
/// The output of one action: its <see cref="OutputShape"/>, whether it can be empty for some ModelService, and for
/// YAML syntax or structure, why (<c>nindent produces several lines</c>).
/// </summary>
internal readonly record struct ActionOutput(OutputShape Shape, bool MayBeEmpty, string? Why = null)
{
    public static ActionOutput Digits { get; } = new(OutputShape.Digits, false);

    public static ActionOutput Boolean { get; } = new(OutputShape.Boolean, false);

    public static ActionOutput Text { get; } = new(OutputShape.Text, false);

    public static ActionOutput MaybeEmptyText { get; } = new(OutputShape.Text, true);

    /// <summary>Prints nothing (a comment).</summary>
    public static ActionOutput Nothing { get; } = new(OutputShape.Text, true);

    public static ActionOutput Structure(string why) => new(OutputShape.Structure, false, why);

    public static ActionOutput Syntax(string why) => new(OutputShape.YamlSyntax, false, why);

    /// <summary>Either of two outputs (a default, a ternary): the wider shape; empty when either can be.</summary>
    public static ActionOutput Either(ActionOutput a, ActionOutput b)
    {
        if (a.Shape == OutputShape.Structure || b.Shape == OutputShape.Structure)
        {
            return a.Shape == OutputShape.Structure ? a : b;
        }

        if (a.Shape == OutputShape.YamlSyntax || b.Shape == OutputShape.YamlSyntax)
        {
            return a.Shape == OutputShape.YamlSyntax ? a : b;
        }

        var shape = a.Shape == b.Shape ? a.Shape : OutputShape.Text;
        return new ActionOutput(shape, a.MayBeEmpty || b.MayBeEmpty);
    }

    /// <summary>Whether YAML could change the printed text: structure or syntax.</summary>
    public bool IsYamlSignificant => Shape is OutputShape.Structure or OutputShape.YamlSyntax;
}
