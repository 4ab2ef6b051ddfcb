using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using Keel.Runtime.Informers;
using Keel.Runtime.Rbac;
using Keel.Runtime.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Runtime.Cache;

/// <summary>
/// The shared cache: one informer per kind, shared by every controller and reader that asks for the kind
/// (controller-runtime's informer cache). Informers asked for before <see cref="Start"/> start with it; those
/// asked for later start at once.
/// </summary>
public sealed class InformerCache : IAsyncDisposable
{
    private readonly IListWatchClientFactory _clients;
    private readonly ILoggerFactory _loggers;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<Type, Entry> _entries = new();
    private readonly ConcurrentDictionary<Type, Func<InformerOptions, InformerOptions>> _kindOptions = new();
    private readonly Lock _gate = new();
    private CancellationTokenSource? _running;

    public InformerCache(IKubernetes client, CacheOptions? options = null, ILoggerFactory? loggers = null, TimeProvider? time = null, PermissionSet? permissions = null)
        : this(new KubernetesListWatchClientFactory(client), options, loggers, time, permissions)
    {
    }

    public InformerCache(IListWatchClientFactory clients, CacheOptions? options = null, ILoggerFactory? loggers = null, TimeProvider? time = null, PermissionSet? permissions = null)
    {
        _clients = clients ?? throw new ArgumentNullException(nameof(clients));
        Options = options ?? new CacheOptions();
        _loggers = loggers ?? NullLoggerFactory.Instance;
        _time = time ?? TimeProvider.System;
        Permissions = permissions ?? new PermissionSet();
    }

    /// <summary>The reason the cache gives for list/watch; explanations omit it when a controller gives a better one.</summary>
    public const string InformerReason = "read through the shared cache";

    public CacheOptions Options { get; }

    /// <summary>What the cache and the controllers built on it need RBAC for: list/watch of every kind with an informer.</summary>
    public PermissionSet Permissions { get; }

    /// <summary>True when every informer created so far has synced.</summary>
    public bool HasSynced => _entries.Values.All(e => e.Informer.HasSynced);

    /// <summary>The informers created so far.</summary>
    public IReadOnlyCollection<IInformer> Informers => [.. _entries.Values.Select(e => e.Informer)];

    /// <summary>
    /// Overrides the list/watch settings of one kind (namespace, selectors, timeouts). Must come before the kind's
    /// informer is created.
    /// </summary>
    public void ConfigureKind<T>(Func<InformerOptions, InformerOptions> configure)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(configure);
        if (_entries.ContainsKey(typeof(T)))
        {
            throw new InvalidOperationException($"The informer for {typeof(T).Name} already exists; configure it before first use.");
        }

        _kindOptions[typeof(T)] = configure;
    }

    /// <summary>The kind's informer, created (and started, if the cache runs) on first use.</summary>
    public Informer<T> GetInformer<T>()
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (_entries.TryGetValue(typeof(T), out var existing))
        {
            return (Informer<T>)existing.Informer;
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(typeof(T), out existing))
            {
                return (Informer<T>)existing.Informer;
            }

            var info = ResourceRegistry.Get<T>();
            Permissions.ListWatch(info, InformerReason);
            var options = Options.Informer with { Namespace = info.Namespaced ? Options.Namespace : null };
            if (_kindOptions.TryGetValue(typeof(T), out var configure))
            {
                options = configure(options);
            }

            var informer = new Informer<T>(_clients.Create<T>(), options, _loggers.CreateLogger($"Keel.Runtime.Informer.{info.Resource}"), _time);
            var entry = new Entry(informer);
            _entries[typeof(T)] = entry;
            if (_running is { } running)
            {
                entry.Start(running.Token);
            }

            return informer;
        }
    }

    /// <summary>A reader over the kind's shared store.</summary>
    public IObjectCache<T> For<T>()
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var informer = GetInformer<T>();
        return new CacheReader<T>(informer.Store, () => informer.HasSynced, Options.CopyOnRead);
    }

    /// <summary>Starts every informer; informers created later start on creation.</summary>
    public void Start(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_running is not null)
            {
                return;
            }

            _running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            foreach (var entry in _entries.Values)
            {
                entry.Start(_running.Token);
            }
        }
    }

    /// <summary>Waits until every informer created so far has synced.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken = default)
        => Task.WhenAll(_entries.Values.Select(e => e.Informer.WaitForSyncAsync(cancellationToken)));

    /// <summary>Stops every informer and waits for their loops to end.</summary>
    public async Task StopAsync()
    {
        CancellationTokenSource? running;
        lock (_gate)
        {
            running = _running;
            _running = null;
        }

        if (running is null)
        {
            return;
        }

        await running.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_entries.Values.Select(e => e.Completion)).ConfigureAwait(false);
        running.Dispose();
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private sealed class Entry(IInformer informer)
    {
        public IInformer Informer { get; } = informer;

        public Task Completion { get; private set; } = Task.CompletedTask;

        public void Start(CancellationToken cancellationToken) => Completion = Task.Run(() => Informer.RunAsync(cancellationToken), CancellationToken.None);
    }
}
