using System.Collections.Concurrent;
using System.Text;
using k8s.Models;
using Keel.Runtime.Apply;
using Keel.Runtime.Cache;
using Keel.Runtime.Controllers;
using Keel.Runtime.Events;
using Keel.Runtime.Hosting;
using Keel.Runtime.Resources;

namespace Keel.Runtime.Tests.Integration;

/// <summary>
/// The sample controller of the developer guide: every ConfigMap labelled <c>copy=yes</c> gets an owned Secret
/// <c>&lt;name&gt;-copy</c> with the same data; a Secret it owns but no longer wants is pruned.
/// </summary>
internal sealed class CopyReconciler(ControllerManager manager) : IReconciler
{
    private readonly IObjectCache<V1ConfigMap> _configMaps = manager.GetCache<V1ConfigMap>();
    private readonly IObjectCache<V1Secret> _secrets = manager.GetCache<V1Secret>();

    public ConcurrentQueue<ObjectKey> Reconciled { get; } = new();

    /// <summary>Why each apply that went out was needed (the no-op check's answer).</summary>
    public ConcurrentQueue<string> ApplyReasons { get; } = new();

    public static void Register(ControllerManager manager, CopyReconciler reconciler)
        => manager.NewController().Named("copy").For<V1ConfigMap>().Owns<V1Secret>().Complete(reconciler);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        Reconciled.Enqueue(request.Key);
        var source = _configMaps.Get(request.Key);
        if (source is null)
        {
            return ReconcileResult.Success; // garbage collection removes the copy
        }

        var desired = new HashSet<ObjectKey>();
        if (source.Metadata.Labels?.TryGetValue("copy", out var copyLabel) == true && copyLabel == "yes")
        {
            var copy = new V1Secret
            {
                ApiVersion = "v1",
                Kind = "Secret",
                Metadata = new V1ObjectMeta
                {
                    Name = source.Metadata.Name + "-copy",
                    NamespaceProperty = source.Metadata.NamespaceProperty,
                    Labels = new Dictionary<string, string> { ["copied-from"] = source.Metadata.Name },
                    OwnerReferences = [KubeObject.ControllerReference(source)],
                },
                Data = source.Data?.ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetBytes(kv.Value)),
            };
            desired.Add(ObjectKey.From(copy));
            var result = await manager.Writer.ApplyAsync(copy, cancellationToken: cancellationToken);
            if (result.Outcome == ApplyOutcome.Applied)
            {
                ApplyReasons.Enqueue(result.Reason!);
                manager.Events.Normal(source, "Copied", $"Applied {copy.Metadata.Name}");
            }
        }

        await manager.Writer.PruneAsync(_secrets.ControlledBy(source.Metadata.Uid), desired, cancellationToken: cancellationToken);
        return ReconcileResult.Success;
    }
}
