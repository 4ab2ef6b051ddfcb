using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Keel.Runtime.Hosting;

/// <summary>A minimal Kestrel server for the metrics and probe endpoints (paths mapped to handlers).</summary>
internal sealed class ProbeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProbeServer(WebApplication app) => _app = app;

    /// <summary>The address actually bound (the real port when 0 was asked for).</summary>
    public Uri Address { get; private set; } = null!;

    public static async Task<ProbeServer> StartAsync(IPEndPoint endpoint, IReadOnlyDictionary<string, RequestDelegate> routes, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(endpoint));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(context => routes.TryGetValue(context.Request.Path.Value ?? "", out var handler)
            ? handler(context)
            : NotFound(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var server = new ProbeServer(app);
        var bound = app.Services.GetService(typeof(IServer)) is IServer s ? s.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() : null;
        server.Address = new Uri((bound ?? $"http://{endpoint}").Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal));
        loggers.CreateLogger("Keel.Runtime.ProbeServer").LogInformation("Serving {Paths} on {Address}", string.Join(", ", routes.Keys), server.Address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = (int)HttpStatusCode.NotFound;
        return Task.CompletedTask;
    }
}
