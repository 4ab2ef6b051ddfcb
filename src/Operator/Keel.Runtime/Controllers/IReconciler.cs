using Keel.Runtime.Resources;

namespace Keel.Runtime.Controllers;

/// <summary>
/// Brings one object's world to its desired state. Level-triggered: the request names only the object; read the
/// current state from the cache, compute, write what differs. Throwing means "failed, retry with backoff".
/// </summary>
public interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken);
}

/// <summary>The object to reconcile (controller-runtime's <c>reconcile.Request</c>).</summary>
public readonly record struct ReconcileRequest(ObjectKey Key)
{
    public string? Namespace => Key.Namespace;

    public string Name => Key.Name;

    public override string ToString() => Key.ToString();
}

/// <summary>Wraps a delegate as an <see cref="IReconciler"/>.</summary>
public sealed class DelegateReconciler(Func<ReconcileRequest, CancellationToken, Task<ReconcileResult>> reconcile) : IReconciler
{
    public Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken) => reconcile(request, cancellationToken);
}
