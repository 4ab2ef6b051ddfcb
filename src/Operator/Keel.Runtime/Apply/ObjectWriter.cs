using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.Runtime.Cache;
using Keel.Runtime.Client;
using Keel.Runtime.Metrics;
using Keel.Runtime.Resources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Runtime.Apply;

/// <summary>
/// Writes for controllers, with one field manager: server-side apply of objects and of their <c>/status</c>
/// (forced, so our fields stay ours), skipped entirely when <see cref="ApplyComparer"/> shows the apply would change
/// nothing; and deletes with a uid precondition and a propagation policy, for pruning.
/// <para>Apply bodies must carry only the fields the controller sets: build them from fresh objects whose unset
/// properties are null (KubernetesClient's serializer omits nulls, so any non-null value, even an empty list or a
/// zero, becomes a field we own).</para>
/// </summary>
public sealed class ObjectWriter
{
    private readonly IKubernetes _client;
    private readonly InformerCache? _cache;
    private readonly RuntimeMetrics? _metrics;
    private readonly ILogger _logger;

    public ObjectWriter(IKubernetes client, string fieldManager, InformerCache? cache = null, RuntimeMetrics? metrics = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldManager);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        FieldManager = fieldManager;
        _cache = cache;
        _metrics = metrics;
        _logger = logger ?? NullLogger.Instance;
    }

    public string FieldManager { get; }

    /// <summary>
    /// Server-side applies <paramref name="desired"/> unless the live object (<paramref name="live"/>, or the shared
    /// cache's copy when the kind is cached) shows it would change nothing. A <c>status</c> in the body is ignored here;
    /// use <see cref="ApplyStatusAsync{T}"/>.
    /// </summary>
    public Task<ApplyResult<T>> ApplyAsync<T>(T desired, T? live = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta>
        => ApplyCoreAsync(desired, live, ApplyScope.Main, cancellationToken);

    /// <summary>Server-side applies the <c>status</c> of <paramref name="desired"/> through the <c>/status</c> subresource (same no-op rule).</summary>
    public Task<ApplyResult<T>> ApplyStatusAsync<T>(T desired, T? live = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta>
        => ApplyCoreAsync(desired, live, ApplyScope.Status, cancellationToken);

    /// <summary>
    /// The no-op check on its own: null when applying <paramref name="desired"/> over <paramref name="live"/> would change
    /// nothing for this field manager, otherwise the first field path that differs.
    /// </summary>
    public string? WouldChange<T>(T desired, T? live, ApplyScope scope = ApplyScope.Main)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(desired);
        var info = ResourceRegistry.Get<T>();
        var body = Body(desired, info);
        if (live is null)
        {
            return "the object does not exist yet";
        }

        var liveJson = (JsonObject)KubernetesSerializer.ToNode(live);
        return ApplyComparer.FirstDifference(body, liveJson, OwnedFields(live, body["apiVersion"]?.GetValue<string>() ?? info.ApiVersion, scope), scope);
    }

    /// <summary>
    /// Deletes <paramref name="obj"/> only if the name still belongs to the same object (uid precondition), so a
    /// recreated namesake is never removed by mistake.
    /// </summary>
    public async Task<DeleteOutcome> DeleteAsync<T>(T obj, PropagationPolicy propagation = PropagationPolicy.Background, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(obj);
        var info = ResourceRegistry.Get<T>();
        var options = new V1DeleteOptions
        {
            PropagationPolicy = propagation.ToString(),
            Preconditions = string.IsNullOrEmpty(obj.Metadata.Uid) ? null : new V1Preconditions { Uid = obj.Metadata.Uid },
        };
        try
        {
            var deleted = await new ResourceClient<T>(_client, info).DeleteAsync(ObjectKey.From(obj), options, cancellationToken).ConfigureAwait(false);
            if (deleted)
            {
                _metrics?.PruneTotal.WithLabels(info.Resource).Inc();
            }

            return deleted ? DeleteOutcome.Deleted : DeleteOutcome.NotFound;
        }
        catch (HttpOperationException e) when (ApiErrors.IsConflict(e))
        {
            return DeleteOutcome.PreconditionFailed;
        }
    }

    /// <summary>
    /// Deletes every object in <paramref name="existing"/> (typically <c>cache.ControlledBy(owner.Metadata.Uid)</c>)
    /// whose key is not in <paramref name="desired"/>. Returns the keys it deleted.
    /// </summary>
    public async Task<IReadOnlyList<ObjectKey>> PruneAsync<T>(IEnumerable<T> existing, IReadOnlySet<ObjectKey> desired,
        PropagationPolicy propagation = PropagationPolicy.Background, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(desired);
        var pruned = new List<ObjectKey>();
        foreach (var obj in existing)
        {
            var key = ObjectKey.From(obj);
            if (desired.Contains(key) || obj.Metadata.DeletionTimestamp is not null)
            {
                continue;
            }

            if (await DeleteAsync(obj, propagation, cancellationToken).ConfigureAwait(false) == DeleteOutcome.Deleted)
            {
                _logger.LogInformation("Pruned {Kind} {Key}: no longer desired", obj.Kind ?? typeof(T).Name, key);
                pruned.Add(key);
            }
        }

        return pruned;
    }

    private async Task<ApplyResult<T>> ApplyCoreAsync<T>(T desired, T? live, ApplyScope scope, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(desired);
        var info = ResourceRegistry.Get<T>();
        var key = ObjectKey.From(desired);
        var body = Body(desired, info);
        live ??= _cache?.Informers.Any(i => i.ObjectType == typeof(T)) == true ? _cache.For<T>().Peek(key) : null;

        var reason = live is null
            ? "the object does not exist yet (or its kind is not cached)"
            : ApplyComparer.FirstDifference(body, (JsonObject)KubernetesSerializer.ToNode(live),
                OwnedFields(live, body["apiVersion"]!.GetValue<string>(), scope), scope);
        if (reason is null)
        {
            _metrics?.ApplyTotal.WithLabels(info.Resource, "skipped").Inc();
            return new ApplyResult<T>(ApplyOutcome.Unchanged, null, null);
        }

        if (scope == ApplyScope.Status)
        {
            // The status subresource takes the object's identity plus its status.
            var metadata = new JsonObject { ["name"] = key.Name };
            if (key.Namespace is not null)
            {
                metadata["namespace"] = key.Namespace;
            }

            body = new JsonObject
            {
                ["apiVersion"] = body["apiVersion"]!.DeepClone(),
                ["kind"] = body["kind"]!.DeepClone(),
                ["metadata"] = metadata,
                ["status"] = body["status"]?.DeepClone() ?? new JsonObject(),
            };
        }
        else
        {
            body.Remove("status");
        }

        try
        {
            var patch = new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch);
            var result = await new ResourceClient<T>(_client, info)
                .PatchAsync(key, patch, FieldManager, force: true, subresource: scope == ApplyScope.Status ? "status" : null, cancellationToken)
                .ConfigureAwait(false);
            _metrics?.ApplyTotal.WithLabels(info.Resource, "applied").Inc();
            _logger.LogDebug("Applied {Kind} {Key}{Status}: {Reason}", info.Kind, key, scope == ApplyScope.Status ? " status" : "", reason);
            return new ApplyResult<T>(ApplyOutcome.Applied, result, reason);
        }
        catch (HttpOperationException)
        {
            _metrics?.ApplyTotal.WithLabels(info.Resource, "failed").Inc();
            throw;
        }
    }

    private FieldSet? OwnedFields(IKubernetesObject<V1ObjectMeta> live, string apiVersion, ApplyScope scope)
    {
        var entries = live.Metadata?.ManagedFields?
            .Where(m => m.Manager == FieldManager && m.Operation == "Apply")
            .ToList() ?? [];
        var subresource = scope == ApplyScope.Status ? "status" : "";
        var entry = entries.FirstOrDefault(m => (m.Subresource ?? "") == subresource && m.ApiVersion == apiVersion);
        if (entry is not null)
        {
            return FieldSet.FromObject(entry.FieldsV1);
        }

        // A server that does not record the status subresource separately keeps status fields in the main entry.
        if (scope == ApplyScope.Status && entries.FirstOrDefault(m => string.IsNullOrEmpty(m.Subresource) && m.ApiVersion == apiVersion) is { } main)
        {
            var status = FieldSet.FromObject(main.FieldsV1).Child("f:status");
            return status is null ? null : FieldSet.Parse(new JsonObject { ["f:status"] = ToJson(status) });
        }

        return null;
    }

    private static JsonObject ToJson(FieldSet set)
    {
        var obj = new JsonObject();
        if (set.OwnsSelf)
        {
            obj["."] = new JsonObject();
        }

        foreach (var (key, child) in set.Children)
        {
            obj[key] = ToJson(child);
        }

        return obj;
    }

    private static JsonObject Body<T>(T desired, ResourceInfo info)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        if (KubernetesSerializer.ToNode(desired) is not JsonObject body)
        {
            throw new ArgumentException($"{typeof(T).Name} did not serialize to a JSON object.", nameof(desired));
        }

        body["apiVersion"] ??= info.ApiVersion;
        body["kind"] ??= info.Kind;
        if (string.IsNullOrEmpty(desired.Metadata?.Name))
        {
            throw new ArgumentException($"The desired {info.Kind} has no metadata.name.", nameof(desired));
        }

        return body;
    }
}
