using Keel.Runtime.LeaderElection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Keel.Runtime.Hosting;

/// <summary>Runs a <see cref="ControllerManager"/> as a hosted service of a .NET generic host.</summary>
public static class HostingExtensions
{
    /// <summary>
    /// Registers the manager (built by <paramref name="factory"/>, where controllers are declared) and a hosted service
    /// that runs it. Give the host a <c>HostOptions.ShutdownTimeout</c> longer than the manager's graceful shutdown.
    /// </summary>
    public static IServiceCollection AddControllerManager(this IServiceCollection services, Func<IServiceProvider, ControllerManager> factory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton(factory);
        services.AddHostedService<ControllerManagerService>();
        return services;
    }
}

/// <summary>The hosted service behind <see cref="HostingExtensions.AddControllerManager"/>: a lost lease (with the Exit behavior) or a failure stops the host with exit code 1.</summary>
public sealed class ControllerManagerService(ControllerManager manager, IHostApplicationLifetime lifetime, ILogger<ControllerManagerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await manager.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (LeadershipLostException e)
        {
            logger.LogError("{Message} Exiting so a fresh process can campaign again.", e.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogCritical(e, "The controller manager failed");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
