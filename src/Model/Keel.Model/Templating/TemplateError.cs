using System.Globalization;
using System.Text;

namespace Keel.Model.Templating;

/// <summary>What went wrong with a template.</summary>
public enum TemplateErrorKind
{
    /// <summary>The text is not a valid template (syntax, unknown function, undefined variable).</summary>
    Parse,

    /// <summary>The template failed while running (unknown field, bad argument, a function's error).</summary>
    Execution,

    /// <summary>The template exceeded a bound of <see cref="TemplateLimits"/>.</summary>
    LimitExceeded,
}

/// <summary>
/// A parse or execution error with its location. <see cref="ToString"/> gives one line that reads
/// well in a Kubernetes condition message, e.g.
/// <c>template decodeDeployment:12:9: executing "{{ .Foo }}": can't evaluate field Foo in type variables</c>.
/// </summary>
/// <param name="Kind">Parse, execution or limit.</param>
/// <param name="TemplateName">The preset key or ModelService field path the text came from.</param>
/// <param name="Line">1-based line of the failing element.</param>
/// <param name="Column">1-based column (in characters) of the failing element.</param>
/// <param name="Action">The source text of the enclosing action (shortened to one line), or empty.</param>
/// <param name="Message">What went wrong, in Go's words where Go has words for it.</param>
public sealed record TemplateError(
    TemplateErrorKind Kind,
    string TemplateName,
    int Line,
    int Column,
    string Action,
    string Message)
{
    /// <summary>Longest action text quoted in a message.</summary>
    public const int MaxActionLength = 80;

    public override string ToString()
    {
        var sb = new StringBuilder("template ");
        sb.Append(TemplateName).Append(':').Append(Line.ToString(CultureInfo.InvariantCulture))
            .Append(':').Append(Column.ToString(CultureInfo.InvariantCulture)).Append(": ");
        if (Action.Length > 0)
        {
            sb.Append(Kind == TemplateErrorKind.Parse ? "parsing " : "executing ");
            sb.Append('"').Append(Action).Append("\": ");
        }

        sb.Append(OneLine(Message));
        return sb.ToString();
    }

    /// <summary>Collapses a source excerpt to one short line for messages.</summary>
    public static string ShortenAction(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxActionLength + 1));
        var previousSpace = false;
        foreach (var c in text)
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && previousSpace)
            {
                continue;
            }

            sb.Append(isSpace ? ' ' : c);
            previousSpace = isSpace;
            if (sb.Length > MaxActionLength)
            {
                sb.Length = MaxActionLength;
                sb.Append('…');
                break;
            }
        }

        return sb.ToString();
    }

    private static string OneLine(string message) =>
        message.Contains('\n', StringComparison.Ordinal) || message.Contains('\r', StringComparison.Ordinal)
            ? message.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            : message;
}
