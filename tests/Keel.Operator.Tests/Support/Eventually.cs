namespace Keel.Operator.Tests.Support;

/// <summary>Awaitable conditions with generous timeouts: tests wait for a state, never for a fixed time.</summary>
internal static class Eventually
{
    // Only a failing test waits this long; a loaded 2-core CI machine needs the margin (45 s timed out under load 13).
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {what}");
            }

            await Task.Delay(20);
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

            await Task.Delay(25);
        }
    }

    /// <summary>Waits until <paramref name="get"/> returns a value satisfying <paramref name="condition"/>, and returns it.</summary>
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> get, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        T last;
        while (!condition(last = await get()))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for: {what}; last value: {Describe(last)}");
            }

            await Task.Delay(25);
        }

        return last;
    }

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        Keel.Model.Api.ModelService ms => string.Join(", ", (ms.Status?.Conditions ?? []).Select(c => $"{c.Type}={c.Status} ({c.Reason}: {c.Message})")),
        _ => value.ToString() ?? "?",
    };
}
