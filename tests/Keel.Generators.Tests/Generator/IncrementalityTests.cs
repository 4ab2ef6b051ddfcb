using Keel.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Keel.Generators.Tests.Generator;

/// <summary>An edit that does not touch annotated types must leave every tracked step Cached or Unchanged.</summary>
public sealed class IncrementalityTests
{
    private static readonly string[] TrackedSteps =
        [TrackingNames.Resources, TrackingNames.Rules, TrackingNames.JsonContexts, TrackingNames.Settings, TrackingNames.Model];

    // A System.Text.Json context over an annotated type, so the JsonContexts step has an output to keep cached.
    private const string WidgetJsonContext = """
        namespace Demo;

        [System.Text.Json.Serialization.JsonSourceGenerationOptions(UseStringEnumConverter = true)]
        [System.Text.Json.Serialization.JsonSerializable(typeof(Widget))]
        public partial class WidgetJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
        """;

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compilation(Scenarios.Widget, Scenarios.Workload.Replace("namespace Demo;", "namespace Demo.Work;", StringComparison.Ordinal), WidgetJsonContext, "namespace Other; public class Helper { }");
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);

        var unrelated = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText("namespace Other; public class Helper { public int Added() => 42; }", GeneratorHarness.ParseOptions, unrelated.FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), step + " is not tracked");
            var outputs = result.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step} ran again: {o.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_an_annotated_type_regenerates_its_output()
    {
        var compilation = GeneratorHarness.Compilation(Scenarios.Widget);
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var changed = Scenarios.Widget.Replace("[MaxLength(256)]", "[MaxLength(128)]", StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(changed, GeneratorHarness.ParseOptions, tree.FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.Model].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("maxLength\"\":128", result.GeneratedSources.Single(s => s.HintName == "KeelGenerated.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }
}
