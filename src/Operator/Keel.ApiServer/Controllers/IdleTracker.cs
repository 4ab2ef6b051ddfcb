namespace Keel.ApiServer.Controllers;

/// <summary>Counts outstanding controller work so tests can await quiescence deterministically.</summary>
public sealed class IdleTracker
{
    private readonly Lock _gate = new();
    private int _pending;
    private TaskCompletionSource _idle = NewCompleted();

    public void Add()
    {
        lock (_gate)
        {
            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Done()
    {
        TaskCompletionSource? toComplete = null;
        lock (_gate)
        {
            if (--_pending == 0)
            {
                toComplete = _idle;
            }
        }

        toComplete?.TrySetResult();
    }

    public Task WhenIdleAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(ct);
        }
    }

    private static TaskCompletionSource NewCompleted()
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tcs.SetResult();
        return tcs;
    }
}
