using System.Text.Json.Nodes;
using Keel.ApiServer.Schema;
using Keel.Generators.Tests.Generator;
using Keel.Generators.Tests.Infrastructure;

namespace Keel.Generators.Tests.Schemas;

/// <summary>The local API server's admission, run against the generated Widget CRD: the schema enforces what the attributes declare.</summary>
public sealed class CrdAdmissionTests
{
    private static readonly Lazy<CustomResourceAdmission> Admission = new(() =>
    {
        var result = GeneratorHarness.Run(Scenarios.Widget);
        result.AssertCompilesCleanly();
        var crd = JsonNode.Parse(GoldenTests.CrdJson(result, "Crd_widgets_demo_keel_dev"))!;
        var schema = crd["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!.AsObject();
        return new CustomResourceAdmission(Keel.ApiServer.Schema.StructuralSchema.Parse(schema));
    });

    private static JsonObject Widget(string spec) => JsonNode.Parse($$"""
        {"apiVersion": "demo.keel.dev/v1alpha1", "kind": "Widget", "metadata": {"name": "w", "namespace": "default"}, "spec": {{spec}}}
        """)!.AsObject();

    private static AdmissionResult Admit(JsonObject obj, JsonObject? old = null) => Admission.Value.Admit(obj, old, FieldValidationMode.Strict);

    [Fact]
    public void Valid_widget_is_admitted_and_defaulted()
    {
        var widget = Widget("""{"modelName": "qwen", "image": "hf://Qwen/Qwen3", "ports": [{"name": "http", "port": 8000}], "tags": ["a", "b"]}""");
        var result = Admit(widget);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(1, widget["spec"]!["replicas"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"image": "hf://a"}""", "spec.modelName")]
    [InlineData("""{"modelName": "m", "image": "s3://a"}""", "spec.image")]
    [InlineData("""{"modelName": "m", "image": "hf://a", "replicas": -1}""", "spec.replicas")]
    [InlineData("""{"modelName": "m", "image": "hf://a", "ports": [{"name": "http", "port": 1}, {"name": "http", "port": 2}]}""", "spec.ports[1]")]
    [InlineData("""{"modelName": "m", "image": "hf://a", "ports": [{"name": "http", "port": 70000}]}""", "spec.ports[0].port")]
    [InlineData("""{"modelName": "m", "image": "hf://a", "tags": ["a", "a"]}""", "spec.tags[1]")]
    [InlineData("""{"modelName": "m", "image": "hf://a", "mode": "Reckless"}""", "spec.mode")]
    [InlineData("""{"modelName": "m", "image": "hf://a", "size": "lots"}""", "spec.size")]
    [InlineData("""{"modelName": "m", "image": "hf://a", "range": {"min": 5, "max": 1}}""", "spec.range")]
    [InlineData("""{"modelName": "m", "image": "hf://a", "source": {}}""", "spec")]
    [InlineData("""{"modelName": "m"}""", "spec")]
    public void Invalid_widgets_are_rejected_at_the_field(string spec, string field)
    {
        var result = Admit(Widget(spec));
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.ToString()!.Contains(field, StringComparison.Ordinal));
    }

    [Fact]
    public void Model_name_is_immutable()
    {
        var old = Widget("""{"modelName": "a", "image": "hf://a"}""");
        Assert.True(Admit(old).IsValid);
        var result = Admit(Widget("""{"modelName": "b", "image": "hf://a"}"""), old);
        Assert.Contains(result.Errors, e => e.ToString()!.Contains("modelName is immutable", StringComparison.Ordinal));
    }

    [Fact]
    public void Templatable_port_accepts_a_template_where_the_typed_port_wants_integers()
    {
        var result = Admit(Widget("""{"modelName": "m", "image": "hf://a", "portTemplate": {"name": "http", "port": "{{ \"http\" | getPort }}", "tls": "{{ .tls }}"}}"""));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.False(Admit(Widget("""{"modelName": "m", "image": "hf://a", "ports": [{"name": "http", "port": "{{ x }}"}]}""")).IsValid);
    }

    [Fact]
    public void Unknown_fields_are_not_accepted()
    {
        var result = Admit(Widget("""{"modelName": "m", "image": "hf://a", "bogus": 1}"""));
        Assert.Contains("spec.bogus", result.UnknownFields);
    }
}
