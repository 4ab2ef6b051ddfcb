namespace Keel.Model.Migration.Templates;

/// <summary>
/// Finds the actions that form lines of their own: every line they touch holds nothing but them and whitespace
/// (<c>{{ if .AuthSecretName }}</c> above a block of fields). Rendered, such a line becomes blank or a block of text,
/// which YAML reads as structure, so the value cannot be a typed part (comments excepted: they leave a blank line,
/// exactly as their placeholder of spaces does).
/// </summary>
internal static class ActionLines
{
    public static IReadOnlySet<int> StandingAlone(string source, IReadOnlyList<AnalyzedAction> actions)
    {
        var result = new HashSet<int>();
        if (actions.Count == 0)
        {
            return result;
        }

        // owner[i] = index of the action covering character i, or -1 for plain text.
        var owner = new int[source.Length];
        Array.Fill(owner, -1);
        foreach (var analyzed in actions)
        {
            for (var i = analyzed.Action.Start; i < analyzed.Action.End; i++)
            {
                owner[i] = analyzed.Action.Index;
            }
        }

        var lineStart = 0;
        while (lineStart <= source.Length)
        {
            var lineEnd = source.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = source.Length;
            }

            var touched = new HashSet<int>();
            var onlyActions = true;
            for (var i = lineStart; i < lineEnd; i++)
            {
                if (owner[i] >= 0)
                {
                    touched.Add(owner[i]);
                }
                else if (!char.IsWhiteSpace(source[i]))
                {
                    onlyActions = false;
                }
            }

            if (touched.Count > 0 && onlyActions)
            {
                result.UnionWith(touched);
            }

            lineStart = lineEnd + 1;
        }

        return result;
    }
}
