using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Keel.CrdImport.Import;

namespace Keel.CrdImport.Crds;

/// <summary>
/// Writes the CRDs the generator emitted into a built model assembly (Keel.Model.dll) to YAML files, one per CRD
/// (<c>&lt;plural&gt;.&lt;group&gt;.yaml</c>). The assembly is loaded at run time, not referenced: the model compiles the
/// code this tool imports, so the tool must build without it.
/// </summary>
internal static class GeneratedCrds
{
    public static int Run(string modelAssembly, IReadOnlyCollection<string> names, string outputDirectory, string repositoryRoot, bool check, TextWriter output)
    {
        var documents = Load(modelAssembly);
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var matches = documents.Where(d => d.Name == name).ToList();
            var document = matches.Count == 1 ? matches[0] : throw new ImportException($"{modelAssembly} has no CRD named {name} (it has: {string.Join(", ", documents.Select(d => d.Name))})");
            expected[Path.Combine(outputDirectory, document.FileName)] = document.Yaml;
        }

        return DriftCheck.Apply(expected, null, "", repositoryRoot, check, output);
    }

    private static List<(string Name, string FileName, string Yaml)> Load(string modelAssembly)
    {
        if (!File.Exists(modelAssembly))
        {
            throw new ImportException($"{modelAssembly} does not exist: build the model first");
        }

        var context = new DirectoryLoadContext(Path.GetDirectoryName(modelAssembly)!);
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(modelAssembly));

        // Generated code registers its CRDs from a module initializer.
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        var catalog = assembly.GetType("Keel.Model.Topology.CrdCatalog") ?? throw new ImportException($"{modelAssembly} has no Keel.Model.Topology.CrdCatalog");
        var all = (System.Collections.IEnumerable)catalog.GetProperty("All")!.GetValue(null)!;
        var result = new List<(string, string, string)>();
        foreach (var document in all)
        {
            var type = document.GetType();
            result.Add((
                (string)type.GetProperty("Name")!.GetValue(document)!,
                (string)type.GetProperty("FileName")!.GetValue(document)!,
                (string)type.GetMethod("ToYaml")!.Invoke(document, null)!));
        }

        return result;
    }

    /// <summary>Resolves the model's dependencies from its own output folder.</summary>
    private sealed class DirectoryLoadContext(string directory) : AssemblyLoadContext(isCollectible: false)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var candidate = Path.Combine(directory, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
