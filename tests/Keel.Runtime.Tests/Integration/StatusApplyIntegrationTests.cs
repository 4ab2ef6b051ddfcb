using k8s;
using k8s.Models;
using Keel.Annotations;
using Keel.Runtime.Apply;
using Keel.Runtime.Cache;
using Keel.Runtime.Informers;
using Keel.Runtime.Metrics;
using Keel.Runtime.Resources;
using Keel.Runtime.Tests.Support;

namespace Keel.Runtime.Tests.Integration;

/// <summary>A typed custom resource: apply of spec and of status (through /status), each skipped when unchanged.</summary>
public sealed class StatusApplyIntegrationTests
{
    private const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.test.keel.dev
        spec:
          group: test.keel.dev
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      size: {type: integer}
                      color: {type: string, default: blue}
                  status:
                    type: object
                    properties:
                      phase: {type: string}
                      observedGeneration: {type: integer, format: int64}
        """;

    [Fact]
    public async Task Spec_and_status_applies_go_to_the_right_endpoint_and_are_skipped_when_unchanged()
    {
        await using var cluster = await TestCluster.StartAsync();
        await cluster.Server.InstallCrdAsync(WidgetCrd);
        using var client = cluster.NewClient();
        await using var cache = new InformerCache(client, new CacheOptions { Informer = new InformerOptions { ResyncPeriod = null } });
        var widgets = cache.For<Widget>();
        using var stop = new CancellationTokenSource();
        cache.Start(stop.Token);
        await cache.WaitForSyncAsync().WaitAsync(Eventually.DefaultTimeout);
        var writer = new ObjectWriter(client, "widget-operator", cache, new RuntimeMetrics());
        var key = new ObjectKey("default", "w");

        var created = await writer.ApplyAsync(new Widget { Metadata = new V1ObjectMeta { Name = "w", NamespaceProperty = "default" }, Spec = new WidgetSpec { Size = 3 } });
        Assert.Equal(ApplyOutcome.Applied, created.Outcome);
        Assert.Equal("blue", created.Object!.Spec!.Color); // defaulted by the schema, not ours
        await Eventually.TrueAsync(() => widgets.Peek(key) is not null, "the widget in the cache");

        var status = new Widget { Metadata = new V1ObjectMeta { Name = "w", NamespaceProperty = "default" }, Status = new WidgetStatus { Phase = "Ready", ObservedGeneration = 1 } };
        var mark = cluster.Server.Requests.Mark();
        Assert.Equal(ApplyOutcome.Applied, (await writer.ApplyStatusAsync(status)).Outcome);
        var write = Assert.Single(cluster.Server.Requests.WritesSince(mark));
        Assert.Equal(("patch", "status"), (write.Verb, write.Subresource));
        await Eventually.TrueAsync(() => widgets.Peek(key)?.Status?.Phase == "Ready", "the status in the cache");

        mark = cluster.Server.Requests.Mark();
        var again = new Widget { Metadata = new V1ObjectMeta { Name = "w", NamespaceProperty = "default" }, Spec = new WidgetSpec { Size = 3 } };
        Assert.Equal(ApplyOutcome.Unchanged, (await writer.ApplyAsync(again)).Outcome);
        Assert.Equal(ApplyOutcome.Unchanged, (await writer.ApplyStatusAsync(status)).Outcome);
        Assert.Empty(cluster.Server.Requests.WritesSince(mark));

        var spec = await writer.ApplyAsync(new Widget { Metadata = new V1ObjectMeta { Name = "w", NamespaceProperty = "default" }, Spec = new WidgetSpec { Size = 4 } });
        Assert.Equal((ApplyOutcome.Applied, ".spec.size: differs"), (spec.Outcome, spec.Reason));
        Assert.Equal("Ready", spec.Object!.Status!.Phase); // a main-resource apply leaves status alone
        await stop.CancelAsync();
    }
}

[CustomResource("test.keel.dev", "v1", "Widget", Plural = "widgets")]
public sealed class Widget : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "test.keel.dev/v1";

    public string Kind { get; set; } = "Widget";

    public V1ObjectMeta Metadata { get; set; } = new();

    public WidgetSpec? Spec { get; set; }

    public WidgetStatus? Status { get; set; }
}

public sealed class WidgetSpec
{
    public int? Size { get; set; }

    public string? Color { get; set; }
}

public sealed class WidgetStatus
{
    public string? Phase { get; set; }

    public long? ObservedGeneration { get; set; }
}
