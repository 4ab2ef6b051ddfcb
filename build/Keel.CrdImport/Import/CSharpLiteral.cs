using System.Globalization;
using System.Text;

namespace Keel.CrdImport.Import;

/// <summary>C# and CEL literals for generated attribute arguments.</summary>
internal static class CSharpLiteral
{
    public static string String(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string StringArray(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(String)) + "]";

    /// <summary>A CEL string literal (single-quoted).</summary>
    public static string Cel(string value) =>
        "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
