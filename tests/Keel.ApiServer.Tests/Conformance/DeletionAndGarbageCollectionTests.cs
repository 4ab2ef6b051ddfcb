using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

public sealed class DeletionAndGarbageCollectionTests
{
    private static async Task<(V1Deployment Owner, V1ConfigMap Dependent)> OwnerAndDependentAsync(ApiServerHarness h, bool block = true)
    {
        var owner = await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Objects.Deployment("owner"), "default");
        owner.ApiVersion = "apps/v1";
        owner.Kind = "Deployment";
        var dependent = Objects.ConfigMap("dependent");
        dependent.Metadata.OwnerReferences = [Objects.OwnerOf(owner, block: block)];
        return (owner, await h.Client.CoreV1.CreateNamespacedConfigMapAsync(dependent, "default"));
    }

    private static async Task<bool> ExistsAsync(ApiServerHarness h, string name)
    {
        var list = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default", fieldSelector: $"metadata.name={name}");
        return list.Items.Count > 0;
    }

    [Fact]
    public async Task Delete_with_a_finalizer_marks_the_object_and_removing_the_last_finalizer_deletes_it()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var cm = Objects.ConfigMap("held");
        cm.Metadata.Finalizers = ["test.keel.dev/hold"];
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(cm, "default");
        await h.Client.CoreV1.DeleteNamespacedConfigMapAsync("held", "default");
        var marked = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("held", "default");
        Assert.NotNull(marked.Metadata.DeletionTimestamp);
        marked.Metadata.Finalizers = [];
        await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(marked, "held", "default");
        Assert.False(await ExistsAsync(h, "held"));
    }

    [Fact]
    public async Task Background_deletion_collects_dependents()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await OwnerAndDependentAsync(h);
        await h.Client.AppsV1.DeleteNamespacedDeploymentAsync("owner", "default", propagationPolicy: "Background");
        await h.Server.WaitForGarbageCollectionAsync();
        Assert.False(await ExistsAsync(h, "dependent"));
    }

    [Fact]
    public async Task Foreground_deletion_keeps_the_owner_until_blocking_dependents_are_gone()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var (_, dependent) = await OwnerAndDependentAsync(h);
        dependent.Metadata.Finalizers = ["test.keel.dev/hold"];
        dependent = await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(dependent, "dependent", "default");
        await h.Client.AppsV1.DeleteNamespacedDeploymentAsync("owner", "default", propagationPolicy: "Foreground");
        await h.Server.WaitForGarbageCollectionAsync();
        var owner = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("owner", "default");
        Assert.Contains("foregroundDeletion", owner.Metadata.Finalizers);
        Assert.NotNull(owner.Metadata.DeletionTimestamp);
        var held = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("dependent", "default");
        Assert.NotNull(held.Metadata.DeletionTimestamp);

        held.Metadata.Finalizers = [];
        await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(held, "dependent", "default");
        await h.Server.WaitForGarbageCollectionAsync();
        var remaining = await h.Client.AppsV1.ListNamespacedDeploymentAsync("default");
        Assert.Empty(remaining.Items);
    }

    [Fact]
    public async Task Orphan_deletion_strips_owner_references_and_keeps_dependents()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await OwnerAndDependentAsync(h);
        await h.Client.AppsV1.DeleteNamespacedDeploymentAsync("owner", "default", propagationPolicy: "Orphan");
        await h.Server.WaitForGarbageCollectionAsync();
        var dependent = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("dependent", "default");
        Assert.Null(dependent.Metadata.OwnerReferences);
        Assert.Empty((await h.Client.AppsV1.ListNamespacedDeploymentAsync("default")).Items);
    }

    [Fact]
    public async Task A_dependent_keeps_living_while_another_owner_exists_and_loses_the_dangling_reference()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var (owner, dependent) = await OwnerAndDependentAsync(h);
        var second = await h.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "second" } }, "default");
        second.ApiVersion = "v1";
        second.Kind = "Secret";
        dependent.Metadata.OwnerReferences = [Objects.OwnerOf(owner), Objects.OwnerOf(second, controller: false)];
        await h.Client.CoreV1.ReplaceNamespacedConfigMapAsync(dependent, "dependent", "default");
        await h.Client.AppsV1.DeleteNamespacedDeploymentAsync("owner", "default");
        await h.Server.WaitForGarbageCollectionAsync();
        var survivor = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("dependent", "default");
        Assert.Equal(["second"], survivor.Metadata.OwnerReferences.Select(r => r.Name));
    }

    [Fact]
    public async Task An_owner_reference_that_does_not_resolve_in_the_dependents_namespace_is_an_absent_owner()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var owner = await h.Client.CoreV1.CreateNamespacedSecretAsync(new V1Secret { Metadata = new V1ObjectMeta { Name = "owner" } }, "kube-system");
        owner.ApiVersion = "v1";
        owner.Kind = "Secret";
        var dependent = Objects.ConfigMap("cross");
        dependent.Metadata.OwnerReferences = [Objects.OwnerOf(owner)];
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(dependent, "default");
        await h.Server.WaitForGarbageCollectionAsync();
        Assert.False(await ExistsAsync(h, "cross"));
        Assert.NotNull(await h.Client.CoreV1.ReadNamespacedSecretAsync("owner", "kube-system"));
    }

    [Fact]
    public async Task Deleting_a_namespace_deletes_its_content_then_the_namespace()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = "team" } });
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "team");
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Objects.Deployment("web"), "team");
        await h.Client.CoreV1.DeleteNamespaceAsync("team");
        await h.Server.WaitForGarbageCollectionAsync();
        var namespaces = await h.Client.CoreV1.ListNamespaceAsync();
        Assert.DoesNotContain(namespaces.Items, n => n.Metadata.Name == "team");
        Assert.Empty((await h.Client.CoreV1.ListNamespacedConfigMapAsync("team")).Items);
    }

    [Fact]
    public async Task Delete_preconditions_are_checked()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "default");
        var error = await Assert.ThrowsAsync<HttpOperationException>(() => h.Client.CoreV1.DeleteNamespacedConfigMapAsync("a", "default",
            new V1DeleteOptions { Preconditions = new V1Preconditions { Uid = "not-the-uid" } }));
        Assert.Equal(HttpStatusCode.Conflict, error.Response.StatusCode);
        Assert.Contains("Precondition failed: UID in precondition: not-the-uid", error.Response.Content);
    }

    [Fact]
    public async Task Deletecollection_deletes_what_the_selector_matches()
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a", new() { ["x"] = "1" }), "default");
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("b", new() { ["x"] = "2" }), "default");
        await h.Client.CoreV1.DeleteCollectionNamespacedConfigMapAsync("default", labelSelector: "x=1");
        var left = await h.Client.CoreV1.ListNamespacedConfigMapAsync("default");
        Assert.Equal(["b"], left.Items.Select(i => i.Metadata.Name));
    }
}
