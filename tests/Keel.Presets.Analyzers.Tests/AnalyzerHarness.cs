extern alias analyzer;

using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using analyzer::Keel.Presets.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Keel.Presets.Analyzers.Tests;

/// <summary>Compiles C# against Keel.Model and runs the presets analyzer with optional sample ModelServices.</summary>
internal static class AnalyzerHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. platform.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(typeof(Keel.Model.Authoring.Preset).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(k8s.Models.V1Deployment).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Keel.Annotations.ListTypeAttribute).Assembly.Location)];
    });

    public const string Usings = """
        using System.Collections.Generic;
        using k8s.Models;
        using Keel.Model.Authoring;
        using Keel.Model.Authoring.Shapes;

        """;

    /// <summary>The analyzer's diagnostics (compiler errors fail the test: the code under analysis must compile).</summary>
    public static ImmutableArray<Diagnostic> Analyze(string source, params (string Path, string Text)[] samples) =>
        Analyze(source, samples, extraFiles: []);

    public static ImmutableArray<Diagnostic> Analyze(string source, (string Path, string Text)[] samples, (string Path, string Text)[] extraFiles)
    {
        var tree = CSharpSyntaxTree.ParseText(Usings + source, new CSharpParseOptions(LanguageVersion.Preview), path: "Preset.cs");
        var compilation = CSharpCompilation.Create(
            "PresetUnderTest",
            [tree],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compileErrors.Count == 0, "the source does not compile:\n" + string.Join("\n", compileErrors));

        var files = samples.Select(s => (AdditionalText)new InMemoryText(s.Path, s.Text, isSample: true))
            .Concat(extraFiles.Select(f => new InMemoryText(f.Path, f.Text, isSample: false)))
            .ToImmutableArray();
        var options = new AnalyzerOptions(files, new SampleOptionsProvider(files));
        return compilation.WithAnalyzers([new PresetAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    /// <summary>The source text a diagnostic points at.</summary>
    public static string Text(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    public static Diagnostic Single(ImmutableArray<Diagnostic> diagnostics, string id)
    {
        var matching = diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"expected one {id}, got:\n" + string.Join("\n", diagnostics));
        return matching[0];
    }

    private sealed class InMemoryText(string path, string text, bool isSample) : AdditionalText
    {
        public override string Path { get; } = path;

        public bool IsSample { get; } = isSample;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class SampleOptionsProvider(ImmutableArray<AdditionalText> files) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(null);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Options(files.Contains(textFile) && ((InMemoryText)textFile).IsSample ? "true" : null);
    }

    private sealed class Options(string? sampleFlag) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
        {
            value = key == "build_metadata.AdditionalFiles.KeelSampleModelService" ? sampleFlag : null;
            return value is not null;
        }
    }
}
