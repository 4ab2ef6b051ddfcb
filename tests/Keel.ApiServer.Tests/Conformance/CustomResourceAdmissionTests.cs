using System.Net;
using System.Text.Json.Nodes;
using k8s;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

/// <summary>Custom resources are admitted through the Schema module with the real server's responses.</summary>
public sealed class CustomResourceAdmissionTests
{
    private const string Widgets = "/apis/test.keel.dev/v1/namespaces/default/widgets";
    private const string Gadgets = "/apis/test.keel.dev/v1/namespaces/default/gadgets";

    [Fact]
    public async Task Schema_violations_are_422_Invalid_with_causes()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        var body = Objects.Widget("w", -1).ToJsonString();
        var raw = await RawHttp.SendAsync(h.Server, HttpMethod.Post, Widgets, body);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, raw.Status);
        Assert.Equal("Widget.test.keel.dev \"w\" is invalid: spec.size: Invalid value: -1: spec.size in body should be greater than or equal to 0",
            (string?)raw.Json!["message"]);
        Assert.Equal("spec.size", (string?)raw.Json!["details"]!["causes"]![0]!["field"]);
    }

    [Fact]
    public async Task Unknown_fields_are_pruned_with_a_warning_and_rejected_under_strict()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        var body = Objects.Widget("w");
        body["spec"]!["bogus"] = true;
        var warned = await RawHttp.SendAsync(h.Server, HttpMethod.Post, Widgets + "?fieldValidation=Warn", body.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, warned.Status);
        Assert.Null(warned.Json!["spec"]!["bogus"]);
        Assert.Equal("299 - \"unknown field \\\"spec.bogus\\\"\"", Assert.Single(warned.Warnings));

        body["metadata"]!["name"] = "strict";
        var strict = await RawHttp.SendAsync(h.Server, HttpMethod.Post, Widgets + "?fieldValidation=Strict", body.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.Equal("strict decoding error: unknown field \"spec.bogus\"", (string?)strict.Json!["message"]);

        body["metadata"]!["name"] = "ignored";
        var ignored = await RawHttp.SendAsync(h.Server, HttpMethod.Post, Widgets + "?fieldValidation=Ignore", body.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, ignored.Status);
        Assert.Empty(ignored.Warnings);
    }

    [Fact]
    public async Task A_patch_whose_changes_are_all_pruned_or_defaulted_away_changes_nothing()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Gadget);
        var created = await RawHttp.SendAsync(h.Server, HttpMethod.Post, Gadgets,
            """{"apiVersion":"test.keel.dev/v1","kind":"Gadget","metadata":{"name":"x"},"spec":{"replicas":2}}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var before = created.Json!["metadata"]!;

        // An unknown field is pruned (with its warning); removing a defaulted field defaults it back.
        var unknown = await RawHttp.SendAsync(h.Server, HttpMethod.Patch, Gadgets + "/x", """{"spec":{"bogus":true}}""", "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Single(unknown.Warnings);
        await RawHttp.SendAsync(h.Server, HttpMethod.Patch, Gadgets + "/x", """{"spec":{"replicas":null}}""", "application/merge-patch+json");
        var defaulted = await RawHttp.SendAsync(h.Server, HttpMethod.Patch, Gadgets + "/x", """{"spec":{"replicas":1}}""", "application/merge-patch+json");
        var reset = await RawHttp.SendAsync(h.Server, HttpMethod.Patch, Gadgets + "/x", """{"spec":{"replicas":null}}""", "application/merge-patch+json");

        Assert.Equal((string?)before["resourceVersion"], (string?)unknown.Json!["metadata"]!["resourceVersion"]);
        Assert.Equal(1, (long?)unknown.Json!["metadata"]!["generation"]);
        Assert.Equal(1, (int?)reset.Json!["spec"]!["replicas"]);
        Assert.Equal((string?)defaulted.Json!["metadata"]!["resourceVersion"], (string?)reset.Json!["metadata"]!["resourceVersion"]);
        Assert.Equal((long?)defaulted.Json!["metadata"]!["generation"], (long?)reset.Json!["metadata"]!["generation"]);
    }

    [Fact]
    public async Task Defaults_are_applied_and_transition_rules_see_the_old_object()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Gadget);
        var gadget = new JsonObject
        {
            ["apiVersion"] = "test.keel.dev/v1",
            ["kind"] = "Gadget",
            ["metadata"] = new JsonObject { ["name"] = "x" },
            ["spec"] = new JsonObject { ["routing"] = new JsonObject { ["modelName"] = "a" } },
        };
        var created = Objects.AsNode(await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(gadget, "test.keel.dev", "v1", "default", "gadgets"));
        Assert.Equal(1, (int?)created["spec"]!["replicas"]);

        created["spec"]!["routing"]!["modelName"] = "b";
        var raw = await RawHttp.SendAsync(h.Server, HttpMethod.Put, Gadgets + "/x", created.ToJsonString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, raw.Status);
        Assert.Equal("Gadget.test.keel.dev \"x\" is invalid: spec.routing.modelName: Invalid value: \"string\": modelName is immutable",
            (string?)raw.Json!["message"]);
    }

    [Fact]
    public async Task Invalid_crds_are_rejected_with_422_and_not_served()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var crd = Http.YamlJson.Parse(TestCrds.Widget)!.AsObject();
        crd["metadata"]!["name"] = "wrong.test.keel.dev";
        var raw = await RawHttp.SendAsync(h.Server, HttpMethod.Post, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd.ToJsonString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, raw.Status);
        Assert.StartsWith("CustomResourceDefinition.apiextensions.k8s.io \"wrong.test.keel.dev\" is invalid: metadata.name", (string?)raw.Json!["message"]);
        Assert.Equal(HttpStatusCode.NotFound, (await RawHttp.GetAsync(h.Server, "/apis/test.keel.dev/v1/namespaces/default/widgets")).Status);
    }

    [Fact]
    public async Task Crds_get_their_v1_defaults()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var crd = Http.YamlJson.Parse(TestCrds.Widget)!.AsObject();
        crd["spec"]!["names"]!.AsObject().Remove("listKind");
        await h.Server.InstallCrdAsync(crd.ToJsonString());
        var stored = await h.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync("widgets.test.keel.dev");
        Assert.Equal("WidgetList", stored.Spec.Names.ListKind);
        Assert.Equal("None", stored.Spec.Conversion.Strategy);
    }
}
