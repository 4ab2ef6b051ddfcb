using System.Diagnostics;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Rendering;
using Keel.Operator.Children;
using Keel.Operator.Conflicts;
using Keel.Operator.Discovery;
using Keel.Operator.Presets;
using Keel.Operator.Status;
using Keel.Runtime.Apply;
using Keel.Runtime.Cache;
using Keel.Runtime.Controllers;
using Keel.Runtime.Events;
using Microsoft.Extensions.Logging;

namespace Keel.Operator;

/// <summary>
/// Reconciles one ModelService (spec 6): read it and its preset from the cache, render, apply every desired child with
/// server-side apply, delete the children it controls that are no longer desired, write the status through
/// <c>/status</c>, record Events. Level-triggered and idempotent: an unchanged ModelService sends no request at all.
/// Invalid input (a broken preset, a bad template, a missing or untrusted preset, an unknown model URI, a model name
/// held by an older ModelService) is reported in conditions and an Event and ends the pass as
/// <see cref="ReconcileOutcome.Terminal"/>: it runs again when the ModelService or its preset changes, or after
/// <see cref="ModelServiceOperatorOptions.InvalidInputRetry"/>. Transient API errors throw and are retried with backoff.
/// </summary>
public sealed class ModelServiceReconciler : IReconciler
{
    private readonly IObjectCache<ModelService> _modelServices;
    private readonly PresetLookup _presets;
    private readonly ChildKindCatalog _kinds;
    private readonly ChildSync _children;
    private readonly ObjectWriter _writer;
    private readonly IEventRecorder _events;
    private readonly OptionalApiDiscovery _discovery;
    private readonly ModelServiceRenderer _renderer;
    private readonly RenderSettings _settings;
    private readonly ModelServiceOperatorOptions _options;
    private readonly OperatorMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private long _completed;
    private long _inFlight;

    internal ModelServiceReconciler(
        IObjectCache<ModelService> modelServices,
        PresetLookup presets,
        ChildKindCatalog kinds,
        ChildWriters writers,
        IEventRecorder events,
        OptionalApiDiscovery discovery,
        ModelServiceOperatorOptions options,
        OperatorMetrics metrics,
        ILogger logger,
        TimeProvider time)
    {
        _modelServices = modelServices;
        _presets = presets;
        _kinds = kinds;
        _children = new ChildSync(kinds, writers);
        _writer = writers.Operator;
        _events = events;
        _discovery = discovery;
        _options = options;
        _settings = options.ToRenderSettings();
        _renderer = new ModelServiceRenderer();
        _metrics = metrics;
        _logger = logger;
        _time = time;
    }

    /// <summary>Reconciles that ran to an outcome (tests and the scale run wait on it; a counter, not a clock).</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Reconciles running right now.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    public async Task<ReconcileResult> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            return await ReconcileCoreAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Increment(ref _completed);
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<ReconcileResult> ReconcileCoreAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        await _discovery.Initialized.WaitAsync(cancellationToken).ConfigureAwait(false);
        var modelService = _modelServices.Get(request.Key);
        if (modelService is null || modelService.Metadata.DeletionTimestamp is not null)
        {
            // Gone or going: owner references let the garbage collector remove the children.
            return ReconcileResult.Success;
        }

        var render = Render(modelService);
        var now = ConditionList.Truncate(_time.GetUtcNow().UtcDateTime);
        if (!render.Succeeded)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("ModelService {Key} did not render: {Error}", request.Key, render.Errors.First().Message);
            }

            await WriteStatusAsync(modelService, new StatusInputs { ModelService = modelService, Render = render, Kinds = _kinds, Now = now }, null, cancellationToken).ConfigureAwait(false);
            return ReconcileResult.Terminal($"{render.Errors.First().Reason}: {render.Errors.First().Message}", _options.InvalidInputRetry);
        }

        var holder = ModelNameClaims.Holder(modelService, _modelServices);
        if (holder is not null)
        {
            _metrics.NameConflicts.Inc();
        }

        // A ModelService whose model name is held by an older one is not served: it keeps no children.
        var sync = await _children.SyncAsync(modelService, holder is null ? render.Children : [], cancellationToken).ConfigureAwait(false);
        var inputs = new StatusInputs { ModelService = modelService, Render = render, Sync = sync, NameHolder = holder, Kinds = _kinds, Now = now };
        await WriteStatusAsync(modelService, inputs, sync, cancellationToken).ConfigureAwait(false);
        if (sync.Writes > 0 && _logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("ModelService {Key}: {Created} children created, {Updated} updated, {Deleted} deleted",
                request.Key, sync.Created.Count, sync.Updated.Count, sync.Deleted.Count);
        }

        if (holder is not null)
        {
            return ReconcileResult.Terminal($"model name held by ModelService {holder.Metadata.Name}", _options.InvalidInputRetry);
        }

        if (sync.Failures.Count > 0)
        {
            // Refused children: retried with backoff when the cause may go away by itself (RBAC), otherwise on change.
            return sync.Failures.Any(f => f.Retryable)
                ? ReconcileResult.Requeue
                : ReconcileResult.Terminal(sync.Failures[0].Message, _options.InvalidInputRetry);
        }

        return ReconcileResult.Success;
    }

    private RenderResult Render(ModelService modelService)
    {
        var started = Stopwatch.GetTimestamp();
        var preset = _presets.Find(modelService, out _);
        var result = _renderer.Render(new RenderRequest { ModelService = modelService, Preset = preset, Settings = _settings });
        _metrics.RenderSeconds.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        _metrics.Renders.WithLabels(result.Succeeded ? "succeeded" : "failed").Inc();
        return result;
    }

    private async Task WriteStatusAsync(ModelService modelService, StatusInputs inputs, ChildSyncResult? sync, CancellationToken cancellationToken)
    {
        var status = StatusBuilder.Build(inputs);
        var body = new ModelService
        {
            Metadata = new V1ObjectMeta { Name = modelService.Metadata.Name, NamespaceProperty = modelService.Metadata.NamespaceProperty },
            Spec = null!, // a status apply carries only status
            Status = status,
        };
        await _writer.ApplyStatusAsync(body, modelService, cancellationToken).ConfigureAwait(false);
        OperatorEvents.Record(_events, modelService, modelService.Status?.Conditions, status.Conditions!, sync);
    }
}
