using Keel.Runtime.Logging;
using Keel.Runtime.Metrics;
using Keel.Runtime.Queue;
using Keel.Runtime.Resources;
using Microsoft.Extensions.Logging;

namespace Keel.Runtime.Controllers;

/// <summary>
/// One controller: a work queue of primary keys fed by its watch sources, and workers that reconcile the keys
/// (controller-runtime's <c>controller.Controller</c>). Build it with <see cref="ControllerBuilder"/>.
/// Started and stopped by the manager (only while it leads, when leader election is on); each start gets a fresh
/// queue that the sources fill by replaying the cache, so nothing is lost across a leadership change.
/// </summary>
public sealed class Controller
{
    private readonly IReconciler _reconciler;
    private readonly IReadOnlyList<IWatchSource> _sources;
    private readonly RuntimeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Run? _run;

    internal Controller(string name, Type primaryType, ControllerOptions options, IReconciler reconciler, IReadOnlyList<IWatchSource> sources,
        RuntimeMetrics metrics, ILoggerFactory loggers, TimeProvider time)
    {
        Name = name;
        PrimaryType = primaryType;
        Options = options;
        _reconciler = reconciler;
        _sources = sources;
        _metrics = metrics;
        _time = time;
        _logger = loggers.CreateLogger($"Keel.Runtime.Controller.{name}");
        _metrics.MaxConcurrentReconciles.WithLabels(name).Set(options.MaxConcurrentReconciles);
        _metrics.ActiveWorkers.WithLabels(name).Set(0);
        foreach (var result in new[] { "success", "error", "requeue", "requeue_after" })
        {
            _metrics.ReconcileTotal.WithLabels(name, result);
        }

        _metrics.ReconcileErrors.WithLabels(name);
        _metrics.TerminalReconcileErrors.WithLabels(name);
    }

    public string Name { get; }

    public Type PrimaryType { get; }

    public ControllerOptions Options { get; }

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _run is not null;
            }
        }
    }

    /// <summary>Keys waiting to reconcile right now (0 when stopped).</summary>
    public int QueueDepth
    {
        get
        {
            lock (_gate)
            {
                return _run?.Queue.Count ?? 0;
            }
        }
    }

    /// <summary>Asks for a reconcile of <paramref name="key"/> (ignored while the controller is stopped).</summary>
    public void Enqueue(ObjectKey key)
    {
        lock (_gate)
        {
            _run?.Queue.Add(key);
        }
    }

    /// <summary>Waits for the watched kinds' caches, attaches the sources (which replay the cache) and starts the workers.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using (var syncTimeout = new CancellationTokenSource(Options.CacheSyncTimeout, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, syncTimeout.Token))
        {
            try
            {
                await Task.WhenAll(_sources.Select(s => s.Informer.WaitForSyncAsync(linked.Token))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (syncTimeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Controller {Name}: the caches of {string.Join(", ", _sources.Where(s => !s.Informer.HasSynced).Select(s => s.Informer.ObjectType.Name))} did not sync within {Options.CacheSyncTimeout}.");
            }
        }

        lock (_gate)
        {
            if (_run is not null)
            {
                return;
            }

            var observer = new QueueMetricsObserver(_metrics, Name);
            var queue = new WorkQueue<ObjectKey>(Options.RateLimiter ?? RateLimiters.Default<ObjectKey>(_time), observer, _time);
            var run = new Run(queue, observer.TrackGauges(queue));
            foreach (var source in _sources)
            {
                run.Registrations.Add(source.Attach(queue.Add));
            }

            for (var i = 0; i < Options.MaxConcurrentReconciles; i++)
            {
                run.Workers.Add(Task.Run(() => WorkAsync(run), CancellationToken.None));
            }

            _run = run;
        }

        _logger.LogInformation("Controller {Controller} started with {Workers} workers", Name, Options.MaxConcurrentReconciles);
    }

    /// <summary>
    /// Stops taking work, lets in-flight reconciles finish until <paramref name="drainTimeout"/>, then cancels them and
    /// waits for them to return.
    /// </summary>
    public async Task StopAsync(TimeSpan drainTimeout)
    {
        Run? run;
        lock (_gate)
        {
            run = _run;
            _run = null;
        }

        if (run is null)
        {
            return;
        }

        foreach (var registration in run.Registrations)
        {
            registration.Dispose();
        }

        run.Stopping = true;
        run.Queue.ShutDown();
        var workers = Task.WhenAll(run.Workers);
        try
        {
            await workers.WaitAsync(drainTimeout, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Controller {Controller}: in-flight reconciles did not finish within {Timeout}; cancelling them", Name, drainTimeout);
            await run.Cancellation.CancelAsync().ConfigureAwait(false);
            await workers.ConfigureAwait(false);
        }

        run.Gauges.Dispose();
        run.Queue.Dispose();
        run.Cancellation.Dispose();
        _metrics.ActiveWorkers.WithLabels(Name).Set(0);
        _logger.LogInformation("Controller {Controller} stopped", Name);
    }

    private async Task WorkAsync(Run run)
    {
        while (true)
        {
            var item = await run.Queue.GetAsync().ConfigureAwait(false);
            if (item.IsShutdown)
            {
                return;
            }

            try
            {
                if (!run.Stopping)
                {
                    await ReconcileOneAsync(run, item.Key).ConfigureAwait(false);
                }
            }
            finally
            {
                run.Queue.Done(item.Key);
            }
        }
    }

    private async Task ReconcileOneAsync(Run run, ObjectKey key)
    {
        var active = _metrics.ActiveWorkers.WithLabels(Name);
        active.Inc();
        var started = _time.GetTimestamp();
        using var scope = _logger.BeginScope(new ReconcileScope(Name, key.Namespace, key.Name, Guid.NewGuid().ToString("N")));
        string label;
        try
        {
            using var timeout = Options.ReconcileTimeout is { } limit ? new CancellationTokenSource(limit, _time) : null;
            using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation.Token, timeout.Token);
            var result = await _reconciler.ReconcileAsync(new ReconcileRequest(key), linked?.Token ?? run.Cancellation.Token).ConfigureAwait(false);
            label = Handle(run.Queue, key, result ?? ReconcileResult.Success);
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            label = "error";
            _logger.LogInformation("Reconcile of {Key} cancelled by shutdown", key);
        }
#pragma warning disable CA1031 // A failing reconcile is an outcome (retry with backoff), never a crash.
        catch (Exception e)
#pragma warning restore CA1031
        {
            label = "error";
            _metrics.ReconcileErrors.WithLabels(Name).Inc();
            run.Queue.AddRateLimited(key);
            _logger.LogError(e, "Reconciler error for {Key}; retry {Attempt} after backoff", key, run.Queue.NumRequeues(key));
        }
        finally
        {
            active.Dec();
        }

        _metrics.ReconcileTotal.WithLabels(Name, label).Inc();
        _metrics.ReconcileTime.WithLabels(Name).Observe(_time.GetElapsedTime(started).TotalSeconds);
    }

    private string Handle(WorkQueue<ObjectKey> queue, ObjectKey key, ReconcileResult result)
    {
        switch (result.Outcome)
        {
            case ReconcileOutcome.RequeueAfter:
                queue.Forget(key);
                queue.AddAfter(key, result.After!.Value);
                return "requeue_after";
            case ReconcileOutcome.Requeue:
                queue.AddRateLimited(key);
                return "requeue";
            case ReconcileOutcome.Terminal:
                queue.Forget(key);
                _metrics.ReconcileErrors.WithLabels(Name).Inc();
                _metrics.TerminalReconcileErrors.WithLabels(Name).Inc();
                if ((result.After ?? Options.TerminalRequeueAfter) is { } after)
                {
                    queue.AddAfter(key, after);
                }

                _logger.LogWarning("Reconcile of {Key} cannot succeed until its input changes: {Reason}", key, result.Reason);
                return "error";
            default:
                queue.Forget(key);
                return "success";
        }
    }

    private sealed class Run(WorkQueue<ObjectKey> queue, IDisposable gauges)
    {
        public WorkQueue<ObjectKey> Queue { get; } = queue;

        public IDisposable Gauges { get; } = gauges;

        public List<IDisposable> Registrations { get; } = [];

        public List<Task> Workers { get; } = [];

        public CancellationTokenSource Cancellation { get; } = new();

        public volatile bool Stopping;
    }
}
