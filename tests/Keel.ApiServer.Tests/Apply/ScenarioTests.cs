using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>End-to-end ownership stories as kubectl, an HPA and the operator produce them.</summary>
public sealed class ScenarioTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FieldManager manager = new(TestSchemas.Deployment);

    private static JsonObject Deployment(int? replicas, string image, string extraContainer = "") => Json.Obj($$"""
        {
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": { "name": "vllm", "namespace": "ai", "labels": { "app": "vllm" } },
          "spec": {
            {{(replicas is null ? "" : $"\"replicas\": {replicas},")}}
            "selector": { "matchLabels": { "app": "vllm" } },
            "template": {
              "metadata": { "labels": { "app": "vllm" } },
              "spec": { "containers": [ { "name": "vllm", "image": "{{image}}", "args": ["--port", "8000"] } {{extraContainer}} ] }
            }
          }
        }
        """);

    private JsonObject Apply(JsonObject? live, JsonObject applied, string who, bool force = false)
    {
        var outcome = manager.Apply(live, applied, who, force, null, T0);
        Assert.False(outcome.HasConflicts, outcome.ConflictMessage);
        return outcome.Result!;
    }

    /// <summary>What a client-side <c>kubectl apply</c> does: a strategic merge patch, recorded as an update.</summary>
    private JsonObject ClientSideApply(JsonObject live, JsonObject patch) =>
        manager.Update(live, Patches.StrategicMerge(live, patch, TestSchemas.Deployment), "kubectl-client-side-apply", null, T0);

    [Fact]
    public void The_operator_server_side_applies_over_a_client_side_applied_object()
    {
        var live = manager.Update(null, Deployment(1, "vllm:0.9"), "kubectl-client-side-apply", null, T0);

        var same = manager.Apply(live, Deployment(1, "vllm:0.9"), "keel", false, null, T0);
        Assert.False(same.HasConflicts);
        Assert.NotNull(Json.Entry(same.Result!, "keel"));
        Assert.NotNull(Json.Entry(same.Result!, "kubectl-client-side-apply", "Update"));

        var different = manager.Apply(live, Deployment(1, "vllm:1.0"), "keel", false, null, T0);
        Assert.Equal(
            """Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.template.spec.containers[name="vllm"].image""",
            different.ConflictMessage);

        var forced = Apply(live, Deployment(1, "vllm:1.0"), "keel", force: true);
        Assert.Equal("vllm:1.0", (string?)forced["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);

        // The user applies client-side again: an update wins without conflicts and takes the field back.
        var back = ClientSideApply(forced, Json.Obj("""{"spec":{"template":{"spec":{"containers":[{"name":"vllm","image":"vllm:0.9"}]}}}}"""));
        Assert.Equal("vllm:0.9", (string?)back["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        var conflict = manager.Apply(back, Deployment(1, "vllm:1.0"), "keel", false, null, T0);
        Assert.Equal(""".spec.template.spec.containers[name="vllm"].image""", Assert.Single(conflict.Conflicts).FieldPath);
    }

    [Fact]
    public void An_autoscaler_owns_replicas_after_scaling_and_the_operator_stops_fighting_it()
    {
        var live = Apply(null, Deployment(1, "vllm:0.9"), "keel");
        var scaled = (JsonObject)live.DeepClone();
        scaled["spec"]!["replicas"] = 3;
        live = manager.Update(live, scaled, "hpa", null, T0);

        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", Json.Text(Json.FieldsOf(live, "hpa", "Update")));
        var fight = manager.Apply(live, Deployment(1, "vllm:0.9"), "keel", false, null, T0);
        Assert.Equal("""Apply failed with 1 conflict: conflict with "hpa" using apps/v1: .spec.replicas""", fight.ConflictMessage);

        var result = Apply(live, Deployment(null, "vllm:1.0"), "keel");

        Assert.Equal(3, (int?)result["spec"]!["replicas"]);
        Assert.Equal("vllm:1.0", (string?)result["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]);
        Assert.DoesNotContain("f:replicas", Json.Text(Json.FieldsOf(result, "keel")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_the_operator_no_longer_applies_is_removed_from_the_object()
    {
        var live = Apply(null, Deployment(2, "vllm:0.9", """, {"name":"metrics","image":"exporter:1"}"""), "keel");

        var result = Apply(live, Deployment(null, "vllm:0.9"), "keel");

        Assert.False(((JsonObject)result["spec"]!).ContainsKey("replicas"));
        var containers = (JsonArray)result["spec"]!["template"]!["spec"]!["containers"]!;
        Assert.Equal(["vllm"], containers.Select(c => (string?)c!["name"]));
    }

    [Fact]
    public void A_container_another_manager_added_survives_the_operators_reapply()
    {
        var live = Apply(null, Deployment(1, "vllm:0.9"), "keel");
        var injected = (JsonObject)live.DeepClone();
        ((JsonArray)injected["spec"]!["template"]!["spec"]!["containers"]!).Add(Json.Obj("""{"name":"istio-proxy","image":"proxy:1"}"""));
        live = manager.Update(live, injected, "sidecar-injector", null, T0);

        var result = Apply(live, Deployment(1, "vllm:1.0"), "keel");

        var containers = (JsonArray)result["spec"]!["template"]!["spec"]!["containers"]!;
        Assert.Equal(["vllm", "istio-proxy"], containers.Select(c => (string?)c!["name"]));
        Assert.Equal("vllm:1.0", (string?)containers[0]!["image"]);
    }

    [Fact]
    public void Two_server_side_appliers_manage_disjoint_fields_without_conflicts()
    {
        var live = Apply(null, Deployment(1, "vllm:0.9"), "kubectl");
        live = Apply(live, Json.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"vllm","namespace":"ai","annotations":{"keel.dev/hash":"abc"}},"spec":{"template":{"spec":{"containers":[{"name":"vllm","env":[{"name":"HF_HOME","value":"/cache"}]}]}}}}"""), "keel");

        var reapplied = Apply(live, Deployment(1, "vllm:0.9"), "kubectl");

        Assert.Equal("abc", (string?)reapplied["metadata"]!["annotations"]!["keel.dev/hash"]);
        Json.Equal("""[{"name":"HF_HOME","value":"/cache"}]""", reapplied["spec"]!["template"]!["spec"]!["containers"]![0]!["env"]);
    }

    [Fact]
    public void Reapplying_the_same_configuration_is_a_no_op_the_server_can_detect()
    {
        var live = Apply(null, Deployment(1, "vllm:0.9"), "keel");

        var again = manager.Apply(live, Deployment(1, "vllm:0.9"), "keel", false, null, T0.AddHours(1)).Result!;

        Assert.True(FieldManager.SemanticallyEqual(live, again));
        Assert.Equal(Json.Text(Json.ManagedFields(live)), Json.Text(Json.ManagedFields(again)));
    }

    [Fact]
    public void A_strategic_merge_edit_is_owned_by_the_editor_and_the_next_apply_conflicts_only_on_that_field()
    {
        var live = Apply(null, Deployment(1, "vllm:0.9"), "keel");

        var edited = manager.Update(live, Patches.StrategicMerge(live, Json.Obj("""{"spec":{"template":{"spec":{"containers":[{"name":"vllm","args":["--port","9000"]}]}}}}"""), TestSchemas.Deployment), "kubectl-edit", null, T0);

        Assert.Equal("""{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"vllm\"}":{"f:args":{}}}}}}}""", Json.Text(Json.FieldsOf(edited, "kubectl-edit", "Update")));
        var outcome = manager.Apply(edited, Deployment(1, "vllm:0.9"), "keel", false, null, T0);
        Assert.Equal(""".spec.template.spec.containers[name="vllm"].args""", Assert.Single(outcome.Conflicts).FieldPath);
    }
}
