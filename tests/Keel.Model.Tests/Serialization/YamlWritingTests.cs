using System.Text.Json.Nodes;
using Keel.Model.Serialization;

namespace Keel.Model.Tests.Serialization;

public sealed class YamlWritingTests
{
    [Theory]
    [InlineData("8000")]
    [InlineData("true")]
    [InlineData("yes")]
    [InlineData("No")]
    [InlineData("off")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("1:20")]
    [InlineData("1_000")]
    [InlineData("0755")]
    [InlineData("2024-01-02")]
    [InlineData(".inf")]
    [InlineData("1e3")]
    public void Strings_another_type_could_be_read_from_are_double_quoted(string value)
    {
        var yaml = KeelYaml.SerializeNode(new JsonObject { ["v"] = value });
        Assert.Equal($"v: \"{value}\"\n", yaml);
    }

    [Theory]
    [InlineData("vllm/vllm-openai:v0.11.2", "v: vllm/vllm-openai:v0.11.2\n")]
    [InlineData("40Gi", "v: 40Gi\n")]
    [InlineData("{{ .HFModelName }}", "v: '{{ .HFModelName }}'\n")]
    [InlineData("--port=8000", "v: --port=8000\n")]
    public void Other_strings_are_written_as_kubectl_would(string value, string expected)
    {
        Assert.Equal(expected, KeelYaml.SerializeNode(new JsonObject { ["v"] = value }));
    }

    [Fact]
    public void Block_style_with_unindented_sequences_and_literal_multiline_strings()
    {
        var node = JsonNode.Parse("""{"data":{"config.yaml":"a: 1\nb: 2\n"},"args":["--port","8000"],"empty":[],"none":{},"num":1.50,"b":false,"z":null}""");
        Assert.Equal("""
            data:
              config.yaml: |
                a: 1
                b: 2
            args:
            - --port
            - "8000"
            empty: []
            none: {}
            num: 1.50
            b: false
            z: null

            """, KeelYaml.SerializeNode(node));
    }

    [Fact]
    public void A_stream_separates_documents()
    {
        var yaml = KeelYaml.SerializeAll([
            new k8s.Models.V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new() { Name = "a" } },
            new k8s.Models.V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new() { Name = "b" } },
        ]);
        var documents = KeelYaml.ParseAll(yaml);
        Assert.Equal(2, documents.Count);
        Assert.Equal("b", documents[1].Root!["metadata"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Any_json_survives_a_trip_through_yaml()
    {
        // A fixed seed keeps the test deterministic; 2000 random trees cover the troublesome strings in many positions.
        var random = new Random(20261126);
        for (var i = 0; i < 2000; i++)
        {
            var node = RandomTree(random, depth: 0);
            var yaml = KeelYaml.SerializeNode(node);
            var back = KeelYaml.ParseAll(yaml).Single().Root;
            JsonAssert.Equivalent(node, back, "YAML:\n" + yaml);
        }
    }

    // Strings include the troublemakers: type look-alikes, indicators, quotes, line breaks, unicode.
    private static readonly string[] TrickyStrings =
    [
        "", " ", "yes", "no", "on", "null", "~", "8000", "-1", "1.5", "0x1F", "0o17", "1:20", "2024-01-01",
        "- item", "key: value", "#comment", "a #b", "'quoted'", "\"double\"", "{a}", "[b]", "*alias", "&anchor", "!tag",
        "%x", "@x", "`x", "line\nbreak", "trailing\n", "tab\tchar", "  leading", "trailing  ", "é ü 中文", "{{ .HFModelName }}",
        "a\nb  \nc", "\n", "---", "...", "? x", "<<",
    ];

    private const string Alphabet = "abcxyz019 :#-'\"\n{}[]";

    private static string RandomString(Random random) => random.Next(3) == 0
        ? new string(Enumerable.Range(0, random.Next(12)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray())
        : TrickyStrings[random.Next(TrickyStrings.Length)];

    private static JsonNode? RandomTree(Random random, int depth)
    {
        switch (depth >= 3 ? random.Next(4) : random.Next(6))
        {
            case 0: return JsonValue.Create(RandomString(random));
            case 1: return JsonValue.Create(random.NextInt64(-1_000_000_000_000, 1_000_000_000_000));
            case 2: return JsonValue.Create(random.Next(2) == 0);
            case 3: return null;
            case 4:
                return new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => RandomTree(random, depth + 1)).ToArray());
            default:
                var obj = new JsonObject();
                for (var i = random.Next(4); i > 0; i--)
                {
                    obj[RandomString(random)] = RandomTree(random, depth + 1);
                }

                return obj;
        }
    }
}
