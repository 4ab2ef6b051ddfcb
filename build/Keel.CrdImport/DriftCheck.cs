using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Keel.CrdImport;

/// <summary>Writes generated files, or in check mode reports every file that differs from what would be generated.</summary>
internal static class DriftCheck
{
    /// <param name="expected">Full path to content.</param>
    /// <param name="ownedDirectory">With <paramref name="ownedPattern"/>: generated files there that are no longer expected are stale.</param>
    /// <returns>The number of files that differ (always 0 when writing).</returns>
    public static int Apply(IReadOnlyDictionary<string, string> expected, string? ownedDirectory, string ownedPattern, string repositoryRoot, bool check, TextWriter output)
    {
        var drift = 0;
        foreach (var (path, content) in expected.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var current = File.Exists(path) ? File.ReadAllText(path) : null;
            if (current == content)
            {
                continue;
            }

            var display = Path.GetRelativePath(repositoryRoot, path);
            if (check)
            {
                output.WriteLine($"drift: {display} {(current is null ? "is missing" : "differs from what the import generates")}");
                if (current is not null)
                {
                    WriteDiff(current, content, output);
                }

                drift++;
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
                output.WriteLine($"wrote {display}");
            }
        }

        if (ownedDirectory is not null && Directory.Exists(ownedDirectory))
        {
            foreach (var stale in Directory.EnumerateFiles(ownedDirectory, ownedPattern, SearchOption.AllDirectories).Where(f => !expected.ContainsKey(Path.GetFullPath(f))))
            {
                var display = Path.GetRelativePath(repositoryRoot, stale);
                if (check)
                {
                    output.WriteLine($"drift: {display} is no longer generated");
                    drift++;
                }
                else
                {
                    File.Delete(stale);
                    output.WriteLine($"deleted {display}");
                }
            }
        }

        return drift;
    }

    /// <summary>The changed lines (checked in: <c>-</c>, generated: <c>+</c>), the first <paramref name="limit"/> of them.</summary>
    private static void WriteDiff(string current, string expected, TextWriter output, int limit = 40)
    {
        var shown = 0;
        foreach (var line in InlineDiffBuilder.Diff(current, expected).Lines.Where(l => l.Type is ChangeType.Deleted or ChangeType.Inserted))
        {
            if (shown++ == limit)
            {
                output.WriteLine("  ...");
                break;
            }

            output.WriteLine($"  {(line.Type == ChangeType.Deleted ? '-' : '+')} {line.Text}");
        }
    }
}
