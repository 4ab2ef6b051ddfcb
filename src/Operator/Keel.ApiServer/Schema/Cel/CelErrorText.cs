using System.Text.RegularExpressions;
using Cel;
using Keel.ApiServer.Schema.Cel.Library;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>Turns an exception from evaluating a rule into the error text cel-go would have produced.</summary>
internal static partial class CelErrorText
{
    public const string NoSuchOverload = "no such overload";

    public static string From(Exception exception)
    {
        var root = Innermost(exception);
        return root switch
        {
            CelEvaluationException e => e.Message,
            CelNoSuchFieldException e => "no such key: " + QuotedName(e.Message),
            CelTypeDoesNotSupportFieldSelectionException e => "no such key: " + SelectedOperand(e.Message),
            CelArgumentRangeException e when e.Message.Contains("Key", StringComparison.Ordinal) => "no such key",
            CelArgumentRangeException => "index out of bounds",
            CelDivideByZeroException => "division by zero",
            CelModulusByZeroException => "modulus by zero",
            CelOverflowException or OverflowException => "integer overflow",
            CelNoSuchOverloadException => NoSuchOverload,
            System.Text.RegularExpressions.RegexMatchTimeoutException => "regular expression match timed out",
            _ => root.Message,
        };
    }

    private static Exception Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null && current is CelNoSuchOverloadException && current.Message.StartsWith("Could not compare", StringComparison.Ordinal))
        {
            current = current.InnerException;
        }

        return current;
    }

    private static string QuotedName(string message)
    {
        var match = FirstQuoted().Match(message);
        return match.Success ? match.Groups[1].Value : message;
    }

    /// <summary>"Type 'self.a.b' does not support field selection …" — the missing key is the operand's last segment.</summary>
    private static string SelectedOperand(string message)
    {
        var operand = QuotedName(message);
        var dot = operand.LastIndexOf('.');
        return dot >= 0 ? operand[(dot + 1)..] : operand;
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex FirstQuoted();
}
