using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Keel.Model.Serialization;

namespace Keel.ApiServer.Tests.CrdAdmission;

/// <summary>
/// Every YAML example in docs/ parses; every ModelService and BaseConfig in them is admitted by the CRDs, and every
/// other known kind reads into its type without losing a field (a misspelled field would be lost).
/// </summary>
public sealed partial class DocsExamplesTests
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.GetFiles(Path.Combine(OurCrds.Root, "docs"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var blocks = YamlBlocks(File.ReadAllText(file)).Count;
            for (var i = 0; i < blocks; i++)
            {
                data.Add(Path.GetRelativePath(OurCrds.Root, file).Replace('\\', '/'), i);
            }
        }

        return data;
    }

    [Fact]
    public void The_docs_have_examples_to_check()
    {
        Assert.Contains(Examples(), row => (string)row[0] == "docs/user-guide/baseconfig.md");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void A_docs_example_is_valid(string file, int index)
    {
        var (yaml, line) = YamlBlocks(File.ReadAllText(Path.Combine(OurCrds.Root, file)))[index];
        var source = $"{file} (block at line {line})";
        foreach (var document in KeelYaml.ParseAll(yaml, source).Where(d => d.Root is JsonObject))
        {
            var obj = (JsonObject)document.Root!;
            var apiVersion = obj["apiVersion"]?.GetValue<string>();
            var kind = obj["kind"]?.GetValue<string>();
            if (apiVersion == "llm-d.ai/v1alpha1" && kind is "ModelService" or "BaseConfig")
            {
                var result = OurCrds.Admit(kind == "ModelService" ? OurCrds.ModelService : OurCrds.BaseConfig, (JsonObject)obj.DeepClone());
                Assert.True(result.IsValid, source + ":\n" + string.Join("\n", OurCrds.Messages(result)));
            }
            else if (apiVersion is not null && kind is not null && KindRegistry.Default.Find(apiVersion, kind) is { } type)
            {
                var typed = KeelJson.Deserialize(obj, type, source, document.Positions);
                Assert.True(JsonNode.DeepEquals(obj, KeelJson.SerializeToNode(typed)), source + ": a field did not survive reading as " + type.Name);
            }
        }
    }

    /// <summary>The ```yaml blocks of a Markdown text with the line each starts at.</summary>
    private static List<(string Yaml, int Line)> YamlBlocks(string markdown) =>
        YamlFence().Matches(markdown)
            .Select(m => (m.Groups["body"].Value, markdown[..m.Index].Count(c => c == '\n') + 1))
            .ToList();

    [GeneratedRegex(@"^```ya?ml[^\n]*\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex YamlFence();
}
