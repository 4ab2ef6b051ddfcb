using System.Text;

namespace Keel.Model.Serialization;

/// <summary>
/// JSON paths in the form System.Text.Json reports them (<c>$.spec.ports[0].port</c>, <c>$['a.b']</c>),
/// built segment by segment and compared segment by segment so both notations of a name match.
/// </summary>
internal static class JsonPath
{
    public const string Root = "$";

    public static string Property(string parent, string name)
    {
        var plain = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$');
        return plain ? $"{parent}.{name}" : $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";

    /// <summary>Splits a path into its segments (property names and <c>[n]</c> indexes); unparsable text gives none.</summary>
    public static IReadOnlyList<string> Segments(string path)
    {
        var segments = new List<string>();
        var i = path.StartsWith('$') ? 1 : 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] is not '.' and not '[')
                {
                    end++;
                }

                segments.Add(path[(i + 1)..end]);
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var name = new StringBuilder();
                var j = i + 2;
                while (j < path.Length && path[j] != '\'')
                {
                    if (path[j] == '\\' && j + 1 < path.Length)
                    {
                        j++;
                    }

                    name.Append(path[j]);
                    j++;
                }

                segments.Add(name.ToString());
                i = j + 2; // past "']"
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i);
                if (end < 0)
                {
                    break;
                }

                segments.Add(path[i..(end + 1)]);
                i = end + 1;
            }
            else
            {
                break;
            }
        }

        return segments;
    }
}
