using System.Collections.Immutable;
using Keel.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Keel.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="KeelGenerator"/> over in-memory sources, referencing the test's own runtime (KubernetesClient, Keel.Model).</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    public static CSharpCompilation Compilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Scenario",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver Driver() =>
        CSharpGeneratorDriver.Create(
            new[] { new KeelGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorResult Run(params string[] sources)
    {
        var compilation = Compilation(sources);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        return new GeneratorResult(output, generatorDiagnostics, result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString()));
    }
}

internal sealed record GeneratorResult(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, IReadOnlyDictionary<string, string> Sources)
{
    /// <summary>Errors and warnings of the generator and of compiling its output.</summary>
    public IReadOnlyList<Diagnostic> AllDiagnostics =>
        GeneratorDiagnostics.Concat(Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)).ToList();

    public void AssertCompilesCleanly()
    {
        var problems = AllDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("KEEL", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, "Unexpected diagnostics:\n" + string.Join("\n", problems.Take(20)));
    }
}
