using System.Globalization;
using System.Text;

namespace Keel.Model.Migration.Checking;

/// <summary>
/// A line diff in the unified format (<c>--- a</c>, <c>+++ b</c>, <c>@@ -l,n +l,n @@</c> hunks with three lines of
/// context), computed with Myers' O((N+M)D) algorithm: the shortest edit script, so the diff shows what changed and
/// nothing else.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    private enum Op
    {
        Equal,
        Delete,
        Insert,
    }

    /// <summary>The diff of two texts, or an empty string when they are equal.</summary>
    public static string Create(string before, string after, string beforeName, string afterName)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Lines(before);
        var b = Lines(after);
        var script = Diff(a, b);
        if (script.All(e => e.Op == Op.Equal))
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        sb.Append("--- ").Append(beforeName).Append('\n');
        sb.Append("+++ ").Append(afterName).Append('\n');
        foreach (var hunk in Hunks(script))
        {
            AppendHunk(sb, script, hunk.Start, hunk.End, a, b);
        }

        return sb.ToString();
    }

    private static string[] Lines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private readonly record struct Edit(Op Op, int A, int B);

    // Myers: for each D, the furthest-reaching path on every diagonal k; then walk the trace back.
    private static List<Edit> Diff(string[] a, string[] b)
    {
        var n = a.Length;
        var m = b.Length;
        var max = n + m;
        var v = new int[(2 * max) + 2];
        var trace = new List<int[]>();
        var found = false;
        for (var d = 0; d <= max && !found; d++)
        {
            trace.Add((int[])v.Clone());
            for (var k = -d; k <= d; k += 2)
            {
                var down = k == -d || (k != d && v[max + k - 1] < v[max + k + 1]);
                var x = down ? v[max + k + 1] : v[max + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && string.Equals(a[x], b[y], StringComparison.Ordinal))
                {
                    x++;
                    y++;
                }

                v[max + k] = x;
                if (x >= n && y >= m)
                {
                    found = true;
                    break;
                }
            }
        }

        // Backtrack from (n, m) through the saved frontiers.
        var edits = new List<Edit>();
        int cx = n, cy = m;
        for (var d = trace.Count - 1; d >= 0; d--)
        {
            var frontier = trace[d];
            var k = cx - cy;
            var down = k == -d || (k != d && frontier[max + k - 1] < frontier[max + k + 1]);
            var prevK = down ? k + 1 : k - 1;
            var prevX = d == 0 ? 0 : frontier[max + prevK];
            var prevY = prevX - prevK;
            while (cx > prevX && cy > prevY && (d > 0 || (cx > 0 && cy > 0)))
            {
                cx--;
                cy--;
                edits.Add(new Edit(Op.Equal, cx, cy));
            }

            if (d > 0)
            {
                if (down)
                {
                    cy--;
                    edits.Add(new Edit(Op.Insert, cx, cy));
                }
                else
                {
                    cx--;
                    edits.Add(new Edit(Op.Delete, cx, cy));
                }
            }
        }

        edits.Reverse();
        return edits;
    }

    // Ranges of the script (start inclusive, end exclusive) holding changes plus their context, merged when close.
    private static List<(int Start, int End)> Hunks(List<Edit> script)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < script.Count; i++)
        {
            if (script[i].Op == Op.Equal)
            {
                continue;
            }

            var start = Math.Max(0, i - Context);
            var end = i;
            while (end < script.Count && script[end].Op != Op.Equal)
            {
                end++;
            }

            end = Math.Min(script.Count, end + Context);
            if (hunks.Count > 0 && start <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, end);
            }
            else
            {
                hunks.Add((start, end));
            }

            i = end - 1;
        }

        return hunks;
    }

    private static void AppendHunk(StringBuilder sb, List<Edit> script, int start, int end, string[] a, string[] b)
    {
        var aStart = script[start].A;
        var bStart = script[start].B;
        var aCount = script.Skip(start).Take(end - start).Count(e => e.Op != Op.Insert);
        var bCount = script.Skip(start).Take(end - start).Count(e => e.Op != Op.Delete);
        sb.Append("@@ -").Append(Range(aStart, aCount)).Append(" +").Append(Range(bStart, bCount)).Append(" @@\n");
        for (var i = start; i < end; i++)
        {
            var edit = script[i];
            switch (edit.Op)
            {
                case Op.Equal:
                    sb.Append(' ').Append(a[edit.A]).Append('\n');
                    break;
                case Op.Delete:
                    sb.Append('-').Append(a[edit.A]).Append('\n');
                    break;
                default:
                    sb.Append('+').Append(b[edit.B]).Append('\n');
                    break;
            }
        }
    }

    // Unified ranges are 1-based; an empty range names the line before it.
    private static string Range(int start, int count) => count switch
    {
        0 => start.ToString(CultureInfo.InvariantCulture) + ",0",
        1 => (start + 1).ToString(CultureInfo.InvariantCulture),
        _ => (start + 1).ToString(CultureInfo.InvariantCulture) + "," + count.ToString(CultureInfo.InvariantCulture),
    };
}
