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
    public static RenderSettings Settings { get; } = new() { EppClusterRole = "modelservice-epp", PresetTrust = Keel.Model.Presets.PresetTrust.AnyNamespace };

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
        result.Manifest!["spec"]![field]?.ToJsonString(Relaxed) ?? throw new Xunit.Sdk.XunitException($"no spec.{field}: {result.Manifest.ToJsonString()}");

    /// <summary>
    /// ModelServices that between them give every template variable its interesting values: an hf:// model with an
    /// auth secret, a pvc:// model without one (empty HFModelName and AuthSecretName), an oci:// model whose routing
    /// ports are missing (getPort gives -1).
    /// </summary>
    public static IReadOnlyList<ModelService> VariedModelServices { get; } =
    [
        ModelService("""
            metadata: {name: llama, namespace: team, uid: 0b5e2b1e-0000-4000-8000-000000000001}
            spec:
              baseConfigMapRef: {name: preset}
              routing:
                modelName: meta-llama/Llama-3.1-8B-Instruct
                ports: [{name: http, port: 8000}, {name: app_port, port: 8000}, {name: internal_port, port: 8200}]
              modelArtifacts: {uri: "hf://meta-llama/Llama-3.1-8B-Instruct", authSecretName: hf-token}
              decode:
                replicas: 2
                containers: [{name: vllm, image: "vllm/vllm-openai:v0.11.2", args: ["{{ .HFModelName }}"], mountModelVolume: true}]
              prefill:
                containers: [{name: vllm, image: "vllm/vllm-openai:v0.11.2", mountModelVolume: true}]
            """),
        ModelService("""
            metadata: {name: granite, namespace: models}
            spec:
              baseConfigMapRef: {name: preset, namespace: team}
              routing:
                modelName: ibm/granite
                ports: [{name: http, port: 9000}]
              modelArtifacts: {uri: "pvc://weights/granite/v1"}
              decode:
                containers: [{name: vllm, image: "vllm/vllm-openai:v0.11.2", mountModelVolume: true}]
            """),
        ModelService("""
            metadata: {name: opt, namespace: team}
            spec:
              baseConfigMapRef: {name: preset}
              routing: {modelName: facebook/opt-125m}
              modelArtifacts: {uri: "oci://registry.example.com/opt:1"}
              decode:
                containers: [{name: vllm, image: "vllm/vllm-openai:v0.11.2"}]
              prefill:
                replicas: 0
                containers: [{name: vllm, image: "vllm/vllm-openai:v0.11.2"}]
            """),
    ];

    public static ModelService ModelService(string yaml) =>
        KeelYaml.Deserialize<ModelService>("apiVersion: llm-d.ai/v1alpha1\nkind: ModelService\n" + yaml, "modelservice");

    /// <summary>Migrates a one-key ConfigMap, asserts the key became a typed part, and that every varied ModelService renders the same from both.</summary>
    public static MigrationResult AssertTyped(string key, string text, RenderSettings? settings = null)
    {
        var configMap = ConfigMap((key, text));
        var result = Ok(configMap);
        Assert.Contains(result.Parts, p => p.Key == key && p.Outcome is PartOutcome.Typed or PartOutcome.Upgraded);
        foreach (var modelService in VariedModelServices)
        {
            AssertEquivalent(modelService, configMap, result, settings);
        }

        return result;
    }

    /// <summary>Migrates a one-key ConfigMap without raw templates; asserts it is refused, and returns the reasons' messages.</summary>
    public static IReadOnlyList<string> AssertRaw(string key, string text)
    {
        var configMap = ConfigMap((key, text));
        var refused = Migrate(configMap);
        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Parts, p => p.Key == key && p.Outcome == PartOutcome.Refused);
        var reasons = refused.Notes
            .Where(n => n.Code == MigrationCodes.NeedsRawTemplate && !n.Message.Contains("cannot become a typed part", StringComparison.Ordinal))
            .Select(n => n.Message)
            .ToList();
        Assert.NotEmpty(reasons);

        // Allowed, the value is kept verbatim and renders exactly as the ConfigMap does.
        var allowed = Migrate(configMap, allowRaw: true);
        Assert.True(allowed.Succeeded, string.Join("\n", allowed.Notes));
        Assert.Equal(text, allowed.Manifest!["spec"]!["templates"]![key]!.GetValue<string>());
        foreach (var modelService in VariedModelServices)
        {
            var outcomes = MigrationCheck.Check(modelService, configMap, allowed, Settings);
            Assert.All(outcomes, o => Assert.True(o.Differences.Count == 0 && o.OriginalErrors.Count == o.MigratedErrors.Count, string.Join("\n", o.Differences.Select(d => d.Diff))));
        }

        return reasons;
    }

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
