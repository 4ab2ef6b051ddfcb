using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

public sealed class ObjectSemanticsTests
{
    [Fact]
    public async Task Create_sets_uid_creation_timestamp_and_increasing_cluster_wide_resource_versions()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var a = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "default");
        var b = await h.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "b" } }, "kube-system");
        Assert.NotEqual(a.Metadata.Uid, b.Metadata.Uid);
        Assert.NotNull(a.Metadata.CreationTimestamp);
        Assert.True(long.Parse(b.Metadata.ResourceVersion) > long.Parse(a.Metadata.ResourceVersion));
        Assert.Equal("Opaque", b.Type);
    }

    [Fact]
    public async Task Create_of_an_existing_name_is_409_AlreadyExists()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "default");
        var raw = await RawHttp.SendAsync(h.Server, HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}""");
        Assert.Equal(HttpStatusCode.Conflict, raw.Status);
        Assert.Equal("configmaps \"a\" already exists", (string?)raw.Json!["message"]);
        Assert.Equal("AlreadyExists", (string?)raw.Json!["reason"]);
        Assert.Equal("configmaps", (string?)raw.Json!["details"]!["kind"]);
    }

    [Fact]
    public async Task Get_of_a_missing_object_is_404_with_the_real_message()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var raw = await RawHttp.GetAsync(h.Server, "/apis/apps/v1/namespaces/default/deployments/nope");
        Assert.Equal(HttpStatusCode.NotFound, raw.Status);
        Assert.Equal("deployments.apps \"nope\" not found", (string?)raw.Json!["message"]);
        Assert.Equal("apps", (string?)raw.Json!["details"]!["group"]);
    }

    [Fact]
    public async Task Update_with_a_stale_resource_version_is_409_Conflict()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var created = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "default");
        created.Data["k"] = "v2";
        await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", "default");
        created.Data["k"] = "v3";
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", "default"));
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        var status = System.Text.Json.Nodes.JsonNode.Parse(error.Response.Content)!;
        Assert.Equal("Operation cannot be fulfilled on configmaps \"a\": the object has been modified; please apply your changes to the latest version and try again", (string?)status["message"]);
        Assert.Equal("Conflict", (string?)status["reason"]);
    }

    [Fact]
    public async Task A_no_op_update_keeps_the_resource_version_and_emits_no_event()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var created = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "default");
        var before = h.Server.Core.Store.CurrentResourceVersion;
        var replaced = await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(created, "a", "default");
        Assert.Equal(created.Metadata.ResourceVersion, replaced.Metadata.ResourceVersion);
        Assert.Equal(before, h.Server.Core.Store.CurrentResourceVersion);
    }

    [Fact]
    public async Task Generation_moves_on_spec_changes_only()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var d = await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Objects.Deployment("web"), "default");
        Assert.Equal(1, d.Metadata.Generation);
        d.Metadata.Labels = new Dictionary<string, string> { ["x"] = "y" };
        d = await h.Client.AppsV1.ReplaceNamespacedDeploymentAsync(d, "web", "default");
        Assert.Equal(1, d.Metadata.Generation);
        d.Spec.Replicas = 3;
        d = await h.Client.AppsV1.ReplaceNamespacedDeploymentAsync(d, "web", "default");
        Assert.Equal(2, d.Metadata.Generation);
    }

    [Fact]
    public async Task Status_is_ignored_on_main_writes_and_spec_on_status_writes()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var d = await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Objects.Deployment("web"), "default");
        d.Status = new V1DeploymentStatus { ReadyReplicas = 7 };
        d = await h.Client.AppsV1.ReplaceNamespacedDeploymentAsync(d, "web", "default");
        Assert.Null(d.Status?.ReadyReplicas);

        d.Status = new V1DeploymentStatus { ReadyReplicas = 1, ObservedGeneration = 1 };
        d.Spec.Replicas = 9;
        var afterStatus = await h.Client.AppsV1.ReplaceNamespacedDeploymentStatusAsync(d, "web", "default");
        Assert.Equal(1, afterStatus.Status.ReadyReplicas);
        Assert.Equal(1, afterStatus.Spec.Replicas);
        Assert.Equal(1, afterStatus.Metadata.Generation);
    }

    [Fact]
    public async Task GenerateName_appends_a_random_suffix()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var cm = Objects.ConfigMap(null!);
        cm.Metadata.GenerateName = "job-";
        var created = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(cm, "default");
        Assert.Matches("^job-[bcdfghjklmnpqrstvwxz2456789]{5}$", created.Metadata.Name);
    }

    [Fact]
    public async Task Creating_in_a_missing_namespace_is_404_and_in_a_terminating_one_403()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() => h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "nope"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
        Assert.Contains("namespaces \\\"nope\\\" not found", missing.Response.Content);

        await h.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "doomed" } });
        var held = Objects.ConfigMap("held");
        held.Metadata.Finalizers = ["test.keel.dev/hold"];
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(held, "doomed");
        await h.Client.CoreV1.DeleteNamespaceAsync("doomed");
        await h.Server.WaitForGarbageCollectionAsync();
        var ns = await h.Client.CoreV1.ReadNamespaceAsync("doomed");
        Assert.Equal("Terminating", ns.Status.Phase);
        var forbidden = await Assert.ThrowsAsync<HttpOperationException>(() => h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("b"), "doomed"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Response.StatusCode);
        Assert.Contains("unable to create new content in namespace doomed because it is being terminated", forbidden.Response.Content);
    }

    [Fact]
    public async Task Invalid_names_and_labels_are_422_with_field_causes()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var raw = await RawHttp.SendAsync(h.Server, HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name","labels":{"ok":"not ok"}}}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, raw.Status);
        var message = (string?)raw.Json!["message"];
        Assert.StartsWith("ConfigMap \"Bad_Name\" is invalid: [metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain", message);
        var causes = raw.Json!["details"]!["causes"]!.AsArray();
        Assert.Contains(causes, c => (string?)c!["field"] == "metadata.labels" && (string?)c!["reason"] == "FieldValueInvalid");
    }

    [Fact]
    public async Task Namespaces_get_the_name_label_and_the_kubernetes_finalizer()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var ns = await h.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } });
        Assert.Equal("team", ns.Metadata.Labels["kubernetes.io/metadata.name"]);
        Assert.Equal(["kubernetes"], ns.Spec.Finalizers);
        Assert.Equal("Active", ns.Status.Phase);
    }

    [Fact]
    public async Task Dry_run_create_validates_but_stores_nothing()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var before = h.Server.Core.Store.CurrentResourceVersion;
        var created = await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "default", dryRun: "All");
        Assert.Equal("a", created.Metadata.Name);
        Assert.Equal(before, h.Server.Core.Store.CurrentResourceVersion);
        await Assert.ThrowsAsync<HttpOperationException>(() => h.Client.CoreV1.ReadNamespacedConfigMapAsync("a", "default"));
    }

    [Fact]
    public async Task Update_of_a_custom_resource_requires_a_resource_version()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Widget("w"), TestCrds.Group, "v1", "default", TestCrds.Plural);
        var raw = await RawHttp.SendAsync(h.Server, HttpMethod.Put, "/apis/test.keel.dev/v1/namespaces/default/widgets/w",
            Objects.Widget("w", 2).ToJsonString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, raw.Status);
        Assert.Equal("Widget.test.keel.dev \"w\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update", (string?)raw.Json!["message"]);
    }
}

public sealed class WarningTests
{
    [Fact]
    public async Task Warnings_reach_the_client_as_299_warning_headers()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var raw = await RawHttp.SendAsync(h.Server, HttpMethod.Post, "/api/v1/namespaces/default/configmaps",
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a","finalizers":["plain"]}}""");
        Assert.Equal(HttpStatusCode.Created, raw.Status);
        Assert.Equal(
            "299 - \"metadata.finalizers: \\\"plain\\\": prefer a domain-qualified finalizer name including a path (/) to avoid accidental conflicts with other finalizer writers\"",
            Assert.Single(raw.Warnings));
    }
}
