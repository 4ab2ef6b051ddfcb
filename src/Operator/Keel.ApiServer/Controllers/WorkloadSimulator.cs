using System.Text.Json.Nodes;
using Keel.ApiServer.Http;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;

namespace Keel.ApiServer.Controllers;

/// <summary>
/// For the embedded demo only (off by default): nothing runs pods here, so this stands in for the
/// deployment controller and kubelets by reporting each Deployment ready, at its current generation,
/// a configurable delay after it changes.
/// </summary>
public sealed class WorkloadSimulator : IClusterController
{
    private static readonly GroupResource Deployments = new("apps", "deployments");
    private static readonly WriteRequest Write = WriteRequest.Internal("keel-workload-simulator");

    private readonly ObjectStore _store;
    private readonly ResourceRegistry _registry;
    private readonly ObjectWriter _writer;
    private readonly ControllerLoop _loop;
    private readonly TimeSpan _delay;
    private readonly TimeProvider _clock;

    public WorkloadSimulator(ObjectStore store, ResourceRegistry registry, ObjectWriter writer, ControllerLoop loop, TimeSpan delay, TimeProvider clock)
    {
        _store = store;
        _registry = registry;
        _writer = writer;
        _loop = loop;
        _delay = delay;
        _clock = clock;
    }

    public void Handle(StoreEvent e)
    {
        if (e.Object.Resource != Deployments || e.Type == StoreEventType.Deleted || IsReady(e.Object.Object) || Meta.IsDeleting(e.Object.Object))
        {
            return;
        }

        var (ns, name) = (e.Object.Namespace, e.Object.Name);
        if (_delay <= TimeSpan.Zero)
        {
            MarkReady(ns, name);
            return;
        }

        _ = Task.Delay(_delay, _clock).ContinueWith(_ => _loop.Enqueue(() => MarkReady(ns, name)), TaskScheduler.Default);
    }

    private static bool IsReady(JsonObject deployment)
    {
        var replicas = JsonNumbers.Long(deployment["spec"]?["replicas"]) ?? 1;
        var status = deployment["status"];
        return JsonNumbers.Long(status?["observedGeneration"]) == Meta.Generation(deployment) &&
               (JsonNumbers.Long(status?["readyReplicas"]) ?? 0) == replicas &&
               (JsonNumbers.Long(status?["availableReplicas"]) ?? 0) == replicas &&
               (JsonNumbers.Long(status?["replicas"]) ?? 0) == replicas;
    }

    private void MarkReady(string ns, string name)
    {
        if (_store.Get(Deployments, ns, name) is not { } current || IsReady(current.Object) || _registry.StorageVersion(Deployments) is not { } resource)
        {
            return;
        }

        try
        {
            _writer.Mutate(resource, ns, name, "status", Write, live =>
            {
                var copy = live.CloneObject();
                var replicas = JsonNumbers.Long(copy["spec"]?["replicas"]) ?? 1;
                var now = ObjectTime.Format(_writer.Now);
                copy["status"] = new JsonObject
                {
                    ["observedGeneration"] = Meta.Generation(copy),
                    ["replicas"] = replicas,
                    ["updatedReplicas"] = replicas,
                    ["readyReplicas"] = replicas,
                    ["availableReplicas"] = replicas,
                    ["conditions"] = new JsonArray(
                        Condition("Available", "MinimumReplicasAvailable", "Deployment has minimum availability.", now),
                        Condition("Progressing", "NewReplicaSetAvailable", $"ReplicaSet \"{name}\" has successfully progressed.", now)),
                };
                return copy;
            });
        }
        catch (ApiException e) when (e.Code is 404 or 409 or 422)
        {
            // Gone or changed meanwhile; the change event schedules another pass.
        }
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastUpdateTime"] = now,
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };
}
