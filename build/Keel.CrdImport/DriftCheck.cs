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
}
