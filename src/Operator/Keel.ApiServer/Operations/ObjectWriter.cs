using System.Text.Json.Nodes;
using Keel.ApiServer.Admission;
using Keel.ApiServer.Http;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;
using Keel.ApiServer.Values;

namespace Keel.ApiServer.Operations;

/// <summary>
/// Create and update with the real server's object semantics: system metadata, generation, status
/// subresource rules, namespace checks, admission, managedFields, no-op detection, finalizer-driven
/// deletion, and compare-and-swap commits. Used by the HTTP layer and by the server's own controllers.
/// </summary>
public sealed class ObjectWriter
{
    private const int MaxCommitAttempts = 16;
    private const string GenerateNameAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private readonly ObjectStore _store;
    private readonly ResourceRegistry _registry;
    private readonly TimeProvider _clock;
    private Random _random;
    private readonly Lock _randomGate = new();

    public ObjectWriter(ObjectStore store, ResourceRegistry registry, TimeProvider clock, int seed)
    {
        _store = store;
        _registry = registry;
        _clock = clock;
        _random = new Random(seed);
    }

    public ObjectStore Store => _store;

    /// <summary>
    /// Restarts the uid and name sequence from a new seed. After a snapshot is loaded the seed is mixed
    /// with the loaded resource version, so a restarted cluster never hands out a uid it already used.
    /// </summary>
    public void Reseed(int seed)
    {
        lock (_randomGate)
        {
            _random = new Random(seed);
        }
    }

    /// <summary>Checks that run on every write with the caller (RBAC escalation prevention); they throw to refuse.</summary>
    public IList<IWriteGuard> Guards { get; } = [];

    public DateTimeOffset Now => _clock.GetUtcNow();

    public WriteResult Create(ServedResource resource, string ns, JsonObject obj, WriteRequest request, bool fieldsAlreadyTracked = false)
    {
        var definition = resource.Definition;
        CheckTypeMeta(resource, obj);
        var meta = Meta.Of(obj);
        var bodyNamespace = Meta.Str(obj, "namespace");
        if (definition.Namespaced)
        {
            if (bodyNamespace.Length > 0 && bodyNamespace != ns)
            {
                throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            meta["namespace"] = ns;
        }
        else
        {
            meta.Remove("namespace");
        }

        if (Meta.Str(obj, "resourceVersion").Length > 0)
        {
            throw ApiException.BadRequest("resourceVersion should not be set on objects to be created");
        }

        var now = _clock.GetUtcNow();
        var generateName = Meta.Str(obj, "generateName");
        var generated = Meta.Str(obj, "name").Length == 0 && generateName.Length > 0;
        meta["uid"] = NewUid();
        meta["creationTimestamp"] = ObjectTime.Format(now);
        meta.Remove("deletionTimestamp");
        meta.Remove("deletionGracePeriodSeconds");
        meta.Remove("selfLink");
        if (definition.GenerationFields is not null)
        {
            meta["generation"] = 1;
        }
        else
        {
            meta.Remove("generation");
        }

        var warnings = new List<string>();
        for (var attempt = 0; ; attempt++)
        {
            if (generated)
            {
                meta["name"] = generateName + RandomSuffix();
            }

            var name = Meta.Str(obj, "name");
            Admit(resource, obj, null, request, warnings, creating: true);
            if (definition.Namespaced)
            {
                CheckNamespaceAcceptsContent(resource, ns, name);
            }

            if (!fieldsAlreadyTracked)
            {
                obj = resource.Fields.TrackUpdate(null, obj, request.FieldManager, null, now);
            }

            // Server-owned fields are reset after field tracking, as the real server's strategies do.
            if (resource.IsCustomResource && definition.HasStatusSubresource)
            {
                obj.Remove("status");
            }

            definition.PrepareForCreate?.Invoke(obj);
            meta = Meta.Of(obj);

            if (request.DryRun)
            {
                if (_store.Get(definition.GroupResource, ns, name) is not null)
                {
                    throw ApiException.AlreadyExists(definition.GroupResource, name);
                }

                return new WriteResult(obj, WriteEffect.Created, warnings);
            }

            var (result, stored) = _store.Create(definition.GroupResource, obj);
            if (result == StoreResult.Ok)
            {
                return new WriteResult(stored!.Object, WriteEffect.Created, warnings);
            }

            if (!generated || attempt >= 8)
            {
                throw ApiException.AlreadyExists(definition.GroupResource, name);
            }
        }
    }

    /// <summary>PUT: replaces an object, with optimistic concurrency on the body's resourceVersion.</summary>
    public WriteResult Update(ServedResource resource, string ns, string name, JsonObject obj, string? subresource, WriteRequest request)
    {
        var definition = resource.Definition;
        CheckTypeMeta(resource, obj);
        var bodyName = Meta.Str(obj, "name");
        if (bodyName != name)
        {
            throw ApiException.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({name})");
        }

        var bodyNamespace = Meta.Str(obj, "namespace");
        if (definition.Namespaced && bodyNamespace.Length > 0 && bodyNamespace != ns)
        {
            throw ApiException.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        var requestedVersion = Meta.Str(obj, "resourceVersion");
        for (var attempt = 0; attempt < MaxCommitAttempts; attempt++)
        {
            var current = _store.Get(definition.GroupResource, ns, name);
            if (current is null)
            {
                if (definition.AllowCreateOnUpdate && subresource is null)
                {
                    Meta.Of(obj).Remove("resourceVersion");
                    return Create(resource, ns, obj, request);
                }

                throw ApiException.NotFound(definition.GroupResource, name);
            }

            if (requestedVersion.Length == 0 && !definition.AllowUnconditionalUpdate)
            {
                throw ApiException.Invalid(resource.Kind, name,
                    [FieldViolation.Invalid("metadata.resourceVersion", "0x0", "must be specified for an update")]);
            }

            if (requestedVersion.Length > 0 && requestedVersion != current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw ApiException.StaleResourceVersion(definition.GroupResource, name);
            }

            var outcome = TryUpdate(resource, current, (JsonObject)obj.DeepClone(), subresource, request, trackFields: true);
            if (outcome is not null)
            {
                return outcome;
            }

            if (requestedVersion.Length > 0)
            {
                throw ApiException.StaleResourceVersion(definition.GroupResource, name);
            }
        }

        throw ApiException.StaleResourceVersion(definition.GroupResource, name);
    }

    /// <summary>
    /// Read-modify-write that retries on concurrent changes (patch, apply, the server's own controllers).
    /// <paramref name="mutate"/> gets a private copy of the current object and returns the requested object,
    /// or null to create when the object is missing is not allowed.
    /// </summary>
    public WriteResult Mutate(ServedResource resource, string ns, string name, string? subresource, WriteRequest request,
        Func<StoredObject, JsonObject> mutate, bool trackFields = true)
    {
        var definition = resource.Definition;
        for (var attempt = 0; attempt < MaxCommitAttempts; attempt++)
        {
            var current = _store.Get(definition.GroupResource, ns, name) ?? throw ApiException.NotFound(definition.GroupResource, name);
            var requested = mutate(current);
            var precondition = Meta.Str(requested, "resourceVersion");
            if (precondition.Length > 0 && precondition != current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw ApiException.StaleResourceVersion(definition.GroupResource, name);
            }

            var outcome = TryUpdate(resource, current, requested, subresource, request, trackFields);
            if (outcome is not null)
            {
                return outcome;
            }
        }

        throw ApiException.StaleResourceVersion(definition.GroupResource, name);
    }

    /// <summary>One update attempt against <paramref name="current"/>; null when another write got there first.</summary>
    private WriteResult? TryUpdate(ServedResource resource, StoredObject current, JsonObject requested, string? subresource,
        WriteRequest request, bool trackFields)
    {
        var definition = resource.Definition;
        var old = current.Object;
        JsonObject candidate;
        switch (subresource)
        {
            case "status":
                candidate = current.CloneObject();
                CopyTopLevel(requested, candidate, "status");
                if (requested["metadata"]?["managedFields"] is JsonNode mf)
                {
                    Meta.Of(candidate)["managedFields"] = mf.DeepClone();
                }

                break;
            case "finalize":
                candidate = current.CloneObject();
                var finalizers = requested["spec"]?["finalizers"]?.DeepClone();
                var spec = candidate["spec"] as JsonObject ?? [];
                candidate["spec"] = spec;
                if (finalizers is null)
                {
                    spec.Remove("finalizers");
                }
                else
                {
                    spec["finalizers"] = finalizers;
                }

                break;
            default:
                candidate = requested;
                CheckTypeMeta(resource, candidate);
                var requestUid = Meta.Str(candidate, "uid");
                if (requestUid.Length > 0 && requestUid != current.Uid)
                {
                    throw ApiException.Conflict(definition.GroupResource, current.Name,
                        $"Precondition failed: UID in precondition: {requestUid}, UID in object meta: {current.Uid}");
                }

                PreserveSystemMetadata(candidate, old);
                if (definition.HasStatusSubresource)
                {
                    CopyTopLevel(old, candidate, "status");
                }

                break;
        }

        var meta = Meta.Of(candidate);
        meta["resourceVersion"] = old["metadata"]!["resourceVersion"]!.DeepClone();
        var warnings = new List<string>();
        Admit(resource, candidate, old, request, warnings, creating: false);
        if (definition.GenerationFields is not null)
        {
            // After admission, as the real server decodes (prunes, defaults) before its strategy compares specs:
            // a write whose only changes are pruned or re-defaulted is no spec change and, below, no write at all.
            var generation = Meta.Generation(old);
            Meta.Of(candidate)["generation"] = SpecChanged(definition, old, candidate) ? generation + 1 : generation;
        }

        if (trackFields)
        {
            candidate = resource.Fields.TrackUpdate(old, candidate, request.FieldManager, subresource, _clock.GetUtcNow());
        }

        if (IsNoOp(resource, old, candidate))
        {
            return new WriteResult(old, WriteEffect.Unchanged, warnings);
        }

        var finalized = Meta.IsDeleting(candidate) && Meta.Finalizers(candidate).Count == 0 &&
                        definition.HasPendingSpecFinalizers?.Invoke(candidate) != true;
        if (request.DryRun)
        {
            return new WriteResult(candidate, finalized ? WriteEffect.Deleted : WriteEffect.Updated, warnings);
        }

        if (finalized)
        {
            var (deleteResult, tombstone) = _store.Delete(definition.GroupResource, current.Namespace, current.Name, current.ResourceVersion);
            return deleteResult == StoreResult.Ok ? new WriteResult(tombstone!.Object, WriteEffect.Deleted, warnings) : null;
        }

        var (result, stored) = _store.Update(definition.GroupResource, candidate, current.ResourceVersion);
        return result switch
        {
            StoreResult.Ok => new WriteResult(stored!.Object, WriteEffect.Updated, warnings),
            StoreResult.NotFound => throw ApiException.NotFound(definition.GroupResource, current.Name),
            _ => null,
        };
    }

    /// <summary>Validates metadata and the kind, then runs schema admission (which may default and prune).</summary>
    private void Admit(ServedResource resource, JsonObject obj, JsonObject? old, WriteRequest request, List<string> warnings, bool creating)
    {
        var errors = MetadataValidation.Validate(obj, resource.Definition, creating, warnings);
        if (resource.Definition.Validate is { } validate)
        {
            errors.AddRange(validate(obj, old));
        }

        foreach (var guard in Guards)
        {
            guard.Check(resource, obj, old, request);
        }

        var admission = resource.Admission.Admit(obj, old, request.Validation);
        errors.AddRange(admission.Errors);
        warnings.AddRange(admission.Warnings);
        if (errors.Count > 0)
        {
            throw ApiException.Invalid(resource.Kind, Meta.Str(obj, "name").Length > 0 ? Meta.Str(obj, "name") : Meta.Str(obj, "generateName"), errors);
        }
    }

    private void CheckNamespaceAcceptsContent(ServedResource resource, string ns, string name)
    {
        var nsObject = _store.Get(new GroupResource("", "namespaces"), "", ns)
            ?? throw ApiException.NotFound(new GroupResource("", "namespaces"), ns);
        if (Meta.IsDeleting(nsObject.Object))
        {
            var message = $"unable to create new content in namespace {ns} because it is being terminated";
            var error = ApiException.Forbidden(resource.GroupResource, name, message);
            error.Details!["causes"] = new JsonArray(new JsonObject
            {
                ["reason"] = "NamespaceTerminating",
                ["message"] = $"namespace {ns} is being terminated",
                ["field"] = "metadata.namespace",
            });
            throw error;
        }
    }

    /// <summary>Objects are stored at the storage version; a write through another served version is rewritten.</summary>
    private void CheckTypeMeta(ServedResource resource, JsonObject obj)
    {
        var apiVersion = (string?)obj["apiVersion"];
        var kind = (string?)obj["kind"];
        if (kind is not null && kind != resource.Definition.Kind)
        {
            throw ApiException.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({resource.Definition.Kind})");
        }

        if (apiVersion is not null && GroupVersionKind.SplitApiVersion(apiVersion).Group != resource.Definition.Group)
        {
            throw ApiException.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({resource.Definition.ApiVersion})");
        }

        var storage = _registry.StorageVersion(resource.GroupResource)?.Definition ?? resource.Definition;
        obj["apiVersion"] = storage.ApiVersion;
        obj["kind"] = storage.Kind;
    }

    private static void PreserveSystemMetadata(JsonObject candidate, JsonObject old)
    {
        var meta = Meta.Of(candidate);
        var oldMeta = Meta.Of(old);
        foreach (var field in new[] { "name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation" })
        {
            if (oldMeta[field] is { } value)
            {
                meta[field] = value.DeepClone();
            }
            else
            {
                meta.Remove(field);
            }
        }

        meta.Remove("selfLink");
        meta.Remove("generateName");
        if (oldMeta["generateName"] is { } generateName)
        {
            meta["generateName"] = generateName.DeepClone();
        }
    }

    private static void CopyTopLevel(JsonObject from, JsonObject to, string field)
    {
        if (from[field] is { } value)
        {
            to[field] = value.DeepClone();
        }
        else
        {
            to.Remove(field);
        }
    }

    /// <summary>
    /// Whether the generation moves. The server compares the decoded values with <c>reflect.DeepEqual</c>, so
    /// two spellings of one float64 are no change, while rewriting an int64 1 as a float64 1.0 is.
    /// </summary>
    private static bool SpecChanged(ResourceDefinition definition, JsonObject old, JsonObject candidate)
    {
        var fields = definition.GenerationFields!;
        IEnumerable<string> keys = fields.Contains(GenerationTracking.AllButMetadataAndStatus)
            ? old.Select(p => p.Key).Concat(candidate.Select(p => p.Key)).Distinct()
                .Where(k => k is not ("metadata" or "apiVersion" or "kind") && !(definition.HasStatusSubresource && k == "status"))
            : fields;
        if (keys.Any(k => !JsonEquality.DeepEquals(old[k], candidate[k], NumberEquality.GoTyped)))
        {
            return true;
        }

        return definition.AnnotationsBumpGeneration
            && !JsonEquality.DeepEquals(old["metadata"]?["annotations"], candidate["metadata"]?["annotations"], NumberEquality.GoTyped);
    }

    /// <summary>A write that changes nothing but managedFields timestamps is not a write.</summary>
    private static bool IsNoOp(ServedResource resource, JsonObject old, JsonObject candidate)
    {
        var a = WithoutVolatileMetadata(old, out var oldFields);
        var b = WithoutVolatileMetadata(candidate, out var newFields);
        return resource.Fields.SemanticallyEqual(a, b) && JsonEquality.DeepEquals(oldFields, newFields, NumberEquality.Encoded);
    }

    private static JsonObject WithoutVolatileMetadata(JsonObject obj, out JsonArray? managedFieldsWithoutTimes)
    {
        var copy = (JsonObject)obj.DeepClone();
        var meta = Meta.Of(copy);
        meta.Remove("resourceVersion");
        managedFieldsWithoutTimes = meta["managedFields"] as JsonArray;
        meta.Remove("managedFields");
        if (managedFieldsWithoutTimes is not null)
        {
            foreach (var entry in managedFieldsWithoutTimes.OfType<JsonObject>())
            {
                entry.Remove("time");
            }
        }

        return copy;
    }

    private string NewUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        lock (_randomGate)
        {
            _random.NextBytes(bytes);
        }

        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }

    private string RandomSuffix()
    {
        Span<char> chars = stackalloc char[5];
        lock (_randomGate)
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = GenerateNameAlphabet[_random.Next(GenerateNameAlphabet.Length)];
            }
        }

        return new string(chars);
    }
}
