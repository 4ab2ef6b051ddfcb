using System.Text;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>A compile-time problem at a position of the expression (line 1-based, column 0-based).</summary>
internal sealed record CelIssue(int Line, int Column, string Message)
{
    /// <summary>Renders issues as cel-go does: <c>ERROR: &lt;input&gt;:1:6: undefined field 'foo'</c> plus a caret snippet.</summary>
    public static string Render(IEnumerable<CelIssue> issues, string source)
    {
        var lines = source.Split('\n');
        var builder = new StringBuilder();
        foreach (var issue in issues)
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            builder.Append("ERROR: <input>:").Append(issue.Line).Append(':').Append(issue.Column + 1).Append(": ").Append(issue.Message);
            if (issue.Line >= 1 && issue.Line <= lines.Length)
            {
                var line = lines[issue.Line - 1].TrimEnd('\r');
                builder.Append("\n | ").Append(line);
                builder.Append("\n | ").Append(new string('.', Math.Min(issue.Column, line.Length))).Append('^');
            }
        }

        return builder.ToString();
    }
}
