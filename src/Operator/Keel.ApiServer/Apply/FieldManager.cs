using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Fields;
using Keel.ApiServer.Apply.Json;
using Keel.ApiServer.Apply.Managed;
using Keel.ApiServer.Apply.Typed;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Apply;

/// <summary>
/// Server-side apply and field ownership for one kind, as the Kubernetes API server implements them
/// (structured-merge-diff): <see cref="Apply"/> for <c>application/apply-patch+yaml</c> PATCHes,
/// <see cref="Update"/> for every other write. Both take the live object (null on create) and return the
/// object to store with its <c>metadata.managedFields</c> rewritten; neither modifies its arguments.
/// Stateless apart from the topology; safe to share between threads.
/// </summary>
public sealed class FieldManager
{
    /// <summary>The entry that claims every field of an object that was written before any manager was recorded.</summary>
    public const string BeforeFirstApplyManager = "before-first-apply";

    private readonly MergeTopology topology;
    private readonly FieldManagerOptions options;

    public FieldManager(MergeTopology topology)
        : this(topology, FieldManagerOptions.Default)
    {
    }

    public FieldManager(MergeTopology topology, FieldManagerOptions options)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        this.topology = topology;
        this.options = options;
    }

    /// <summary>
    /// Server-side apply of <paramref name="applied"/> by <paramref name="manager"/>: merges it into
    /// <paramref name="live"/> (null creates), records that the manager owns exactly the applied fields
    /// (operation Apply), removes fields it applied before and no longer applies unless another manager
    /// owns them, and reports conflicts with other managers' fields whose value would change — unless
    /// <paramref name="force"/>, which takes those fields over. Throws <see cref="PatchException"/> when
    /// the configuration itself is invalid (no apiVersion/kind, managedFields set, undeclared fields,
    /// keyed-list items without keys or with repeated keys).
    /// </summary>
    public ApplyOutcome Apply(JsonObject? live, JsonObject applied, string manager, bool force, string? subresource, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(applied);
        if (string.IsNullOrEmpty(manager))
        {
            throw new PatchException("fieldManager is required for apply requests");
        }
        var (apiVersion, kind) = TypeMetaOf(applied);
        if (live is not null && JsonValues.AsString(live["kind"]) is { } liveKind && liveKind != kind)
        {
            throw new PatchException($"invalid object type: {GroupVersionKind(apiVersion, kind)}");
        }
        var config = (JsonObject)applied.DeepClone();
        if (config["metadata"] is JsonObject configMetadata && configMetadata.TryGetPropertyValue("managedFields", out var sent))
        {
            if (sent is JsonArray { Count: > 0 })
            {
                throw new PatchException("metadata.managedFields must be nil");
            }
            configMetadata.Remove("managedFields");
        }
        var errors = AppliedConfigValidator.Validate(config, topology.Root);
        if (errors.Count > 0)
        {
            throw new PatchException($"failed to create typed patch object ({GroupVersionKind(apiVersion, kind)}): {string.Join("\n", errors)}");
        }

        now = Truncate(now);
        var scope = ResetScope.For(options.StatusSubresource, subresource);
        var managers = Reconciled(DecodeOrEmpty(live));
        var liveObject = WithoutManagedFields(live) ?? new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        if (live is not null && managers.Count == 0)
        {
            // An object nobody manages yet: whoever wrote it owns what is there, so an apply cannot silently take it.
            var before = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
            managers = RecordUpdate(before, liveObject, managers, ManagerKey.ForUpdate(BeforeFirstApplyManager, apiVersion, null), scope, now);
        }

        var applier = ManagerKey.ForApply(manager, subresource);
        var updater = new OwnershipUpdater(topology.Root, scope.Ignore);
        var outcome = updater.Apply(liveObject, config, apiVersion, managers, applier, force, merged => scope.Restrict(liveObject, merged));
        if (outcome.Conflicts is { } conflicts)
        {
            conflicts = WithoutUpgradedClientSideFields(conflicts, manager, liveObject);
            if (conflicts.Count > 0)
            {
                return new ApplyOutcome(null, DescribeConflicts(conflicts, managers));
            }
            // kubectl moving from client-side to server-side apply takes over what it applied before.
            outcome = updater.Apply(liveObject, config, apiVersion, managers, applier, force: true, merged => scope.Restrict(liveObject, merged));
        }

        var result = outcome.Object!;
        var owners = outcome.Managers!;
        StripMeta(owners);
        if (owners.TryGetValue(applier, out var entry))
        {
            // The API server stamps the applier's entry only when the object changed.
            var changed = !JsonEquality.DeepEquals(liveObject, result, NumberEquality.MergeDiff);
            owners[applier] = entry with { Time = changed || entry.Time is null ? now : entry.Time };
        }
        UpdateManagerCap.Apply(owners, options.MaxUpdateManagers);
        if (manager == LastAppliedAnnotation.KubectlManager)
        {
            LastAppliedAnnotation.Refresh(result, applied);
        }
        return new ApplyOutcome(WithManagedFields(result, owners), []);
    }

    /// <summary>
    /// For kubectl's server-side apply, conflicts on fields whose live value is still what the last
    /// client-side apply set are not conflicts (the API server's client-side to server-side upgrade).
    /// </summary>
    private IReadOnlyDictionary<ManagerKey, FieldSet> WithoutUpgradedClientSideFields(IReadOnlyDictionary<ManagerKey, FieldSet> conflicts, string manager, JsonObject live)
    {
        if (manager != LastAppliedAnnotation.KubectlManager
            || LastAppliedAnnotation.UnchangedSinceLastApplied(live, topology.Root) is not { } allowed)
        {
            return conflicts;
        }
        return conflicts
            .Select(c => (c.Key, Fields: c.Value.Difference(allowed)))
            .Where(c => !c.Fields.IsEmpty)
            .ToDictionary(c => c.Key, c => c.Fields);
    }

    /// <summary>
    /// Ownership for any non-apply write (create, update/PUT, JSON/merge/strategic patch, status update):
    /// <paramref name="manager"/> takes every field it added or changed (operation Update, merged with its
    /// earlier Update entry for the same API version and subresource) and other managers lose those fields
    /// and any field that was removed. <paramref name="old"/> is null on create. Managed fields sent in
    /// <paramref name="updated"/> replace the stored ones when valid (an empty list resets them), as the
    /// API server allows for the main resource.
    /// </summary>
    public JsonObject Update(JsonObject? old, JsonObject updated, string manager, string? subresource, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(updated);
        if (string.IsNullOrEmpty(manager))
        {
            manager = "unknown";
        }
        now = Truncate(now);
        var scope = ResetScope.For(options.StatusSubresource, subresource);
        var apiVersion = JsonValues.AsString(updated["apiVersion"]) ?? JsonValues.AsString(old?["apiVersion"]) ?? "";
        var kind = JsonValues.AsString(updated["kind"]) ?? JsonValues.AsString(old?["kind"]) ?? "";
        var managers = Reconciled(ManagersForUpdate(old, updated, subresource));

        var before = WithoutManagedFields(old) ?? new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        var after = scope.Restrict(old is null ? null : before, WithoutManagedFields(updated)!);
        managers = RecordUpdate(before, after, managers, ManagerKey.ForUpdate(manager, apiVersion, subresource), scope, now);
        UpdateManagerCap.Apply(managers, options.MaxUpdateManagers);
        return WithManagedFields(after, managers);
    }

    /// <summary>
    /// Deep equality that ignores the <c>time</c> of managedFields entries: when a write's result equals
    /// the stored object this way, it is a no-op (no new resourceVersion, no watch event).
    /// </summary>
    public static bool SemanticallyEqual(JsonNode? a, JsonNode? b) => SemanticEquality.Equal(a, b);

    private ManagedSets RecordUpdate(JsonObject before, JsonObject after, ManagedSets managers, ManagerKey writer, ResetScope scope, DateTimeOffset now)
    {
        var (result, taken) = new OwnershipUpdater(topology.Root, scope.Ignore).Update(before, after, managers);
        taken = MetaFields.Strip(taken);
        if (!taken.IsEmpty)
        {
            var previous = result.TryGetValue(writer, out var entry) ? entry.Fields : new FieldSet();
            result[writer] = new ManagedEntry(writer, previous.Union(taken), writer.ApiVersion ?? "", now);
        }
        StripMeta(result);
        return result;
    }

    /// <summary>Stored ownership adapted to the current schema (fields that became atomic are owned whole).</summary>
    private ManagedSets Reconciled(ManagedSets managers)
    {
        foreach (var key in managers.Keys.ToList())
        {
            managers[key] = managers[key] with { Fields = SchemaReconciler.Reconcile(managers[key].Fields, topology.Root) };
        }
        return managers;
    }

    private static void StripMeta(ManagedSets managers)
    {
        foreach (var key in managers.Keys.ToList())
        {
            managers[key] = managers[key] with { Fields = MetaFields.Strip(managers[key].Fields) };
        }
        managers.RemoveEmpty();
    }

    private static ManagedSets ManagersForUpdate(JsonObject? old, JsonObject updated, string? subresource)
    {
        if (string.IsNullOrEmpty(subresource))
        {
            // The main resource may set managedFields directly; [] or [{}] clears them; anything unusable
            // (absent, invalid) keeps the stored ones so clients that do not know the field cannot lose it.
            var sent = (updated["metadata"] as JsonObject)?["managedFields"];
            if (sent is JsonArray { Count: 0 } || sent is JsonArray { Count: 1 } single && single[0] is JsonObject { Count: 0 })
            {
                return [];
            }
            if (sent is not null)
            {
                try
                {
                    var decoded = ManagedFieldsCodec.Decode(sent);
                    if (decoded.Count > 0)
                    {
                        return new ManagedSets(decoded);
                    }
                }
                catch (FormatException)
                {
                    // Fall back to the stored entries.
                }
            }
        }
        return DecodeOrEmpty(old);
    }

    /// <summary>Stored entries; unreadable ones count as none (the next write re-records ownership).</summary>
    private static ManagedSets DecodeOrEmpty(JsonObject? obj)
    {
        try
        {
            return new ManagedSets(ManagedFieldsCodec.Decode((obj?["metadata"] as JsonObject)?["managedFields"]));
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static JsonObject? WithoutManagedFields(JsonObject? obj)
    {
        if (obj is null)
        {
            return null;
        }
        var copy = (JsonObject)obj.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }

    private static JsonObject WithManagedFields(JsonObject obj, ManagedSets managers)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            if (managers.Count == 0)
            {
                return obj;
            }
            metadata = [];
            obj["metadata"] = metadata;
        }
        if (managers.Count == 0)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = ManagedFieldsCodec.Encode(managers.Values);
        }
        return obj;
    }

    private static IReadOnlyList<ApplyConflict> DescribeConflicts(IReadOnlyDictionary<ManagerKey, FieldSet> conflicts, ManagedSets managers) =>
        conflicts
            .OrderBy(c => c.Key.Identifier, StringComparer.Ordinal)
            .SelectMany(c => c.Value.Paths().Select(path => new ApplyConflict(c.Key.Manager, path.ToString())
            {
                Operation = c.Key.Operation,
                ApiVersion = c.Key.IsApply ? null : managers[c.Key].ApiVersion,
                Subresource = c.Key.Subresource,
            }))
            .ToList();

    private static (string ApiVersion, string Kind) TypeMetaOf(JsonObject applied)
    {
        var apiVersion = JsonValues.AsString(applied["apiVersion"]);
        var kind = JsonValues.AsString(applied["kind"]);
        if (string.IsNullOrEmpty(kind))
        {
            throw new PatchException("Object 'Kind' is missing in the apply configuration");
        }
        if (string.IsNullOrEmpty(apiVersion))
        {
            throw new PatchException("Object 'apiVersion' is missing in the apply configuration");
        }
        return (apiVersion, kind);
    }

    /// <summary>Go's GroupVersionKind string: <c>apps/v1, Kind=Deployment</c>, <c>/v1, Kind=ConfigMap</c>.</summary>
    private static string GroupVersionKind(string apiVersion, string kind)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? ("", apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        return $"{group}/{version}, Kind={kind}";
    }

    private static DateTimeOffset Truncate(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}
