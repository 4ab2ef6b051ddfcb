using System.Text.Json.Nodes;
using k8s;

namespace Keel.Generators.Tests.Merging;

/// <summary>Merge inputs and expectations written as YAML, compared as JSON trees.</summary>
internal static class MergeAssert
{
    public static T Parse<T>(string yaml) => KubernetesYaml.Deserialize<T>(yaml);

    public static void Equal<T>(string expectedYaml, T actual)
    {
        var expected = JsonNode.Parse(KubernetesJson.Serialize(Parse<T>(expectedYaml)));
        var got = JsonNode.Parse(KubernetesJson.Serialize(actual));
        Assert.True(JsonNode.DeepEquals(expected, got), $"Expected:\n{expected}\nGot:\n{got}");
    }
}
