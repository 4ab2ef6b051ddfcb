using Keel.Model.Migration;
using Keel.Model.Serialization;
using Keel.Model.Tests.Api;
using static Keel.Model.Tests.Migration.MigrationKit;

namespace Keel.Model.Tests.Migration;

/// <summary>
/// Every ConfigMap preset under samples/ migrates without raw templates, renders its sample ModelService to the same
/// children as the ConfigMap, and equals the hand-written BaseConfig beside it.
/// </summary>
public sealed class SampleMigrationTests
{
    public static TheoryData<string> SampleNames() => [.. Samples];

    [Fact]
    public void The_samples_folder_has_ConfigMap_presets()
    {
        Assert.True(Samples.Count >= 4, string.Join(", ", Samples));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_migrates_and_renders_the_same_children(string sample)
    {
        var configMap = SampleConfigMap(sample);
        var result = Ok(configMap);
        Assert.False(result.HasRawTemplates);
        Assert.DoesNotContain(result.Notes, n => n.Severity == MigrationSeverity.Warning);
        AssertEquivalent(SampleModelService(sample), configMap, result);
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_migration_equals_the_hand_written_BaseConfig(string sample)
    {
        var handWritten = Repository.PathOf("samples", sample, "preset-baseconfig.yaml");
        Assert.True(File.Exists(handWritten), handWritten);
        var expected = KeelYaml.ParseSingle(File.ReadAllText(handWritten)).Root!;
        var result = Ok(SampleConfigMap(sample));
        // Semantic equality: same fields and values, whatever the key order.
        Assert.Equal(Sorted(expected["spec"]), Sorted(result.Manifest!["spec"]));
        Assert.Equal(expected["metadata"]!["name"]!.ToJsonString(), result.Manifest["metadata"]!["name"]!.ToJsonString());
    }

    private static string Sorted(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject obj => "{" + string.Join(",", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => "\"" + p.Key + "\":" + Sorted(p.Value))) + "}",
        System.Text.Json.Nodes.JsonArray array => "[" + string.Join(",", array.Select(Sorted)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };

    /// <summary>Every ModelService manifest under samples/ (each sample's and the reference manifests).</summary>
    public static TheoryData<string> SampleModelServices() =>
    [
        .. Directory.GetFiles(Repository.PathOf("samples"), "*.yaml", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("kind: ModelService", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(Repository.Root, p))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(SampleModelServices))]
    public void Every_sample_ModelService_renders_the_same_children_from_every_migrated_sample_preset(string path)
    {
        var modelService = Keel.Model.Serialization.KeelYaml.Deserialize<Keel.Model.Api.ModelService>(File.ReadAllText(Repository.PathOf(path)), path);
        var compared = 0;
        foreach (var sample in Samples)
        {
            var configMap = SampleConfigMap(sample);
            var result = Ok(configMap);
            foreach (var outcome in Keel.Model.Migration.Checking.MigrationCheck.Check(modelService, configMap, result, Settings))
            {
                // A preset written for other routing ports may not render this ModelService at all; then neither form does.
                Assert.True(outcome.Identical || (outcome.OriginalErrors.Count > 0 && outcome.MigratedErrors.Count > 0), $"{sample}:\n" + string.Join("\n", outcome.MigratedErrors.Concat(outcome.Differences.Select(d => d.Diff))));
                compared += outcome.Identical ? 1 : 0;
            }
        }

        Assert.True(compared > 0, $"{path} rendered against no sample preset");
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_output_reads_back_as_the_same_manifest(string sample)
    {
        var result = Ok(SampleConfigMap(sample));
        var yaml = MigrationYaml.Write(result);
        Assert.Equal(result.Manifest!.ToJsonString(), KeelYaml.ParseSingle(yaml).Root!.ToJsonString());
    }
}
