using System.Text.Json;
using Keel.Generators.Tests.Infrastructure;
using Keel.Model.Topology;

namespace Keel.Generators.Tests.Generator;

/// <summary>The emitted source and CRDs of the scenarios, compared with reviewed golden files.</summary>
public sealed class GoldenTests
{
    [Fact]
    public void Widget_output_matches_golden_files()
    {
        var result = GeneratorHarness.Run(Scenarios.Widget);
        result.AssertCompilesCleanly();

        foreach (var name in new[] { "ObjectMerger.Demo.WidgetSpec.g.cs", "ObjectMerger.Demo.WidgetPort.g.cs", "ObjectMerger.Demo.Widget.g.cs", "Demo.Widget.Kube.g.cs" })
        {
            Assert.True(result.Sources.ContainsKey(name), name + " was not generated; got " + string.Join(", ", result.Sources.Keys));
            Golden.Match("Widget", name, result.Sources[name]);
        }

        Golden.Match("Widget", "widgets.demo.keel.dev.yaml", JsonToYaml.Convert(CrdJson(result, "Crd_widgets_demo_keel_dev")));
    }

    [Fact]
    public void Workload_output_matches_golden_files()
    {
        // The realistic graph: our type embedding V1PodSpec, with rules declared for the built-in types.
        var result = GeneratorHarness.Run(Scenarios.Workload);
        result.AssertCompilesCleanly();
        foreach (var name in new[] { "ObjectMerger.Demo.WorkloadSpec.g.cs", "ObjectMerger.k8s.Models.V1Container.g.cs", "ObjectMerger.k8s.Models.V1EnvVar.g.cs", "ObjectMerger.k8s.Models.V1ContainerPort.g.cs" })
        {
            Assert.True(result.Sources.ContainsKey(name), name + " was not generated");
            Golden.Match("Workload", name, result.Sources[name]);
        }
    }

    /// <summary>Reads a generated constant back out of the generated catalog source.</summary>
    internal static string CrdJson(GeneratorResult result, string constant)
    {
        var source = result.Sources["KeelGenerated.g.cs"];
        var marker = "public const string " + constant + " = @\"";
        var start = source.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, constant + " not found in the generated catalog");
        start += marker.Length;
        var end = source.IndexOf("\";\n", start, StringComparison.Ordinal);
        var json = source[start..end].Replace("\"\"", "\"", StringComparison.Ordinal);
        using var _ = JsonDocument.Parse(json); // the constant is valid JSON
        return json;
    }
}
