using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.Runtime.Client;
using Keel.Runtime.Rbac;
using Keel.Runtime.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Runtime.Events;

/// <summary>
/// Writes core/v1 Events (shown by <c>kubectl describe</c> and <c>kubectl get events</c>) from a background loop, with
/// <see cref="EventCorrelator"/> folding repeats into counts. <see cref="Record"/> only queues; <see cref="RunAsync"/>
/// writes (the manager runs it). A full queue drops events rather than slowing reconciles down.
/// </summary>
public sealed class EventRecorder : IEventRecorder
{
    private readonly IKubernetes _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<EventRecord> _pending = Channel.CreateBounded<EventRecord>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public EventRecorder(IKubernetes client, string component, string? instance = null, ILogger? logger = null, TimeProvider? time = null, PermissionSet? permissions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Component = component;
        Instance = instance ?? Environment.MachineName;
        _logger = logger ?? NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        Correlator = new EventCorrelator(_time);

        // New Events are created; repeats of one are patched (count, lastTimestamp). In the regarded object's namespace.
        permissions?.Require("", "events", [KubeVerbs.Create, KubeVerbs.Patch], $"Events about reconciled objects ({component})");
    }

    /// <summary>The reporting controller (<c>source.component</c>, <c>reportingComponent</c>).</summary>
    public string Component { get; }

    public string Instance { get; }

    public EventCorrelator Correlator { get; }

    public void Record(IKubernetesObject<V1ObjectMeta> regarding, EventType type, string reason, string message)
    {
        if (regarding?.Metadata?.Name is null || string.IsNullOrEmpty(reason))
        {
            return;
        }

        var info = ResourceRegistry.Get(regarding.GetType());
        var record = new EventRecord(regarding.ApiVersion ?? info.ApiVersion, regarding.Kind ?? info.Kind,
            regarding.Metadata.NamespaceProperty, regarding.Metadata.Name, regarding.Metadata.Uid, regarding.Metadata.ResourceVersion,
            type, reason, message ?? "");
        if (!_pending.Writer.TryWrite(record))
        {
            _logger.LogWarning("Event queue full; dropped {Type} event {Reason} for {Kind} {Name}", type, reason, record.Kind, record.Name);
        }
    }

    /// <summary>Writes queued events until cancelled, then flushes what is queued (best effort).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var record in _pending.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await WriteAsync(record, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            using var flush = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
            while (_pending.Reader.TryRead(out var record))
            {
                await WriteAsync(record, flush.Token).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteAsync(EventRecord record, CancellationToken cancellationToken)
    {
        var correlated = Correlator.Correlate(record);
        if (correlated is null)
        {
            return; // rate limited
        }

        var ns = string.IsNullOrEmpty(record.Namespace) ? "default" : record.Namespace;
        try
        {
            if (!correlated.IsNew)
            {
                try
                {
                    var patch = new V1Patch(new
                    {
                        count = correlated.Count,
                        lastTimestamp = correlated.LastTimestamp.UtcDateTime,
                        message = correlated.Message,
                    }, V1Patch.PatchType.MergePatch);
                    await _client.CoreV1.PatchNamespacedEventAsync(patch, correlated.ExistingName, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
                {
                    Correlator.Lost(correlated); // the Event expired: start a new one
                    correlated = correlated with { ExistingName = null };
                }
            }

            var created = await _client.CoreV1.CreateNamespacedEventAsync(ToEvent(correlated, ns), ns, cancellationToken: cancellationToken).ConfigureAwait(false);
            Correlator.Created(correlated, created.Metadata.Name);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Events are best effort: a failed write is logged, never raised into a reconcile.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogWarning("Could not write event {Reason} for {Kind} {Name}: {Error}", record.Reason, record.Kind, record.Name, ApiErrors.Describe(e));
        }
    }

    private Corev1Event ToEvent(CorrelatedEvent correlated, string ns)
    {
        var e = correlated.Event;
        var now = correlated.LastTimestamp.UtcDateTime;
        return new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta
            {
                Name = $"{e.Name}.{_time.GetUtcNow().ToUnixTimeMilliseconds():x}{Random.Shared.Next(0x1000):x3}",
                NamespaceProperty = ns,
            },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = e.ApiVersion,
                Kind = e.Kind,
                Name = e.Name,
                NamespaceProperty = e.Namespace,
                Uid = e.Uid,
                ResourceVersion = e.ResourceVersion,
            },
            Type = e.Type.ToString(),
            Reason = e.Reason,
            Message = correlated.Message,
            Count = correlated.Count,
            FirstTimestamp = correlated.FirstTimestamp.UtcDateTime,
            LastTimestamp = now,
            EventTime = null,
            Source = new V1EventSource { Component = Component, Host = Instance },
            ReportingComponent = Component,
            ReportingInstance = Instance,
        };
    }
}
