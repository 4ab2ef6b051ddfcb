namespace Keel.ApiServer.LoadTest;

internal static class LoadTest
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
