using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Migration;
using Keel.Model.Migration.Checking;
using Keel.Model.Rendering;
using Keel.Model.Serialization;
using Keel.Model.Tests.Api;

namespace Keel.Model.Tests.Migration;

/// <summary>Builds migration inputs and asserts on their outcome.</summary>
internal static class MigrationKit
{
    public static RenderSettings Settings { get; } = new() { EppClusterRole = "modelservice-epp" };

    /// <summary>The sample folders that hold a ConfigMap preset.</summary>
    public static IReadOnlyList<string> Samples { get; } =
    [
        .. Directory.GetDirectories(Repository.PathOf("samples"))
            .Where(d => File.Exists(Path.Combine(d, "preset-configmap.yaml")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal),
    ];

    public static V1ConfigMap SampleConfigMap(string sample) =>
        KeelYaml.Deserialize<V1ConfigMap>(File.ReadAllText(Repository.PathOf("samples", sample, "preset-configmap.yaml")), "preset-configmap.yaml");

    public static ModelService SampleModelService(string sample) =>
        KeelYaml.Deserialize<ModelService>(File.ReadAllText(Repository.PathOf("samples", sample, "modelservice.yaml")), "modelservice.yaml");

    /// <summary>A ConfigMap preset <c>team/preset</c> with the given data.</summary>
    public static V1ConfigMap ConfigMap(params (string Key, string Text)[] data) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = "preset", NamespaceProperty = "team" },
        Data = data.ToDictionary(d => d.Key, d => d.Text),
    };

    public static MigrationResult Migrate(V1ConfigMap configMap, bool allowRaw = false, bool dropUnknownKeys = false) =>
        PresetMigration.Migrate(configMap, new MigrationOptions { AllowRawTemplates = allowRaw, DropUnknownKeys = dropUnknownKeys });

    /// <summary>Migrates and fails the test on any error.</summary>
    public static MigrationResult Ok(V1ConfigMap configMap, bool allowRaw = false)
    {
        var result = Migrate(configMap, allowRaw);
        Assert.True(result.Succeeded, "migration failed:\n" + string.Join("\n", result.Notes));
        return result;
    }

    /// <summary>The single migrated part's JSON (as the BaseConfig spec holds it).</summary>
    public static string Part(MigrationResult result, string field) =>
        result.Manifest!["spec"]![field]?.ToJsonString() ?? throw new Xunit.Sdk.XunitException($"no spec.{field}: {result.Manifest.ToJsonString()}");

    /// <summary>Asserts that the ModelService renders the same children from both presets, in every mode the check uses.</summary>
    public static void AssertEquivalent(ModelService modelService, V1ConfigMap configMap, MigrationResult result, RenderSettings? settings = null)
    {
        foreach (var outcome in MigrationCheck.Check(modelService, configMap, result, settings ?? Settings))
        {
            Assert.True(outcome.Identical, $"{outcome.ModelService} ({outcome.PoolApi}):\n"
                + string.Join("\n", outcome.OriginalErrors.Select(e => "original: " + e))
                + string.Join("\n", outcome.MigratedErrors.Select(e => "migrated: " + e))
                + string.Join("\n", outcome.Differences.Select(d => d.Diff)));
        }
    }
}
