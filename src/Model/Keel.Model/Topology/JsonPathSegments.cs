namespace Keel.Model.Topology;

/// <summary>Splits <c>a.b[name=x].c['k.with.dots']</c> into names and selectors.</summary>
internal static class JsonPathSegments
{
    public static List<Segment> Parse(string path)
    {
        var segments = new List<Segment>();
        var i = 0;
        while (i < path.Length)
        {
            var c = path[i];
            if (c == '.')
            {
                i++;
                continue;
            }

            if (c == '[')
            {
                var end = FindClosingBracket(path, i);
                var inner = path[(i + 1)..end];
                var quoted = inner.Length >= 2 && (inner[0] == '\'' || inner[0] == '"') && inner[^1] == inner[0];
                segments.Add(quoted ? new Segment(inner[1..^1], IsSelector: false) : new Segment(inner, IsSelector: true));
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < path.Length && path[i] != '.' && path[i] != '[')
            {
                i++;
            }

            segments.Add(new Segment(path[start..i], IsSelector: false));
        }

        return segments;
    }

    private static int FindClosingBracket(string path, int open)
    {
        char? quote = null;
        for (var i = open + 1; i < path.Length; i++)
        {
            var c = path[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == ']')
            {
                return i;
            }
        }

        return path.Length; // unclosed: the rest is the selector
    }

    public readonly record struct Segment(string Name, bool IsSelector);
}
