using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Keel.Presets.Analyzers.Source;

/// <summary>
/// A string expression whose value is known at compile time (a literal, a constant concatenation, or an interpolated
/// string whose holes stand in as <c>0</c>), with a way to locate a value offset in the source.
/// </summary>
internal sealed class TemplateString
{
    // An interpolation hole is unknown text; 0 parses wherever a hole can stand in a template (text, argument, literal).
    private const string HolePlaceholder = "0";

    private readonly Func<int, int, Location> locate;

    private TemplateString(string text, Func<int, int, Location> locate)
    {
        Text = text;
        this.locate = locate;
    }

    public string Text { get; }

    public Location Locate(int offset, int length) => locate(offset, length);

    /// <summary>
    /// The template string of <paramref name="operation"/>, or null when it is not a whole string expression (a literal
    /// inside a constant concatenation is checked as part of the concatenation) or holds no <c>{{</c>.
    /// </summary>
    public static TemplateString? From(IOperation operation)
    {
        if (IsPartOfConstantConcatenation(operation))
        {
            return null;
        }

        var result = operation switch
        {
            ILiteralOperation { ConstantValue: { HasValue: true, Value: string }, Syntax: LiteralExpressionSyntax literal } => FromLiteral(literal),
            IBinaryOperation { ConstantValue: { HasValue: true, Value: string text } } binary => new TemplateString(text, (_, _) => binary.Syntax.GetLocation()),
            IInterpolatedStringOperation interpolated => FromInterpolated(interpolated),
            _ => null,
        };
        return result is not null && result.Text.IndexOf("{{", StringComparison.Ordinal) >= 0 ? result : null;
    }

    private static TemplateString FromLiteral(LiteralExpressionSyntax literal)
    {
        var text = LiteralText.From(literal.Token);
        return new TemplateString(text.Value, text.Locate);
    }

    private static TemplateString FromInterpolated(IInterpolatedStringOperation interpolated)
    {
        if (interpolated.ConstantValue is { HasValue: true, Value: string constant })
        {
            return new TemplateString(constant, (_, _) => interpolated.Syntax.GetLocation());
        }

        var text = new System.Text.StringBuilder();
        var segments = new List<(int Start, int End, SyntaxNode Syntax)>();
        foreach (var part in interpolated.Parts)
        {
            var start = text.Length;
            text.Append(part switch
            {
                IInterpolatedStringTextOperation { Text.ConstantValue.Value: string value } => value,
                IInterpolationOperation { Expression.ConstantValue: { HasValue: true, Value: string value } } => value,
                _ => HolePlaceholder,
            });
            segments.Add((start, text.Length, part.Syntax));
        }

        return new TemplateString(text.ToString(), (offset, _) =>
        {
            foreach (var (start, end, syntax) in segments)
            {
                if (offset >= start && offset < end)
                {
                    return syntax.GetLocation();
                }
            }

            return interpolated.Syntax.GetLocation();
        });
    }

    private static bool IsPartOfConstantConcatenation(IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent is IBinaryOperation { ConstantValue: { HasValue: true, Value: string } };
    }
}
