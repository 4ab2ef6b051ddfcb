using Keel.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Keel.Generators.Tests.Generator;

/// <summary>
/// Schemas describe enums as strings; KEEL041 warns when nothing makes System.Text.Json write an enum property as a
/// string (a converter on the property or the enum, or a source-generation context with UseStringEnumConverter).
/// </summary>
public sealed class EnumSerializationTests
{
    private const string Resource = Scenarios.Usings + """
        namespace Demo;

        [CustomResource("demo.keel.dev", "v1", "Gadget")]
        public partial class Gadget
        {
            public V1ObjectMeta? Metadata { get; set; }
            public GadgetSpec? Spec { get; set; }
        }

        public sealed class GadgetSpec
        {
            public Mode? Mode { get; set; }
            public IList<Mode>? Modes { get; set; }
        }

        public enum Mode { Fast, Careful }
        """;

    private static List<string> Warned(params string[] sources) =>
        GeneratorHarness.Run(sources).GeneratorDiagnostics.Where(d => d.Id == "KEEL041")
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void An_enum_property_without_a_string_converter_is_reported_with_lists_too()
    {
        var warned = Warned(Resource);
        Assert.Equal(2, warned.Count);
        Assert.Contains(warned, m => m.StartsWith("'GadgetSpec.Mode' holds enum 'Demo.Mode'", StringComparison.Ordinal));
        Assert.Contains(warned, m => m.StartsWith("'GadgetSpec.Modes' holds enum 'Demo.Mode'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_string_converter_on_the_enum_or_the_property_satisfies_the_check()
    {
        Assert.Empty(Warned(Resource.Replace("public enum Mode", "[JsonConverter(typeof(JsonStringEnumConverter<Mode>))] public enum Mode", StringComparison.Ordinal)));
        var onProperties = Resource
            .Replace("public Mode? Mode", "[JsonConverter(typeof(JsonStringEnumConverter))] public Mode? Mode", StringComparison.Ordinal)
            .Replace("public IList<Mode>? Modes", "[JsonConverter(typeof(JsonStringEnumConverter))] public IList<Mode>? Modes", StringComparison.Ordinal);
        Assert.Empty(Warned(onProperties));
    }

    [Theory]
    [InlineData("[JsonSourceGenerationOptions(UseStringEnumConverter = true)]", "Gadget", 0)]
    [InlineData("[JsonSourceGenerationOptions(Converters = new[] { typeof(JsonStringEnumConverter<Mode>) })]", "GadgetSpec", 0)]
    [InlineData("[JsonSourceGenerationOptions(UseStringEnumConverter = false)]", "Gadget", 2)]
    [InlineData("[JsonSourceGenerationOptions(UseStringEnumConverter = true)]", "V1Pod", 2)]
    public void A_source_generation_context_writing_enums_as_strings_covers_what_it_serializes(string options, string serializable, int warnings)
    {
        var context = $$"""
            namespace Demo;
            {{options}}
            [System.Text.Json.Serialization.JsonSerializable(typeof({{(serializable == "V1Pod" ? "k8s.Models.V1Pod" : serializable)}}))]
            public partial class GadgetJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
            """;
        Assert.Equal(warnings, Warned(Resource, "using System.Text.Json.Serialization;\n" + context).Count);
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_json_context_step_cached()
    {
        var context = """
            using System.Text.Json.Serialization;
            namespace Demo;
            [JsonSourceGenerationOptions(UseStringEnumConverter = true)]
            [JsonSerializable(typeof(Gadget))]
            public partial class GadgetJsonContext : JsonSerializerContext;
            """;
        var compilation = GeneratorHarness.Compilation(Resource, context, "namespace Other; public class Helper { }");
        var driver = GeneratorHarness.Driver().RunGenerators(compilation);
        var unrelated = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText("namespace Other; public class Helper { public int X => 1; }", GeneratorHarness.ParseOptions, unrelated.FilePath));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var outputs = result.TrackedSteps[TrackingNames.JsonContexts].SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }
}
