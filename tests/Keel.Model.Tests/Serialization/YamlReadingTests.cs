using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.Model.Serialization;

namespace Keel.Model.Tests.Serialization;

public sealed class YamlReadingTests
{
    private static JsonNode? Read(string yaml) => KeelYaml.ParseSingle(yaml).Root;

    [Theory]
    [InlineData("v: yes", "\"yes\"")]
    [InlineData("v: on", "\"on\"")]
    [InlineData("v: true", "true")]
    [InlineData("v: False", "false")]
    [InlineData("v: ~", "null")]
    [InlineData("v:", "null")]
    [InlineData("v: 8000", "8000")]
    [InlineData("v: -12", "-12")]
    [InlineData("v: +5", "5")]
    [InlineData("v: 0o17", "15")]
    [InlineData("v: 0x1F", "31")]
    [InlineData("v: 1.50", "1.50")]
    [InlineData("v: 1e3", "1e3")]
    [InlineData("v: .5", "0.5")]
    [InlineData("v: 12345678901234567890123", "12345678901234567890123")]
    [InlineData("v: .inf", "\".inf\"")]
    [InlineData("v: \"8000\"", "\"8000\"")]
    [InlineData("v: '8000'", "\"8000\"")]
    [InlineData("v: 2024-01-02", "\"2024-01-02\"")]
    [InlineData("v: 1:20", "\"1:20\"")]
    [InlineData("v: !!str 42", "\"42\"")]
    [InlineData("v: !!int \"42\"", "42")]
    [InlineData("v: 40Gi", "\"40Gi\"")]
    public void Plain_scalars_follow_the_YAML_1_2_core_schema(string yaml, string json)
    {
        JsonAssert.Equivalent(JsonNode.Parse(json), Read(yaml)!["v"]);
    }

    [Fact]
    public void Literal_and_folded_blocks_are_strings()
    {
        var root = Read("a: |\n  line 1\n  line 2\nb: >\n  folded\n  text\nc: |\n  8000\n");
        Assert.Equal("line 1\nline 2\n", root!["a"]!.GetValue<string>());
        Assert.Equal("folded text\n", root["b"]!.GetValue<string>());
        Assert.Equal("8000\n", root["c"]!.GetValue<string>());
    }

    [Fact]
    public void Aliases_are_expanded_and_merge_keys_applied()
    {
        var root = Read("""
            base: &base
              image: vllm
              port: 8000
            copy: *base
            merged:
              <<: *base
              port: 9000
            """);
        JsonAssert.Equivalent(JsonNode.Parse("""{"image":"vllm","port":8000}"""), root!["copy"]);
        JsonAssert.Equivalent(JsonNode.Parse("""{"image":"vllm","port":9000}"""), root["merged"]);

        // The copy is independent of the anchored node.
        root["copy"]!["image"] = "changed";
        Assert.Equal("vllm", root["base"]!["image"]!.GetValue<string>());
    }

    [Fact]
    public void Keys_are_strings_even_when_they_look_like_numbers_or_booleans()
    {
        var root = Read("8000: a\ntrue: b\n");
        Assert.Equal(["8000", "true"], root!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void A_syntax_error_names_the_source_line_and_column()
    {
        var error = Assert.Throws<KeelSerializationException>(() => KeelYaml.ParseAll("a: 1\nb: [1, 2\nc: 3\n", "preset.yaml"));
        Assert.Equal("preset.yaml", error.SourceName);
        Assert.NotNull(error.Position);
        Assert.True(error.Position!.Value.Line >= 2, error.Message);
        Assert.StartsWith("preset.yaml:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Line:", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_is_an_error_at_the_second_key()
    {
        var error = Assert.Throws<KeelSerializationException>(() => KeelYaml.ParseAll("spec:\n  replicas: 1\n  replicas: 2\n", "ms.yaml"));
        Assert.Equal(new SourcePosition(3, 3), error.Position);
        Assert.Contains("\"replicas\" already defined", error.Message, StringComparison.Ordinal);
        Assert.Equal("$.spec", error.JsonPath);
    }

    [Fact]
    public void An_unknown_alias_is_an_error_with_its_position()
    {
        var error = Assert.Throws<KeelSerializationException>(() => KeelYaml.ParseAll("a: 1\nb: *missing\n"));
        Assert.Contains("*missing", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.Position!.Value.Line);
    }

    [Fact]
    public void Every_document_of_a_stream_is_read_with_its_start_line()
    {
        var documents = KeelYaml.ParseAll("a: 1\n---\n---\nb: 2\n...\n---\nc: 3\n");
        Assert.Equal(4, documents.Count);
        Assert.Null(documents[1].Root);
        Assert.Equal(3, documents[3].Root!["c"]!.GetValue<int>());
        Assert.Equal(4, documents[2].Start.Line);
        Assert.Equal(JsonValueKind.Number, documents[0].Root!["a"]!.GetValueKind());
    }

    [Fact]
    public void Positions_are_recorded_per_json_path()
    {
        var document = KeelYaml.ParseSingle("spec:\n  routing:\n    ports:\n      - name: http\n        port: 8000\n");
        Assert.Equal(new SourcePosition(5, 15), document.Positions.Find("$.spec.routing.ports[0].port"));
        Assert.Equal(new SourcePosition(4, 9), document.Positions.Find("$.spec.routing.ports[0]"));
        // A path below a known node resolves to its nearest ancestor.
        Assert.Equal(new SourcePosition(5, 15), document.Positions.Find("$.spec.routing.ports[0].port.extra"));
    }

    [Fact]
    public void ParseSingle_rejects_a_stream_with_several_documents()
    {
        var error = Assert.Throws<KeelSerializationException>(() => KeelYaml.ParseSingle("a: 1\n---\nb: 2\n", "x.yaml"));
        Assert.Contains("expected one YAML document, found 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Position!.Value.Line);
    }
}
