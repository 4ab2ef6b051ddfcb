namespace Keel.Runtime.Tests.Support;

/// <summary>Awaitable conditions with generous timeouts: tests wait for a state, never for a fixed time.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(10);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }

    public static Task<T> WithinAsync<T>(Task<T> task, string what, TimeSpan? timeout = null)
        => task.WaitAsync(timeout ?? DefaultTimeout).ContinueWith(
            t => t.IsFaulted && t.Exception!.InnerException is TimeoutException ? throw new TimeoutException($"Timed out waiting for: {what}") : t.Result,
            TaskScheduler.Default);
}
