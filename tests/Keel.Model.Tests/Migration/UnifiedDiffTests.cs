using CsCheck;
using Keel.Model.Migration.Checking;

namespace Keel.Model.Tests.Migration;

/// <summary>The check's unified diff: the format diff(1) and git print, and a shortest edit script.</summary>
public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_have_no_diff()
    {
        Assert.Equal(string.Empty, UnifiedDiff.Create("a\nb\n", "a\nb\n", "x", "y"));
        Assert.Equal(string.Empty, UnifiedDiff.Create(string.Empty, string.Empty, "x", "y"));
    }

    [Fact]
    public void A_changed_line_shows_with_three_lines_of_context()
    {
        var before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        Assert.Equal(
            "--- before\n+++ after\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
            UnifiedDiff.Create(before, after, "before", "after"));
    }

    [Fact]
    public void Distant_changes_make_separate_hunks_and_close_ones_merge()
    {
        static string Lines(Func<int, string> line) => string.Concat(Enumerable.Range(1, 20).Select(i => line(i) + "\n"));
        var before = Lines(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var after = Lines(i => i switch { 2 => "two", 18 => "eighteen", _ => i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var diff = UnifiedDiff.Create(before, after, "a", "b");
        Assert.Equal(["@@ -1,5 +1,5 @@", "@@ -15,6 +15,6 @@"], diff.Split('\n').Where(l => l.StartsWith("@@", StringComparison.Ordinal)));

        var near = Lines(i => i switch { 5 => "five", 9 => "nine", _ => i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Single(UnifiedDiff.Create(before, near, "a", "b").Split('\n'), l => l.StartsWith("@@", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_side_is_all_additions()
    {
        Assert.Equal("--- a\n+++ b\n@@ -0,0 +1,2 @@\n+x\n+y\n", UnifiedDiff.Create(string.Empty, "x\ny\n", "a", "b"));
        Assert.Equal("--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y\n", UnifiedDiff.Create("x\ny\n", string.Empty, "a", "b"));
    }

    [Fact]
    public void The_edit_script_is_a_shortest_one_and_replays_both_texts()
    {
        var lines = Gen.OneOf("a", "b", "c", "d").Array[0, 12];
        Gen.Select(lines, lines).Sample((a, b) =>
        {
            var before = string.Concat(a.Select(l => l + "\n"));
            var after = string.Concat(b.Select(l => l + "\n"));
            var diff = UnifiedDiff.Create(before, after, "a", "b");
            var body = diff.Split('\n').Skip(2).Where(l => l.Length > 0 && !l.StartsWith("@@", StringComparison.Ordinal)).ToList();
            var edits = body.Count(l => l[0] is '-' or '+');
            Assert.Equal(a.Length + b.Length - (2 * Lcs(a, b)), edits);

            // With context as large as the texts, the hunk holds all of both.
            if (diff.Length > 0 && a.Length + b.Length <= 6)
            {
                Assert.Equal(a, body.Where(l => l[0] is ' ' or '-').Select(l => l[1..]));
                Assert.Equal(b, body.Where(l => l[0] is ' ' or '+').Select(l => l[1..]));
            }
        }, iter: 500, threads: 1, seed: "0N0XIzNsQ0O2");
    }

    private static int Lcs(string[] a, string[] b)
    {
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1] ? table[i - 1, j - 1] + 1 : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Length, b.Length];
    }
}
