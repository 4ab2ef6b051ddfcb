namespace Keel.Cli.Commands;

/// <summary>
/// Finds the repository's <c>samples/</c> and <c>src/Crds/</c> for the embedded mode: from the working directory
/// upwards, then from the program's own folder upwards (so <c>dotnet run --project src/Operator/Keel.Cli</c> works from
/// anywhere inside a clone).
/// </summary>
internal static class RepositoryFiles
{
    /// <summary>The first folder, going up from the working directory and then from the program, that contains <paramref name="relative"/>.</summary>
    public static string? Find(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
