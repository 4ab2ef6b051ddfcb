using System.Collections.Concurrent;
using k8s.Models;
using Keel.Runtime.Cache;
using Keel.Runtime.Controllers;
using Keel.Runtime.Informers;
using Keel.Runtime.Logging;
using Keel.Runtime.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Keel.Runtime.Tests.Logging;

/// <summary>Every log line of a reconcile carries the object key: as text on the console, as properties in JSON.</summary>
public sealed class ReconcileScopeTests
{
    [Fact]
    public void The_scope_reads_as_controller_key_and_short_id_and_enumerates_its_properties()
    {
        var scope = new ReconcileScope("modelservice", "team-a", "llama", "0123456789abcdef");

        Assert.Equal("modelservice team-a/llama #01234567", scope.ToString());
        Assert.Equal("modelservice nodes #01234567", new ReconcileScope("modelservice", null, "nodes", "0123456789abcdef").ToString());
        Assert.Equal(
            [new("controller", "modelservice"), new("namespace", "team-a"), new("name", "llama"), new("reconcileID", "0123456789abcdef")],
            scope.ToList());
    }

    [Fact]
    public async Task A_controller_logs_inside_the_scope_of_the_key_it_reconciles()
    {
        var scopes = new ConcurrentQueue<object?>();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(new ScopeCapturingProvider(scopes)));
        var api = new FakeApi();
        api.Kind<V1ConfigMap>().Store(Objects.ConfigMap("a", "team-a"));
        await using var cache = new InformerCache(api, new CacheOptions { Informer = new InformerOptions { ResyncPeriod = null } });
        var logger = loggers.CreateLogger("reconciler");
        var controller = new ControllerBuilder(cache, loggers: loggers).Named("sample").For<V1ConfigMap>().Complete((_, _) =>
        {
            logger.LogInformation("reconciling");
            return Task.FromResult(ReconcileResult.Success);
        });
        using var stop = new CancellationTokenSource();
        cache.Start(stop.Token);
        await controller.StartAsync(stop.Token);

        await Eventually.TrueAsync(() => scopes.OfType<ReconcileScope>().Any(), "a line logged in a reconcile scope");
        var scope = scopes.OfType<ReconcileScope>().First();
        Assert.Equal(("sample", "team-a", "a", 32), (scope.Controller, scope.Namespace, scope.Name, scope.ReconcileId.Length));
        Assert.StartsWith("sample team-a/a #", scope.ToString(), StringComparison.Ordinal);
        await controller.StopAsync(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
    }

    /// <summary>Records the innermost scope of every entry logged through it.</summary>
    private sealed class ScopeCapturingProvider(ConcurrentQueue<object?> scopes) : ILoggerProvider, ISupportExternalScope
    {
        private readonly ConcurrentQueue<object?> _scopes = scopes;
        private IExternalScopeProvider _scopeProvider = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string categoryName) => new Capturing(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopeProvider = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Capturing(ScopeCapturingProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopeProvider.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                object? innermost = null;
                owner._scopeProvider.ForEachScope((scope, _) => innermost = scope, (object?)null);
                owner._scopes.Enqueue(innermost);
            }
        }
    }
}
