using Keel.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Keel.Generators.Tests.Generator;

/// <summary>
/// Every diagnostic ID, each from a minimal source. The marker comment <c>/*KEELnnn*/</c> sits on the line
/// where the diagnostic must point (the attribute or property a user has to fix).
/// </summary>
public sealed class DiagnosticTests
{
    private const string Root = """
        [CustomResource("demo.keel.dev", "v1", "Thing")]
        public partial class Thing
        {
            public V1ObjectMeta? Metadata { get; set; }
            public Spec? Spec { get; set; }
        }

        """;

    public static TheoryData<string, string> Cases => new()
    {
        { "KEEL001", """
            [CustomResource("demo.keel.dev", "v1", "Thing")]
            public class /*KEEL001*/Thing { public V1ObjectMeta? Metadata { get; set; } }
            """ },
        { "KEEL002", Root + "public class Spec { public System.TimeSpan? /*KEEL002*/Timeout { get; set; } }" },
        { "KEEL003", Root + """
            public class Spec { /*KEEL003*/[ListMapKey("id")] public IList<Item>? Items { get; set; } }
            public class Item { public required string Name { get; set; } }
            """ },
        { "KEEL004", Root + """
            public class Spec { /*KEEL004*/[ListMapKey("inner")] public IList<Item>? Items { get; set; } }
            public class Item { public required Inner Inner { get; set; } }
            public class Inner { public string? X { get; set; } }
            """ },
        { "KEEL005", Root + """
            public class Spec { /*KEEL005*/[ListMapKey("name")] public IList<Item>? Items { get; set; } }
            public class Item { [SchemaNullable] public required string Name { get; set; } }
            """ },
        { "KEEL006", Root + """
            public class Spec { /*KEEL006*/[ListMapKey("name")] public IList<Item>? Items { get; set; } }
            public class Item { public string? Name { get; set; } }
            """ },
        { "KEEL007", Root + """
            public class Spec { /*KEEL007*/[ListType(ListTopology.Set)] public IList<Item>? Items { get; set; } }
            public class Item { public string? Name { get; set; } }
            """ },
        { "KEEL008", Root + """
            public class Spec { /*KEEL008*/[ListMapKey("name")] [ListMapKey("name")] public IList<Item>? Items { get; set; } }
            public class Item { public required string Name { get; set; } }
            """ },
        { "KEEL009", Root + """
            public class Spec { /*KEEL009*/[ListType(ListTopology.Map)] public IList<Item>? Items { get; set; } }
            public class Item { public required string Name { get; set; } }
            """ },
        { "KEEL010", Root + "public class Spec { /*KEEL010*/[Prepend] public string? Name { get; set; } }" },
        { "KEEL011", Root + "public class Spec { /*KEEL011*/[AtomicReplace] public int? Count { get; set; } }" },
        { "KEEL012", Root + "public class Spec { /*KEEL012*/[OneOf(\"source\")] public string? Url { get; set; } }" },
        { "KEEL013", Root + """
            public class Spec
            {
                [OneOf("source")] public string? Url { get; set; }
                /*KEEL013*/[OneOf("source")] public required int Port { get; set; }
            }
            """ },
        { "KEEL014", """
            [CustomResource("demo.keel.dev", "v1", "Thing")]
            [StorageVersion]
            public partial class Thing { public V1ObjectMeta? Metadata { get; set; } }

            [CustomResource("demo.keel.dev", "v2", "Thing")]
            [StorageVersion]
            public partial class /*KEEL014*/ThingV2 { public V1ObjectMeta? Metadata { get; set; } }
            """ },
        // Zero storage versions among two: reported at the first version written.
        { "KEEL014", """
            [CustomResource("demo.keel.dev", "v1", "Thing")]
            public partial class /*KEEL014*/Thing { public V1ObjectMeta? Metadata { get; set; } }

            [CustomResource("demo.keel.dev", "v2", "Thing")]
            public partial class ThingV2 { public V1ObjectMeta? Metadata { get; set; } }
            """ },
        { "KEEL015", """
            [CustomResource("demo.keel.dev", "v1", "Thing")]
            /*KEEL015*/[PrinterColumn("Size", PrinterColumnType.Integer, ".spec.size")]
            public partial class Thing { public V1ObjectMeta? Metadata { get; set; } public Spec? Spec { get; set; } }
            public class Spec { public int? Replicas { get; set; } }
            """ },
        { "KEEL016", Root + "public class Spec { /*KEEL016*/[Default(\"\\\"many\\\"\")] public int? Replicas { get; set; } }" },
        // A default must also meet the property's own validations: the API server checks it when the CRD is created.
        { "KEEL016", Root + "public class Spec { /*KEEL016*/[Default(\"5\")] [Maximum(4)] public int? Replicas { get; set; } }" },
        { "KEEL016", Root + "public class Spec { /*KEEL016*/[Default(\"\\\"Slow\\\"\")] [EnumValues(\"Fast\", \"Careful\")] public string? Mode { get; set; } }" },
        { "KEEL016", Root + "public class Spec { /*KEEL016*/[Default(\"\\\"Bad_Name\\\"\")] [Pattern(\"^[a-z-]+$\")] public string? Name { get; set; } }" },
        { "KEEL016", Root + "public class Spec { /*KEEL016*/[Default(\"[]\")] [MinItems(1)] public IList<string>? Tags { get; set; } }" },
        { "KEEL017", Root + "public class Spec { /*KEEL017*/[CelRule(\"self.a == (self.b\")] public Range? Range { get; set; } } public class Range { public int? A { get; set; } public int? B { get; set; } }" },
        { "KEEL018", """
            /*KEEL018*/[KubernetesTypeRules, ExternalRoot(typeof(V1Pod)), ListTopology(typeof(V1PodSpec), "Nope", ListTopology.Atomic)]
            internal static class Rules { }
            """ },
        { "KEEL019", Root + "public class Spec { public Node? Root { get; set; } } public class Node { public IList<Node>? /*KEEL019*/Children { get; set; } }" },
        { "KEEL020", """
            [CustomResource("demo.keel.dev", "v1", "Thing")]
            [StorageVersion]
            public partial class Thing { public V1ObjectMeta? Metadata { get; set; } }

            [CustomResource("demo.keel.dev", "v2", "Thing", Plural = "thingies")]
            public partial class /*KEEL020*/ThingV2 { public V1ObjectMeta? Metadata { get; set; } }
            """ },
        { "KEEL021", """
            [CustomResource("demo", "v1", "Thing")]
            public partial class /*KEEL021*/Thing { public V1ObjectMeta? Metadata { get; set; } }
            """ },
        { "KEEL022", """
            [CustomResource("demo.keel.dev", "v1", "Thing")]
            public partial class /*KEEL022*/Thing { public string? Name { get; set; } }
            """ },
        { "KEEL023", Root + "public class Spec { [Default(\"1\")] public int /*KEEL023*/Replicas { get; set; } }" },
        { "KEEL024", Root + "public class Spec { public string? /*KEEL024*/Name { get; } }" },
        { "KEEL025", Root + "public class Spec { /*KEEL025*/[MapType(MapTopology.Atomic)] public IList<string>? Names { get; set; } }" },
        { "KEEL025", Root + "public class Spec { /*KEEL025*/[UniqueItems] [ListType(ListTopology.Atomic)] public IList<string>? Names { get; set; } }" },
        { "KEEL026", Root + "public class Spec { /*KEEL026*/[Example(\"{oops\")] public string? Name { get; set; } }" },
        { "KEEL027", """
            [CustomResource("demo.keel.dev", "v1", "Thing")]
            [ScaleSubresource(".spec.name", ".status.replicas")]
            public partial class /*KEEL027*/Thing { public V1ObjectMeta? Metadata { get; set; } public Spec? Spec { get; set; } public Status? Status { get; set; } }
            public class Spec { public string? Name { get; set; } }
            public class Status { public int? Replicas { get; set; } }
            """ },
        { "KEEL028", Root + "public class Spec { /*KEEL028*/[Pattern(\"([a-z\")] public string? Name { get; set; } }" },
        { "KEEL029", Root + "public class Spec { /*KEEL029*/[MinLength(1)] public int? Count { get; set; } }" },
        { "KEEL030", Root + "public class Spec { public string? Name { get; set; } [JsonPropertyName(\"name\")] public string? /*KEEL030*/Other { get; set; } }" },
        { "KEEL031", Root + "public class Spec { /*KEEL031*/[SchemaFrom(typeof(V1Container))] public string? Container { get; set; } }" },
        { "KEEL032", Root + "public class Spec { /*KEEL032*/[EmbeddedResource] public string? Object { get; set; } }" },
        { "KEEL033", Root + "/*KEEL033*/[ExactlyOneOf(\"url\", \"path\")] public class Spec { public string? Url { get; set; } }" },
        { "KEEL039", Root + "public class Spec { public Port? Port { get; set; } } public sealed record /*KEEL039*/Port(string Name, int Number);" },
        { "KEEL035", """
            /*KEEL035*/[KubernetesTypeRules, ExternalRoot(typeof(V1PodSpec))]
            internal static class Rules { }
            """ },
        { "KEEL036", """
            [KubernetesTypeRules, ExternalRoot(typeof(V1ConfigMap))]
            /*KEEL036*/[ListTopology(typeof(V1PodSpec), nameof(V1PodSpec.Tolerations), ListTopology.Atomic)]
            internal static class Rules { }
            """ },
        { "KEEL037", """
            [KubernetesTypeRules, ExternalRoot(typeof(V1Pod))]
            [ListMap(typeof(V1PodSpec), nameof(V1PodSpec.Containers), "name")]
            /*KEEL037*/[ListTopology(typeof(V1PodSpec), nameof(V1PodSpec.Containers), ListTopology.Atomic)]
            internal static class Rules { }
            """ },
        { "KEEL040", """
            [KubernetesTypeRules, ExternalRoot(typeof(V1Pod))]
            /*KEEL040*/[PatchStrategyRule(typeof(V1PodSpec), nameof(V1PodSpec.Containers), "merge")]
            internal static class Rules { }
            """ },
        { "KEEL041", Root + "public class Spec { public Mode? /*KEEL041*/Mode { get; set; } } public enum Mode { Fast, Careful }" },
        // CEL rule settings the API server checks when the CRD is created.
        { "KEEL042", Root + "public class Spec { /*KEEL042*/[CelRule(\"self > 0\", Reason = \"FieldValueBad\")] public int? Count { get; set; } }" },
        { "KEEL042", Root + "public class Spec { /*KEEL042*/[CelRule(\"self > 0\", Message = \"must be\\npositive\")] public int? Count { get; set; } }" },
        { "KEEL042", Root + "public class Spec { /*KEEL042*/[CelRule(\"self > 0\", OptionalOldSelf = true)] public int? Count { get; set; } }" },
        { "KEEL042", Root + """
            /*KEEL042*/[CelRule("has(self.url)", FieldPath = ".uri")]
            public class Spec { public string? Url { get; set; } }
            """ },
        { "KEEL042", Root + """
            public class Spec { /*KEEL042*/[CelRule("has(self.a)", FieldPath = ".b")] public Range? Range { get; set; } }
            public class Range { public int? A { get; set; } }
            """ },
        { "KEEL038", """
            [CustomResource("demo.keel.dev", "v1", "Thing")]
            [StorageVersion]
            public partial class Thing { public V1ObjectMeta? Metadata { get; set; } }

            [CustomResource("demo.keel.dev", "v1", "Thing")]
            public partial class /*KEEL038*/ThingAgain { public V1ObjectMeta? Metadata { get; set; } }
            """ },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_diagnostic_at_the_marked_line(string id, string body)
    {
        var source = Scenarios.Usings + "namespace Demo;\n\n" + body;
        var result = GeneratorHarness.Run(source);
        var found = result.GeneratorDiagnostics.Where(d => d.Id == id).ToList();
        Assert.True(found.Count > 0, $"{id} was not reported; got: {string.Join("; ", result.GeneratorDiagnostics)}");

        var expectedLine = source.Split('\n').ToList().FindIndex(l => l.Contains("/*" + id + "*/", StringComparison.Ordinal));
        Assert.True(expectedLine >= 0, "marker missing in the test source");
        Assert.Contains(found, d => d.Location.GetLineSpan().StartLinePosition.Line == expectedLine);
    }

    [Fact]
    public void Every_diagnostic_id_has_a_test_or_a_dedicated_one()
    {
        var tested = Cases.Select(c => (string)c[0]).Append("KEEL034").ToHashSet();
        var declared = typeof(KeelGenerator).Assembly.GetType("Keel.Generators.Diagnostics")!
            .GetFields()
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .ToList();
        Assert.DoesNotContain(declared, id => !tested.Contains(id));
    }

    [Fact]
    public void Missing_runtime_is_reported_instead_of_broken_code()
    {
        var compilation = GeneratorHarness.Compilation(Scenarios.Usings + "namespace Demo;\n\n" + Root + "public class Spec { public string? Name { get; set; } }");
        compilation = compilation.RemoveReferences(compilation.References.Where(r => r.Display?.EndsWith("Keel.Model.dll", StringComparison.Ordinal) == true));
        GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.Contains(diagnostics, d => d.Id == "KEEL034");
        Assert.DoesNotContain(output.SyntaxTrees, t => t.FilePath.Contains("ObjectMerger", StringComparison.Ordinal));
    }

    [Fact]
    public void Valid_annotations_report_nothing()
    {
        GeneratorHarness.Run(Scenarios.Widget).AssertCompilesCleanly();
        GeneratorHarness.Run(Scenarios.Workload).AssertCompilesCleanly();
    }

    [Theory]
    [InlineData("self == oldSelf")]
    [InlineData("has(self.a) ? self.a.size() > 0 : true")]
    [InlineData("self.items.all(i, i.name.startsWith('x') && i.port in [80, 443])")]
    [InlineData("[has(self.a), has(self.b)].filter(x, x).size() == 1")]
    [InlineData("self.uri.matches(r'^(hf|pvc|oci)://') || self.map == {'a': 1u, \"b\": -2.5e3}")]
    [InlineData("!(self.x < 1) && -self.y >= 0x1F")]
    public void Cel_check_accepts_well_formed_rules(string rule)
    {
        var check = typeof(KeelGenerator).Assembly.GetType("Keel.Generators.Analysis.CelSyntax")!.GetMethod("Check")!;
        Assert.Null(check.Invoke(null, [rule]));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("self.a == (self.b", "never closed")]
    [InlineData("self.a == self.b)", "without a matching")]
    [InlineData("self.a self.b", "operator is missing")]
    [InlineData("self.a == ", "ends with an operator")]
    [InlineData("self.a ? 1", "'?' without ':'")]
    [InlineData("'unterminated", "unterminated string")]
    [InlineData("self.a # 1", "unexpected character")]
    [InlineData("self.(a)", "'.' must stand")]
    [InlineData("[1, 2}", "does not close")]
    public void Cel_check_rejects_malformed_rules(string rule, string expected)
    {
        var check = typeof(KeelGenerator).Assembly.GetType("Keel.Generators.Analysis.CelSyntax")!.GetMethod("Check")!;
        var error = (string?)check.Invoke(null, [rule]);
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
