using System.Net;
using k8s;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using Keel.Model.Serialization;
using Keel.Operator.Children;
using Keel.Operator.Status;
using Keel.Operator.Tests.Support;
using Keel.Runtime.Apply;
using Keel.Runtime.Cache;
using Keel.Runtime.Events;

namespace Keel.Operator.Tests.Unit;

/// <summary>The status and Events of one reconcile, computed from a real render of the single-node sample.</summary>
public sealed class StatusBuilderTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
    private readonly Kubernetes _client = new(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" });
    private readonly ChildKindCatalog _kinds;

    public StatusBuilderTests() => _kinds = new ChildKindCatalog(new InformerCache(_client));

    public void Dispose() => _client.Dispose();

    private static ModelService Sample()
    {
        var ms = KeelYaml.Deserialize<ModelService>(Repository.Read("samples", "single-node-hf", "modelservice.yaml"));
        ms.Metadata.NamespaceProperty = "default";
        ms.Metadata.Uid = "uid-1";
        ms.Metadata.Generation = 4;
        return ms;
    }

    private static RenderResult Render(ModelService ms, bool withPreset = true)
    {
        var preset = KeelYaml.Deserialize<BaseConfig>(Repository.Read("samples", "single-node-hf", "preset-baseconfig.yaml"));
        preset.Metadata.NamespaceProperty = "default";
        return ModelServiceRenderer.RenderOnce(new RenderRequest { ModelService = ms, Preset = withPreset ? PresetSource.From(preset) : null });
    }

    private ChildSyncResult Synced(RenderResult render, Func<RenderedChild, object?> live, params ApplyFailure[] failures)
    {
        var states = render.Children.Select(c => new ChildState(c, _kinds.For(c), (IKubernetesObject<V1ObjectMeta>?)live(c))).ToList();
        return new ChildSyncResult(states, [], failures, [], [], []);
    }

    private static object? Existing(RenderedChild child) => child.Object is V1Deployment d
        ? new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = d.Metadata.Name, Generation = 1 },
            Spec = new V1DeploymentSpec { Replicas = 1 },
            Status = new V1DeploymentStatus
            {
                ObservedGeneration = 1, Replicas = 1, UpdatedReplicas = 1, ReadyReplicas = 1, AvailableReplicas = 1,
                Conditions = [new V1DeploymentCondition { Type = "Available", Status = "True", Reason = "MinimumReplicasAvailable", Message = "ok", LastTransitionTime = Now.AddHours(-1) }],
            },
        }
        : (IKubernetesObject<V1ObjectMeta>)child.Object;

    [Fact]
    public void A_converged_modelservice_reports_its_children_ready_strings_and_every_condition_at_its_generation()
    {
        var ms = Sample();
        var render = Render(ms);
        var status = StatusBuilder.Build(new StatusInputs { ModelService = ms, Render = render, Sync = Synced(render, Existing), Kinds = _kinds, Now = Now });

        Assert.Equal((4L, "opt-125m-decode", "opt-125m-sa", "1/1", 1), (status.ObservedGeneration!.Value, status.DecodeDeploymentRef, status.DecodeServiceAccountRef, status.DecodeReady, status.DecodeAvailable!.Value));
        Assert.Null(status.PrefillServiceAccountRef);
        Assert.Null(status.PrefillReady);
        Assert.Equal(["Ready", "PresetsResolved", "Rendered", "WorkloadsReady", "RoutingReady", "DeprecatedPreset", "DecodeAvailable"], status.Conditions!.Select(c => c.Type));
        Assert.All(status.Conditions!, c => Assert.Equal(4, c.ObservedGeneration));
        Assert.Equal(("True", "NoRouting"), (status.Conditions!.Single(c => c.Type == "RoutingReady").Status, status.Conditions!.Single(c => c.Type == "RoutingReady").Reason));
        Assert.Equal(Now.AddHours(-1), status.Conditions!.Single(c => c.Type == "DecodeAvailable").LastTransitionTime);
        Assert.Equal("True", status.Conditions![0].Status);

        // Built again from its own result, the status is identical: nothing to write.
        ms.Status = status;
        var again = StatusBuilder.Build(new StatusInputs { ModelService = ms, Render = render, Sync = Synced(render, Existing), Kinds = _kinds, Now = Now.AddMinutes(5) });
        Assert.Equal(KubernetesJson.Serialize(status), KubernetesJson.Serialize(again));
    }

    [Fact]
    public void A_child_that_does_not_exist_has_no_reference_and_a_refused_child_decides_ready()
    {
        var ms = Sample();
        var render = Render(ms);
        var service = render.Children.Single(c => c.Role == ChildRole.DecodeService);
        var failure = new ApplyFailure(service, HttpStatusCode.UnprocessableEntity, "the API server refused Service opt-125m-service-decode: 422", Retryable: false);
        var status = StatusBuilder.Build(new StatusInputs
        {
            ModelService = ms, Render = render, Sync = Synced(render, c => c == service || c.Role == ChildRole.DecodeDeployment ? null : c.Object, failure), Kinds = _kinds, Now = Now,
        });
        Assert.Null(status.DecodeDeploymentRef);
        Assert.Null(status.DecodeReady);
        Assert.Equal("opt-125m-sa", status.DecodeServiceAccountRef);
        var ready = status.Conditions!.Single(c => c.Type == "Ready");
        Assert.Equal(("False", "ApplyFailed"), (ready.Status, ready.Reason));
        Assert.Contains("422", ready.Message, StringComparison.Ordinal);
        Assert.Equal("False", status.Conditions!.Single(c => c.Type == "WorkloadsReady").Status);
    }

    [Fact]
    public void A_failed_render_says_why_in_ready_and_leaves_workload_and_routing_unknown()
    {
        var ms = Sample();
        var render = Render(ms, withPreset: false);
        var status = StatusBuilder.Build(new StatusInputs { ModelService = ms, Render = render, Kinds = _kinds, Now = Now });
        var ready = status.Conditions!.Single(c => c.Type == "Ready");
        Assert.Equal(("False", "PresetNotFound"), (ready.Status, ready.Reason));
        Assert.Equal("Unknown", status.Conditions!.Single(c => c.Type == "WorkloadsReady").Status);
        Assert.Equal("Unknown", status.Conditions!.Single(c => c.Type == "RoutingReady").Status);
        Assert.Equal(4, status.ObservedGeneration);
    }

    [Fact]
    public void A_conflicting_modelservice_is_not_ready_and_names_the_holder()
    {
        var ms = Sample();
        var holder = Sample();
        holder.Metadata.Name = "older";
        holder.Metadata.CreationTimestamp = Now.AddDays(-1);
        var render = Render(ms);
        var status = StatusBuilder.Build(new StatusInputs { ModelService = ms, Render = render, Sync = Synced(render, _ => null), NameHolder = holder, Kinds = _kinds, Now = Now });
        Assert.Equal(("False", "ModelNameConflict"), (status.Conditions![0].Status, status.Conditions[0].Reason));
        Assert.Contains("ModelService older", status.Conditions!.Single(c => c.Type == "ModelNameConflict").Message, StringComparison.Ordinal);
        Assert.Null(status.DecodeDeploymentRef);
    }

    [Fact]
    public void Events_are_recorded_on_transitions_only()
    {
        var events = new RecordingEvents();
        var ms = Sample();
        var render = Render(ms);
        var sync = Synced(render, Existing);
        var first = StatusBuilder.Build(new StatusInputs { ModelService = ms, Render = render, Sync = sync, Kinds = _kinds, Now = Now });
        OperatorEvents.Record(events, ms, null, first.Conditions!, sync);
        Assert.Equal(["Normal Ready"], events.Recorded.Select(e => $"{e.Type} {e.Reason}"));

        events.Recorded.Clear();
        OperatorEvents.Record(events, ms, first.Conditions, first.Conditions!, sync);
        Assert.Empty(events.Recorded);

        var broken = Render(ms, withPreset: false);
        var failed = StatusBuilder.Build(new StatusInputs { ModelService = ms, Render = broken, Kinds = _kinds, Now = Now });
        OperatorEvents.Record(events, ms, first.Conditions, failed.Conditions!, null);
        Assert.Equal(["Warning PresetNotFound"], events.Recorded.Select(e => $"{e.Type} {e.Reason}"));
    }

    private sealed class RecordingEvents : IEventRecorder
    {
        public List<(EventType Type, string Reason, string Message)> Recorded { get; } = [];

        public void Record(IKubernetesObject<V1ObjectMeta> regarding, EventType type, string reason, string message) => Recorded.Add((type, reason, message));
    }
}
