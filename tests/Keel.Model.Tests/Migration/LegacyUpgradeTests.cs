using Keel.Model.Migration;
using Keel.Model.Migration.Checking;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using static Keel.Model.Tests.Migration.MigrationKit;

namespace Keel.Model.Tests.Migration;

/// <summary>
/// Legacy parts become current ones with the render's own conversions: InferencePool v1alpha2 → v1, InferenceModel →
/// InferenceObjective (criticality → priority, the same table), a route's pool backendRef → the current group. The
/// forms render the same children in v1 mode, which is what the check compares after an upgrade.
/// </summary>
public sealed class LegacyUpgradeTests
{
    private const string Epp = """
        spec:
          template:
            spec:
              containers: [{name: epp, image: "ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.5.0"}]
        """;

    private static MigrationResult Upgrade(params (string Key, string Text)[] data)
    {
        var configMap = ConfigMap([("eppDeployment", Epp), .. data]);
        var result = Ok(configMap);
        foreach (var modelService in VariedModelServices)
        {
            AssertEquivalent(modelService, configMap, result);
        }

        return result;
    }

    [Fact]
    public void A_v1alpha2_pool_becomes_v1_with_every_field_moved()
    {
        var result = Upgrade(("inferencePool", """
            apiVersion: inference.networking.x-k8s.io/v1alpha2
            kind: InferencePool
            metadata:
              labels: {tier: gold}
            spec:
              selector: {app: vllm}
              targetPortNumber: {{ "http" | getPort }}
              extensionRef:
                group: ""
                kind: Service
                portNumber: 9003
                failureMode: FailOpen
            """));
        Assert.Equal(
            """{"apiVersion":"inference.networking.k8s.io/v1","kind":"InferencePool","metadata":{"labels":{"tier":"gold"}},"spec":{"selector":{"matchLabels":{"app":"vllm"}},"targetPorts":[{"number":"{{ \"http\" | getPort }}"}],"endpointPickerRef":{"group":"","kind":"Service","port":{"number":9003},"failureMode":"FailOpen"}}}""",
            Part(result, "inferencePool"));
        Assert.Equal(PartOutcome.Upgraded, result.Parts.Single(p => p.Key == "inferencePool").Outcome);
        Assert.Equal([InferencePoolApi.V1], MigrationCheck.ModesFor(result));
    }

    [Fact]
    public void A_legacy_pool_known_by_its_shape_gets_the_default_endpoint_picker_port()
    {
        var result = Upgrade(("inferencePool", """
            spec:
              targetPortNumber: {{ "http" | getPort }}
              extensionRef: {failureMode: FailClose}
            """));
        Assert.Equal(
            """{"apiVersion":"inference.networking.k8s.io/v1","kind":"InferencePool","spec":{"targetPorts":[{"number":"{{ \"http\" | getPort }}"}],"endpointPickerRef":{"port":{"number":9002},"failureMode":"FailClose"}}}""",
            Part(result, "inferencePool"));
    }

    [Fact]
    public void A_v1_pool_is_kept_and_both_pool_modes_are_compared()
    {
        var result = Upgrade(("inferencePool", "spec:\n  targetPorts: [{number: {{ \"http\" | getPort }}}]\n"));
        Assert.Equal(PartOutcome.Typed, result.Parts.Single(p => p.Key == "inferencePool").Outcome);
        Assert.Equal([InferencePoolApi.V1, InferencePoolApi.V1Alpha2], MigrationCheck.ModesFor(result));
    }

    public static TheoryData<string, int?> Criticalities() => new()
    {
        { "Critical", 1 },
        { "Standard", 0 },
        { "Sheddable", -1 },
        { "High", null },
    };

    [Theory]
    [MemberData(nameof(Criticalities))]
    public void Criticality_maps_to_priority_with_the_render_table(string criticality, int? priority)
    {
        Assert.Equal(priority, LegacyApiConversion.PriorityOf(criticality));
        var result = Upgrade(
            ("inferencePool", "spec:\n  targetPorts: [{number: 8000}]\n"),
            ("inferenceModel", $"spec:\n  criticality: {criticality}\n"));
        var expected = priority is { } p ? $$"""{"priority":{{p}}}""" : "{}";
        Assert.Equal($$"""{"apiVersion":"llm-d.ai/v1alpha2","kind":"InferenceObjective","spec":{{expected}}}""", Part(result, "inferenceObjective"));
        var note = Assert.Single(result.Notes, n => n.Code == MigrationCodes.LegacyApiUpgraded);
        Assert.Contains(priority is null ? $"criticality {criticality} is not Critical, Standard or Sheddable" : $"criticality {criticality} → priority {priority}", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InferenceModel_fields_without_an_objective_equivalent_are_recorded()
    {
        var result = Upgrade(
            ("inferencePool", "spec:\n  targetPorts: [{number: 8000}]\n"),
            ("inferenceModel", """
                spec:
                  modelName: {{ .ModelName }}
                  criticality: Critical
                  targetModels:
                    - {name: llama-lora, weight: 100}
                """));
        Assert.Equal(
            "inferenceModel.spec.modelName: \"{{ .ModelName }}\" (the operator sets the model name from spec.routing.modelName)\n"
            + "inferenceModel.spec.targetModels: [{\"name\":\"llama-lora\",\"weight\":100}] (no InferenceObjective equivalent: traffic splitting moved to InferenceModelRewrite (the operator drops it in v1 mode too))\n",
            result.Manifest!["metadata"]!["annotations"]![MigrationAnnotations.Dropped]!.GetValue<string>());
        Assert.Equal(2, result.Notes.Count(n => n.Code == MigrationCodes.Dropped));
    }

    [Fact]
    public void An_inferenceModel_beside_an_inferenceObjective_is_dropped_as_the_operator_ignores_it()
    {
        var result = Upgrade(
            ("inferencePool", "spec:\n  targetPorts: [{number: 8000}]\n"),
            ("inferenceObjective", "spec:\n  priority: 5\n"),
            ("inferenceModel", "spec:\n  criticality: Sheddable\n"));
        Assert.Equal("""{"spec":{"priority":5}}""", Part(result, "inferenceObjective"));
        Assert.Equal(PartOutcome.Dropped, result.Parts.Single(p => p.Key == "inferenceModel").Outcome);
        Assert.Contains("the preset has inferenceObjective too", Assert.Single(result.Notes, n => n.Code == MigrationCodes.Dropped).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_route_to_this_pool_moves_to_the_current_group_and_other_backends_stay()
    {
        var result = Upgrade(
            ("inferencePool", "spec:\n  targetPorts: [{number: 8000}]\n"),
            ("httpRoute", """
                spec:
                  rules:
                    - backendRefs:
                        - {group: inference.networking.x-k8s.io, kind: InferencePool, name: {{ .InferencePoolName }}}
                    - backendRefs:
                        - {group: inference.networking.x-k8s.io, kind: InferencePool, name: shared-pool}
                """));
        Assert.Equal(
            """{"spec":{"rules":[{"backendRefs":[{"group":"inference.networking.k8s.io","kind":"InferencePool","name":"{{ .InferencePoolName }}"}]},{"backendRefs":[{"group":"inference.networking.x-k8s.io","kind":"InferencePool","name":"shared-pool"}]}]}}""",
            Part(result, "httpRoute"));

        // Only the legacy pool and model make the check stay in v1 mode; a route compares in both.
        Assert.Equal([InferencePoolApi.V1, InferencePoolApi.V1Alpha2], MigrationCheck.ModesFor(result));
    }

    [Fact]
    public void In_v1alpha2_mode_the_upgraded_pool_converts_back_with_an_explicit_port_which_is_why_the_check_uses_v1()
    {
        var configMap = ConfigMap(
            ("eppDeployment", Epp),
            ("inferencePool", "spec:\n  targetPortNumber: 8000\n  extensionRef: {failureMode: FailClose}\n"));
        var result = Ok(configMap);
        var outcome = MigrationCheck.Compare(VariedModelServices[0], configMap, result.BaseConfig!, Settings with { PoolApi = InferencePoolApi.V1Alpha2 });
        var difference = Assert.Single(outcome.Differences);
        Assert.Equal("InferencePool team/llama-inference-pool", difference.Child);
        Assert.Contains("+    portNumber: 9002\n", difference.Diff, StringComparison.Ordinal);
    }
}
