using System.Text.Json.Nodes;
using k8s.Models;
using Keel.ApiServer.Tests.CrdAdmission;
using Keel.Model.Migration;
using Keel.Model.Serialization;

namespace Keel.ApiServer.Tests.Migration;

/// <summary>
/// What `modelservice migrate` writes is a BaseConfig the API server stores as it is: admitted by our CRD with strict
/// field validation, nothing pruned, no default injected (the local API server's schema engine, as in a cluster).
/// </summary>
public sealed class MigratedBaseConfigAdmissionTests
{
    public static TheoryData<string> Samples() =>
    [
        .. Directory.GetDirectories(Path.Combine(OurCrds.Root, "samples"))
            .Where(d => File.Exists(Path.Combine(d, "preset-configmap.yaml")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal),
    ];

    private static void AssertAdmittedUnchanged(MigrationResult result)
    {
        Assert.True(result.Succeeded, string.Join("\n", result.Notes));

        // What is applied is the written YAML, read back.
        var manifest = (JsonObject)KeelYaml.ParseSingle(MigrationYaml.Write(result)).Root!;
        var original = manifest.DeepClone();
        var admission = OurCrds.Admit(OurCrds.BaseConfig, manifest);
        Assert.True(admission.IsValid, string.Join("\n", OurCrds.Messages(admission)));
        Assert.Empty(admission.UnknownFields);
        Assert.Null(admission.StrictDecodingError);
        Assert.True(JsonNode.DeepEquals(original, manifest), manifest.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_migrated_sample_preset_is_admitted_unchanged(string sample)
    {
        var yaml = File.ReadAllText(Path.Combine(OurCrds.Root, "samples", sample, "preset-configmap.yaml"));
        var configMap = ConfigMapManifest.Read(yaml, sample, out var errors) ?? throw new Xunit.Sdk.XunitException(string.Join("\n", errors));
        AssertAdmittedUnchanged(PresetMigration.Migrate(configMap));
    }

    [Fact]
    public void Templated_integers_and_booleans_raw_templates_upgrades_and_the_dropped_record_are_admitted()
    {
        var configMap = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta
            {
                Name = "mixed",
                NamespaceProperty = "presets",
                ResourceVersion = "12",
                Labels = new Dictionary<string, string> { ["team"] = "platform" },
            },
            Data = new Dictionary<string, string>
            {
                ["decodeDeployment"] = """
                    spec:
                      replicas: {{ if .AuthSecretName }}2{{ else }}1{{ end }}
                      template:
                        spec:
                          hostNetwork: {{ if eq .ModelServiceNamespace "dev" }}true{{ else }}false{{ end }}
                          containers:
                            - name: vllm
                              image: vllm/vllm-openai:v0.11.2
                              args: ["--port", "{{ "http" | getPort }}"]
                              ports: [{containerPort: {{ "http" | getPort }}}]
                              readinessProbe: {httpGet: {path: /health, port: {{ "http" | getPort }}}, periodSeconds: 5}
                              imagePullPolicyy: Always
                    """,
                ["eppDeployment"] = """
                    spec:
                      template:
                        spec:
                          containers:
                            - name: epp
                              image: ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.5.0
                              {{- if .AuthSecretName }}
                              env: [{name: TOKEN, valueFrom: {secretKeyRef: {name: "{{ .AuthSecretName }}", key: HF_TOKEN}}}]
                              {{- end }}
                    """,
                ["inferencePool"] = "spec:\n  targetPortNumber: {{ \"http\" | getPort }}\n  extensionRef: {failureMode: FailOpen}\n",
                ["inferenceModel"] = "spec:\n  criticality: Sheddable\n  targetModels: [{name: lora, weight: 10}]\n",
                ["README"] = "The platform team's default preset.",
            },
        };
        var result = PresetMigration.Migrate(configMap, new MigrationOptions { AllowRawTemplates = true, DropUnknownKeys = true });
        Assert.Equal(
            [PartOutcome.Typed, PartOutcome.Raw, PartOutcome.Upgraded, PartOutcome.Upgraded, PartOutcome.Dropped],
            result.Parts.Select(p => p.Outcome));
        AssertAdmittedUnchanged(result);
    }

    [Fact]
    public void The_CRD_would_reject_a_part_with_an_unknown_field_which_is_why_the_migration_drops_them()
    {
        var result = PresetMigration.Migrate(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "p" },
            Data = new Dictionary<string, string> { ["decodeService"] = "spec:\n  ports: [{name: http, port: 8000}]\n  sessionAffinityy: ClientIP\n" },
        });
        AssertAdmittedUnchanged(result);

        var withUnknown = (JsonObject)result.Manifest!.DeepClone();
        withUnknown["spec"]!["decodeService"]!["spec"]!["sessionAffinityy"] = "ClientIP";
        var admission = OurCrds.Admit(OurCrds.BaseConfig, withUnknown);
        Assert.Contains("sessionAffinityy", string.Join("\n", OurCrds.Messages(admission)) + string.Join("\n", admission.UnknownFields), StringComparison.Ordinal);
    }
}
