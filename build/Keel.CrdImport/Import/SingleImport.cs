namespace Keel.CrdImport.Import;

/// <summary>Imports one CRD or schema file (every version, or one) into a folder: the SDK feature for users' own CRDs.</summary>
internal static class SingleImport
{
    public static async Task<int> RunAsync(string schemaPath, string? version, string @namespace, string outputDirectory, string repositoryRoot, bool check, TextWriter output)
    {
        var display = Path.GetRelativePath(repositoryRoot, schemaPath).Replace('\\', '/');
        var units = SchemaSource.Load(schemaPath, display).Where(u => version is null || u.Resource?.Version == version).ToList();
        if (units.Count == 0)
        {
            throw new ImportException($"{display}: no version {version}");
        }

        if (units.Select(u => u.RootTypeName).Distinct().Count() != units.Count)
        {
            throw new ImportException($"{display}: several versions of one kind need one namespace each: pass --version");
        }

        var templates = Path.Combine(AppContext.BaseDirectory, "Templates");
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            expected[Path.Combine(outputDirectory, unit.RootTypeName + ".g.cs")] =
                await CSharpEmitter.EmitAsync(unit, @namespace, templates).ConfigureAwait(false);
        }

        expected[Path.Combine(outputDirectory, JsonContextEmitter.ContextName(@namespace) + ".g.cs")] =
            JsonContextEmitter.Emit(@namespace, units.Select(u => u.RootTypeName), [display]);
        return DriftCheck.Apply(expected, null, "", repositoryRoot, check, output);
    }
}
