namespace Keel.CrdImport.Import;

/// <summary>Generates the C# of every import of a manifest, or checks the checked-in files against it.</summary>
internal static class Importer
{
    /// <summary>Writes (or with <paramref name="check"/> compares) every generated file; returns the number of drifted files.</summary>
    public static async Task<int> RunAsync(string manifestPath, string repositoryRoot, bool check, TextWriter output)
    {
        var manifest = ImportManifest.Load(manifestPath);
        var templates = Path.Combine(AppContext.BaseDirectory, "Templates");
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        var contexts = new Dictionary<(string Namespace, string Directory), (List<string> Types, HashSet<string> Sources)>();
        foreach (var entry in manifest.Entries)
        {
            var display = Path.GetRelativePath(repositoryRoot, entry.SchemaPath).Replace('\\', '/');
            var units = SchemaSource.Load(entry.SchemaPath, display).Where(u => entry.Version is null || u.Resource?.Version == entry.Version).ToList();
            if (units.Count == 0)
            {
                throw new ImportException($"{display}: no version {entry.Version}");
            }

            foreach (var unit in units)
            {
                var path = Path.Combine(repositoryRoot, manifest.OutputDirectory, entry.Directory, unit.RootTypeName + ".g.cs");
                expected[Path.GetFullPath(path)] = await CSharpEmitter.EmitAsync(unit, entry.Namespace, templates).ConfigureAwait(false);
                var context = contexts.TryGetValue((entry.Namespace, entry.Directory), out var c) ? c : contexts[(entry.Namespace, entry.Directory)] = ([], []);
                context.Types.Add(unit.RootTypeName);
                context.Sources.Add(display);
            }
        }

        foreach (var ((@namespace, directory), (types, sources)) in contexts)
        {
            var path = Path.Combine(repositoryRoot, manifest.OutputDirectory, directory, JsonContextEmitter.ContextName(@namespace) + ".g.cs");
            expected[Path.GetFullPath(path)] = JsonContextEmitter.Emit(@namespace, types, sources);
        }

        var outputRoot = Path.GetFullPath(Path.Combine(repositoryRoot, manifest.OutputDirectory));
        return DriftCheck.Apply(expected, outputRoot, "*.g.cs", repositoryRoot, check, output);
    }
}
