using System.Threading.Channels;
using Keel.ApiServer.Storage;
using Microsoft.Extensions.Logging;

namespace Keel.ApiServer.Controllers;

/// <summary>
/// Feeds every committed change to the built-in controllers on one background task, asynchronously
/// like the real controller manager but promptly. The store enqueues under its lock, so a write's
/// consequences are counted as pending before the write returns: <see cref="WhenIdleAsync"/> is exact.
/// </summary>
public sealed class ControllerLoop : IAsyncDisposable
{
    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IdleTracker _idle = new();
    private readonly List<IClusterController> _controllers = [];
    private readonly ILogger _logger;
    private Task? _runner;

    public ControllerLoop(ObjectStore store, ILogger logger)
    {
        _logger = logger;
        store.AddListener(e => Enqueue(() => Dispatch(e)));
    }

    public void Add(IClusterController controller) => _controllers.Add(controller);

    public void Start() => _runner = Task.Run(RunAsync);

    /// <summary>
    /// Feeds every stored object to the controllers as ADDED, like an informer's initial list: after a
    /// snapshot is loaded the garbage collector rebuilds its owner index and a namespace that was
    /// terminating carries on.
    /// </summary>
    public void Resync(ObjectStore store)
    {
        foreach (var obj in store.All())
        {
            var e = new StoreEvent(StoreEventType.Added, obj, null);
            Enqueue(() => Dispatch(e));
        }
    }

    /// <summary>Queues work for the loop (a delayed action becoming due, a retry).</summary>
    public void Enqueue(Action action)
    {
        _idle.Add();
        if (!_work.Writer.TryWrite(action))
        {
            _idle.Done();
        }
    }

    /// <summary>Completes when every queued change and every consequence of it has been handled.</summary>
    public Task WhenIdleAsync(CancellationToken ct) => _idle.WhenIdleAsync(ct);

    private void Dispatch(StoreEvent e)
    {
        foreach (var controller in _controllers)
        {
            try
            {
                controller.Handle(e);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "{Controller} failed on {Type} {Resource} {Namespace}/{Name}",
                    controller.GetType().Name, e.Type, e.Object.Resource, e.Object.Namespace, e.Object.Name);
            }
        }
    }

    private async Task RunAsync()
    {
        await foreach (var action in _work.Reader.ReadAllAsync())
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "Controller work item failed");
            }
            finally
            {
                _idle.Done();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        if (_runner is not null)
        {
            await _runner;
        }
    }
}
