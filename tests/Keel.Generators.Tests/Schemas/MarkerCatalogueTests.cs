using System.Text.Json.Nodes;
using Keel.Generators.Tests.Generator;
using Keel.Generators.Tests.Infrastructure;

namespace Keel.Generators.Tests.Schemas;

/// <summary>
/// The controller-gen marker catalogue, attribute by attribute: each one the golden scenarios do not already pin is
/// written once here, and the emitted CRD must carry it as the apiextensions field it stands for.
/// </summary>
public sealed class MarkerCatalogueTests
{
    private const string Source = Scenarios.Usings + """
        namespace Demo;

        [CustomResource("demo.keel.dev", "v2", "Gauge")]
        [StorageVersion]
        [PrinterColumn("Level", PrinterColumnType.Number, ".spec.level", Description = "The level", Format = "float", Priority = 1)]
        public partial class Gauge
        {
            public V1ObjectMeta? Metadata { get; set; }
            public GaugeSpec? Spec { get; set; }
        }

        [CustomResource("demo.keel.dev", "v1", "Gauge")]
        [DeprecatedVersion(Warning = "demo.keel.dev/v1 Gauge is deprecated; use v2")]
        public partial class GaugeV1
        {
            public V1ObjectMeta? Metadata { get; set; }
        }

        [AtLeastOneOf("level", "ratio")]
        [AtMostOneOf("ratio", "step", Message = "ratio and step exclude each other")]
        [CelRule("!has(self.level) || self.level >= 0.0", MessageExpression = "'level ' + string(self.level) + ' is negative'", Reason = "FieldValueForbidden", FieldPath = ".level")]
        public sealed class GaugeSpec
        {
            [Minimum(0, Exclusive = true)]
            [Maximum(100, Exclusive = true)]
            [Example("42.5")]
            public double? Level { get; set; }

            [MultipleOf(0.25)]
            public double? Ratio { get; set; }

            [Minimum(1)]
            public int? Step { get; set; }

            [MinProperties(1)]
            [MaxProperties(4)]
            public IDictionary<string, string>? Labels { get; set; }

            [UniqueItems]
            public IList<string>? Names { get; set; }

            [SchemaNullable]
            [Format("email")]
            public string? Owner { get; set; }

            [CelRule("!oldSelf.hasValue() || self >= oldSelf.value()", Message = "the threshold only grows", OptionalOldSelf = true)]
            public int? Threshold { get; set; }

            [MapType(MapTopology.Granular)]
            public IDictionary<string, string>? Annotations { get; set; }
        }
        """;

    private static readonly Lazy<JsonNode> Crd = new(() =>
    {
        var result = GeneratorHarness.Run(Source);
        result.AssertCompilesCleanly();
        return JsonNode.Parse(GoldenTests.CrdJson(result, "Crd_gauges_demo_keel_dev"))!;
    });

    private static JsonNode Version(string name) => Crd.Value["spec"]!["versions"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == name)!;

    private static JsonNode Spec => Version("v2")["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!;

    private static JsonNode Property(string name) => Spec["properties"]![name]!;

    [Fact]
    public void Versions_carry_storage_served_and_the_deprecation_warning()
    {
        Assert.True(Version("v2")["storage"]!.GetValue<bool>());
        Assert.False(Version("v1")["storage"]!.GetValue<bool>());
        Assert.True(Version("v1")["served"]!.GetValue<bool>());
        Assert.True(Version("v1")["deprecated"]!.GetValue<bool>());
        Assert.Equal("demo.keel.dev/v1 Gauge is deprecated; use v2", Version("v1")["deprecationWarning"]!.GetValue<string>());
        Assert.Null(Version("v2")["deprecated"]);
    }

    [Fact]
    public void Printer_columns_carry_description_format_and_priority()
    {
        var column = Version("v2")["additionalPrinterColumns"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "Level")!;
        Assert.Equal("number", column["type"]!.GetValue<string>());
        Assert.Equal(".spec.level", column["jsonPath"]!.GetValue<string>());
        Assert.Equal("The level", column["description"]!.GetValue<string>());
        Assert.Equal("float", column["format"]!.GetValue<string>());
        Assert.Equal(1, column["priority"]!.GetValue<int>());
    }

    [Fact]
    public void Number_validations_and_examples()
    {
        var level = Property("level");
        Assert.Equal("number", level["type"]!.GetValue<string>());
        Assert.Equal(0, level["minimum"]!.GetValue<double>());
        Assert.True(level["exclusiveMinimum"]!.GetValue<bool>());
        Assert.Equal(100, level["maximum"]!.GetValue<double>());
        Assert.True(level["exclusiveMaximum"]!.GetValue<bool>());
        Assert.Equal(42.5, level["example"]!.GetValue<double>());
        Assert.Equal(0.25, Property("ratio")["multipleOf"]!.GetValue<double>());
        Assert.Null(Property("step")["exclusiveMinimum"]);
    }

    [Fact]
    public void Object_array_and_string_validations()
    {
        Assert.Equal(1, Property("labels")["minProperties"]!.GetValue<int>());
        Assert.Equal(4, Property("labels")["maxProperties"]!.GetValue<int>());
        // Unique scalars are a set: the API server forbids uniqueItems: true and enforces x-kubernetes-list-type: set.
        Assert.Equal("set", Property("names")["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Null(Property("names")["uniqueItems"]);
        Assert.True(Property("owner")["nullable"]!.GetValue<bool>());
        Assert.Equal("email", Property("owner")["format"]!.GetValue<string>());
        Assert.True(Property("annotations")["x-kubernetes-map-type"]?.GetValue<string>() == "granular", Property("annotations").ToJsonString());
    }

    [Fact]
    public void Cel_rules_carry_every_setting()
    {
        var rule = Spec["x-kubernetes-validations"]!.AsArray().Single(r => r!["rule"]!.GetValue<string>().StartsWith("!has(self.level)", StringComparison.Ordinal))!;
        Assert.Equal("'level ' + string(self.level) + ' is negative'", rule["messageExpression"]!.GetValue<string>());
        Assert.Equal("FieldValueForbidden", rule["reason"]!.GetValue<string>());
        Assert.Equal(".level", rule["fieldPath"]!.GetValue<string>());

        var transition = Assert.Single(Property("threshold")["x-kubernetes-validations"]!.AsArray())!;
        Assert.True(transition["optionalOldSelf"]!.GetValue<bool>());
        Assert.Equal("the threshold only grows", transition["message"]!.GetValue<string>());
    }

    [Fact]
    public void One_of_sugar_becomes_CEL_with_a_default_or_given_message()
    {
        var rules = Spec["x-kubernetes-validations"]!.AsArray().ToDictionary(r => r!["message"]?.GetValue<string>() ?? "", r => r!["rule"]!.GetValue<string>());
        Assert.Equal("[has(self.level), has(self.ratio)].filter(x, x).size() >= 1", rules["at least one of level, ratio must be set"]);
        Assert.Equal("[has(self.ratio), has(self.step)].filter(x, x).size() <= 1", rules["ratio and step exclude each other"]);
    }

    [Fact]
    public void The_crd_passes_the_api_servers_crd_validation()
    {
        var crd = (JsonObject)Crd.Value.DeepClone();
        Keel.ApiServer.Schema.CustomResourceDefinitionDefaults.Apply(crd);
        var errors = Keel.ApiServer.Schema.CustomResourceDefinitionValidation.Validate(crd);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
