using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

public sealed class PatchAndApplyTests
{
    private static V1Patch Apply(object body) => new(body, V1Patch.PatchType.ApplyPatch);

    [Fact]
    public async Task Json_merge_patch_and_json_patch_change_only_what_they_name()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", data: new() { ["x"] = "1", ["y"] = "2" }), "default");
        var merged = await h.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""{"data":{"x":null,"z":"3"}}""", V1Patch.PatchType.MergePatch), "a", "default");
        Assert.Equal(new Dictionary<string, string> { ["y"] = "2", ["z"] = "3" }, merged.Data);
        var patched = await h.Client.CoreV1.PatchNamespacedConfigMapAsync(
            new V1Patch("""[{"op":"replace","path":"/data/y","value":"20"}]""", V1Patch.PatchType.JsonPatch), "a", "default");
        Assert.Equal("20", patched.Data["y"]);
        var failed = await RawHttp.SendAsync(h.Server, HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/a",
            """[{"op":"test","path":"/data/y","value":"nope"}]""", "application/json-patch+json");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, failed.Status);
    }

    [Fact]
    public async Task Strategic_merge_patch_merges_containers_by_name_and_is_refused_for_custom_resources()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var d = Objects.Deployment("web");
        d.Spec.Template.Spec.Containers.Add(new V1Container { Name = "sidecar", Image = "busybox" });
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(d, "default");
        var patched = await h.Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(
            """{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"nginx:2"}]}}}}""", V1Patch.PatchType.StrategicMergePatch), "web", "default");
        Assert.Equal([("main", "nginx:2"), ("sidecar", "busybox")], patched.Spec.Template.Spec.Containers.Select(c => (c.Name, c.Image)));
        Assert.Equal(2, patched.Metadata.Generation);

        await h.Server.InstallCrdAsync(TestCrds.Widget);
        await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Widget("w"), TestCrds.Group, "v1", "default", TestCrds.Plural);
        var refused = await RawHttp.SendAsync(h.Server, HttpMethod.Patch, "/apis/test.keel.dev/v1/namespaces/default/widgets/w",
            """{"spec":{"size":2}}""", "application/strategic-merge-patch+json");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, refused.Status);
    }

    [Fact]
    public async Task Server_side_apply_creates_records_the_manager_and_is_a_no_op_when_repeated()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var body = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "a" }, Data = new Dictionary<string, string> { ["x"] = "1" } };
        var created = await h.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(body), "a", "default", fieldManager: "operator");
        var entry = Assert.Single(created.Metadata.ManagedFields);
        Assert.Equal(("operator", "Apply"), (entry.Manager, entry.Operation));
        var again = await h.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(body), "a", "default", fieldManager: "operator");
        Assert.Equal(created.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Server_side_apply_conflicts_name_the_manager_and_field_and_force_takes_over()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var mine = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "a" }, Data = new Dictionary<string, string> { ["x"] = "1" } };
        await h.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(mine), "a", "default", fieldManager: "operator");
        var theirs = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "a" }, Data = new Dictionary<string, string> { ["x"] = "2" } };
        var conflict = await Assert.ThrowsAsync<HttpOperationException>(() =>
            h.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(theirs), "a", "default", fieldManager: "someone-else"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Response.StatusCode);
        var status = JsonNode.Parse(conflict.Response.Content)!;
        Assert.Equal("Apply failed with 1 conflict: conflict with \"operator\": .data.x", (string?)status["message"]);
        Assert.Equal("FieldManagerConflict", (string?)status["details"]!["causes"]![0]!["reason"]);
        Assert.Equal(".data.x", (string?)status["details"]!["causes"]![0]!["field"]);

        var forced = await h.Client.CoreV1.PatchNamespacedConfigMapAsync(Apply(theirs), "a", "default", fieldManager: "someone-else", force: true);
        Assert.Equal("2", forced.Data["x"]);
    }

    [Fact]
    public async Task Apply_requires_a_field_manager()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var raw = await RawHttp.SendAsync(h.Server, HttpMethod.Patch, "/api/v1/namespaces/default/configmaps/a",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n", "application/apply-patch+yaml");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, raw.Status);
        Assert.Contains("fieldManager: Required value: is required for apply patch", (string?)raw.Json!["message"]);
    }

    [Fact]
    public async Task Apply_to_the_status_subresource_changes_only_status()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Widget("w", 1), TestCrds.Group, "v1", "default", TestCrds.Plural);
        var status = new JsonObject
        {
            ["apiVersion"] = "test.keel.dev/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = "w" },
            ["spec"] = new JsonObject { ["size"] = 99 },
            ["status"] = new JsonObject { ["phase"] = "Ready" },
        };
        var result = Objects.AsNode(await h.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(status, V1Patch.PatchType.ApplyPatch), TestCrds.Group, "v1", "default", TestCrds.Plural, "w", fieldManager: "operator"));
        Assert.Equal("Ready", (string?)result["status"]!["phase"]);
        Assert.Equal(1, (int?)result["spec"]!["size"]);
        Assert.Contains(result["metadata"]!["managedFields"]!.AsArray(), m => (string?)m!["subresource"] == "status" && (string?)m!["manager"] == "operator");
    }

    [Fact]
    public async Task Writes_record_managed_fields_for_their_manager()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var created = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "default", fieldManager: "creator");
        var entry = Assert.Single(created.Metadata.ManagedFields);
        Assert.Equal(("creator", "Update"), (entry.Manager, entry.Operation));
    }

    private const string GaugeCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gauges.test.keel.dev
        spec:
          group: test.keel.dev
          scope: Namespaced
          names: {plural: gauges, singular: gauge, kind: Gauge, listKind: GaugeList}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      ratio: {type: number}
        """;

    /// <summary>
    /// The real server skips a write whose encoded object is unchanged: numbers are decoded to float64 and
    /// written back by Go, so two spellings of one float64 are the same object and two float64s are not.
    /// </summary>
    [Fact]
    public async Task Apply_is_a_no_op_exactly_when_the_numbers_decode_to_the_same_float64()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(GaugeCrd);

        var first = await ApplyGauge(h, "0.1");
        var sameFloat = await ApplyGauge(h, "0.1000000000000000000001");
        Assert.Equal(Version(first), Version(sameFloat));

        Assert.Equal(1L, (long)sameFloat["metadata"]!["generation"]!);

        var tiny = await ApplyGauge(h, "1e-30");
        var tinier = await ApplyGauge(h, "2e-30");
        Assert.NotEqual(Version(tiny), Version(tinier));
        Assert.Equal(2e-30, (double)tinier["spec"]!["ratio"]!);
        var stored = await RawHttp.GetAsync(h.Server, "/apis/test.keel.dev/v1/namespaces/default/gauges/g");
        Assert.Equal(2e-30, (double)stored.Json!["spec"]!["ratio"]!);
    }

    [Fact]
    public async Task Rewriting_an_integer_as_a_float_is_a_spec_change_as_for_reflect_deep_equal()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(GaugeCrd);

        var integer = await ApplyGauge(h, "1");
        var asFloat = await ApplyGauge(h, "1.0");

        Assert.NotEqual(Version(integer), Version(asFloat));
        Assert.Equal(2L, (long)asFloat["metadata"]!["generation"]!);
    }

    private static async Task<JsonNode> ApplyGauge(ApiServerHarness h, string ratio)
    {
        var raw = await RawHttp.SendAsync(h.Server, HttpMethod.Patch, "/apis/test.keel.dev/v1/namespaces/default/gauges/g?fieldManager=tuner",
            $$$"""{"apiVersion":"test.keel.dev/v1","kind":"Gauge","metadata":{"name":"g"},"spec":{"ratio":{{{ratio}}}}}""", "application/apply-patch+yaml");
        Assert.True(raw.Status is HttpStatusCode.OK or HttpStatusCode.Created, raw.Text);
        return raw.Json!;
    }

    private static string Version(JsonNode obj) => (string)obj["metadata"]!["resourceVersion"]!;
}
