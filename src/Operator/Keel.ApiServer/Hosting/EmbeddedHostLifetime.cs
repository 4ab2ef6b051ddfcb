using Microsoft.Extensions.Hosting;

namespace Keel.ApiServer.Hosting;

/// <summary>
/// The server is embedded in someone else's process: it must not take over Ctrl+C or SIGTERM (the
/// default console lifetime does). Its owner stops it by disposing it.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
