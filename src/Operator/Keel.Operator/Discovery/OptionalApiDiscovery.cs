using k8s;
using k8s.Autorest;
using Keel.Operator.Children;
using Keel.Runtime.Client;
using Keel.Runtime.Resources;
using Microsoft.Extensions.Logging;

namespace Keel.Operator.Discovery;

/// <summary>
/// Finds out which optional child kinds (InferencePool, InferenceObjective, InferenceModel, HTTPRoute) the API server
/// serves, and keeps finding out: the group/version list from discovery (<c>/apis</c>), then, for a group/version that
/// is served but whose kind is not yet known, a one-item list of the resource (a group/version may be served without
/// every kind in it). A kind that appears gets an informer whose events enqueue the controlling ModelService, and every
/// ModelService is re-queued so those waiting for it get their children; a kind that disappears is reported the same
/// way. The operator never crashes or stalls on a missing CRD: the ModelServices that need it say so in a condition.
/// </summary>
public sealed class OptionalApiDiscovery : IDisposable
{
    private readonly IKubernetes _client;
    private readonly ChildKindCatalog _kinds;
    private readonly string? _namespace;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _syncTimeout;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    public OptionalApiDiscovery(IKubernetes client, ChildKindCatalog kinds, string? watchNamespace, TimeSpan interval, ILogger logger, TimeProvider? time = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _kinds = kinds ?? throw new ArgumentNullException(nameof(kinds));
        _namespace = watchNamespace;
        _interval = interval > TimeSpan.Zero ? interval : throw new ArgumentOutOfRangeException(nameof(interval), "The discovery interval must be positive.");
        _syncTimeout = TimeSpan.FromSeconds(30);
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Completes after the first successful discovery: until then no reconcile can tell a missing API from an unknown one.</summary>
    public Task Initialized => _initialized.Task;

    /// <summary>Enqueues a ModelService by key (wired to the controller once it exists).</summary>
    public Action<ObjectKey> EnqueueOwner { get; set; } = _ => { };

    /// <summary>Called after a kind appeared or disappeared (the operator re-queues every ModelService).</summary>
    public Action<IReadOnlyList<ChildKind>> Changed { get; set; } = _ => { };

    /// <summary>Discovers now, then every interval, until cancelled. Failures are logged and retried.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Discovery failures are retried on the next round, never fatal.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogWarning(e, "API discovery failed; retrying in {Interval}", _interval);
            }

            try
            {
                await Task.Delay(_interval, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One discovery round; returns the kinds whose availability changed.</summary>
    public async Task<IReadOnlyList<ChildKind>> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var groups = await _client.Apis.GetAPIVersionsAsync(cancellationToken).ConfigureAwait(false);
            var served = new HashSet<string>(
                groups.Groups?.SelectMany(g => g.Versions ?? []).Select(v => v.GroupVersion) ?? [], StringComparer.Ordinal);
            var changed = new List<ChildKind>();
            foreach (var kind in _kinds.Optional)
            {
                var isServed = served.Contains(kind.Resource.ApiVersion) && (kind.IsServed || await ServesResourceAsync(kind, cancellationToken).ConfigureAwait(false));
                if (isServed && !kind.IsServed)
                {
                    if (await StartWatchingAsync(kind, cancellationToken).ConfigureAwait(false))
                    {
                        kind.MarkServed(true);
                        changed.Add(kind);
                        Log(LogLevel.Information, "{Kind} is served: watching it; ModelServices that need it are reconciled again", kind);
                    }
                }
                else if (!isServed && kind.IsServed)
                {
                    kind.MarkServed(false);
                    changed.Add(kind);
                    _logger.LogWarning("{Kind} is no longer served (its CRD was removed?); ModelServices that need it report it", kind);
                }
                else if (!isServed && !_initialized.Task.IsCompleted)
                {
                    Log(LogLevel.Information, "{Kind} is not served by this cluster; ModelServices that need it will report it until its CRD is installed", kind);
                }
            }

            _initialized.TrySetResult();
            if (changed.Count > 0)
            {
                Changed(changed);
            }

            return changed;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    private async Task<bool> ServesResourceAsync(ChildKind kind, CancellationToken cancellationToken)
    {
        var r = kind.Resource;
        try
        {
            if (r.Namespaced && !string.IsNullOrEmpty(_namespace))
            {
                await _client.CustomObjects.ListNamespacedCustomObjectAsync(r.Group, r.Version, _namespace, r.Plural, limit: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _client.CustomObjects.ListClusterCustomObjectAsync(r.Group, r.Version, r.Plural, limit: 1, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return false;
        }
    }

    private async Task<bool> StartWatchingAsync(ChildKind kind, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_syncTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await kind.StartWatchingAsync(EnqueueOwner, ResourceRegistry.Get<Model.Api.ModelService>(), linked.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            _logger.LogWarning("{Kind} is served but its list did not load within {Timeout} (RBAC?); trying again on the next discovery round", kind, _syncTimeout);
            return false;
        }
    }

    private void Log(LogLevel level, string message, ChildKind kind)
    {
        if (_logger.IsEnabled(level))
        {
#pragma warning disable CA2254 // The templates are the constant strings above.
            _logger.Log(level, message, kind.DisplayName);
#pragma warning restore CA2254
        }
    }

    public void Dispose() => _refreshing.Dispose();
}
