using System.Runtime.CompilerServices;
using System.Text.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.Runtime.Informers;
using Keel.Runtime.Resources;

namespace Keel.Runtime.Client;

/// <summary>
/// Typed access to one kind's endpoints through KubernetesClient's generic custom-object API (which maps the core
/// group to <c>/api/v1</c> itself), for built-in and custom kinds alike: list, watch, get, server-side apply
/// (main resource and <c>/status</c>), create, merge patch and delete with preconditions.
/// </summary>
public sealed class ResourceClient<T> : IListWatchClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IKubernetes _client;

    public ResourceClient(IKubernetes client, ResourceInfo? resource = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        Resource = resource ?? ResourceRegistry.Get<T>();
    }

    public ResourceInfo Resource { get; }

    public async Task<ListPage<T>> ListAsync(ListRequest request, string? continueToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await ListCoreAsync(request.Namespace, request.LabelSelector, request.FieldSelector,
            request.Limit, continueToken, resourceVersion: null, timeoutSeconds: null, watch: false, bookmarks: null,
            cancellationToken).ConfigureAwait(false);
        var list = response.Body;
        return new ListPage<T>(
            [.. list.Items ?? []],
            list.Metadata?.ResourceVersion ?? "",
            string.IsNullOrEmpty(list.Metadata?.ContinueProperty) ? null : list.Metadata.ContinueProperty);
    }

    public async IAsyncEnumerable<WatchEvent<T>> WatchAsync(WatchRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Queue<Exception>();
        var ops = _client.CustomObjects;
        var stream = Resource.Namespaced && !string.IsNullOrEmpty(request.Namespace)
            ? ops.WatchListNamespacedCustomObjectAsync(Resource.Group, Resource.Version, request.Namespace, Resource.Plural,
                allowWatchBookmarks: request.AllowBookmarks, fieldSelector: request.FieldSelector, labelSelector: request.LabelSelector,
                resourceVersion: request.ResourceVersion, timeoutSeconds: request.TimeoutSeconds, onError: errors.Enqueue,
                cancellationToken: cancellationToken)
            : ops.WatchListClusterCustomObjectAsync(Resource.Group, Resource.Version, Resource.Plural,
                allowWatchBookmarks: request.AllowBookmarks, fieldSelector: request.FieldSelector, labelSelector: request.LabelSelector,
                resourceVersion: request.ResourceVersion, timeoutSeconds: request.TimeoutSeconds, onError: errors.Enqueue,
                cancellationToken: cancellationToken);

        // KubernetesClient reports ERROR events and undecodable lines through the callback and keeps reading;
        // we surface them in stream order and end the watch on the first one.
        await foreach (var (type, raw) in stream.ConfigureAwait(false))
        {
            if (errors.Count > 0)
            {
                yield return ToErrorEvent(errors.Dequeue());
                yield break;
            }

            var kind = type switch
            {
                WatchEventType.Added => WatchEventKind.Added,
                WatchEventType.Modified => WatchEventKind.Modified,
                WatchEventType.Deleted => WatchEventKind.Deleted,
                WatchEventType.Bookmark => WatchEventKind.Bookmark,
                _ => WatchEventKind.Error,
            };
            yield return new WatchEvent<T>(kind, Decode(raw));
        }

        if (errors.Count > 0)
        {
            yield return ToErrorEvent(errors.Dequeue());
        }
    }

    public async Task<T?> GetAsync(ObjectKey key, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = Resource.Namespaced
                ? await _client.CustomObjects.GetNamespacedCustomObjectWithHttpMessagesAsync<T>(Resource.Group, Resource.Version,
                    RequireNamespace(key), Resource.Plural, key.Name, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _client.CustomObjects.GetClusterCustomObjectWithHttpMessagesAsync<T>(Resource.Group, Resource.Version,
                    Resource.Plural, key.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.Body;
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return null;
        }
    }

    public async Task<T> CreateAsync(T obj, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var key = ObjectKey.From(obj);
        using var response = Resource.Namespaced
            ? await _client.CustomObjects.CreateNamespacedCustomObjectWithHttpMessagesAsync<T>(obj, Resource.Group, Resource.Version,
                RequireNamespace(key), Resource.Plural, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await _client.CustomObjects.CreateClusterCustomObjectWithHttpMessagesAsync<T>(obj, Resource.Group, Resource.Version,
                Resource.Plural, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Body;
    }

    /// <summary>Sends a patch (apply, merge, JSON or strategic) to the object or to one of its subresources (<c>status</c>).</summary>
    public async Task<T> PatchAsync(ObjectKey key, V1Patch patch, string? fieldManager = null, bool? force = null,
        string? subresource = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var status = subresource switch
        {
            null or "" => false,
            "status" => true,
            _ => throw new ArgumentOutOfRangeException(nameof(subresource), subresource, "Only the status subresource is supported."),
        };
        var ops = _client.CustomObjects;
        var g = Resource.Group;
        var v = Resource.Version;
        var p = Resource.Plural;
        using var response = (Resource.Namespaced, status) switch
        {
            (true, false) => await ops.PatchNamespacedCustomObjectWithHttpMessagesAsync<T>(patch, g, v, RequireNamespace(key), p, key.Name,
                fieldManager: fieldManager, force: force, cancellationToken: cancellationToken).ConfigureAwait(false),
            (true, true) => await ops.PatchNamespacedCustomObjectStatusWithHttpMessagesAsync<T>(patch, g, v, RequireNamespace(key), p, key.Name,
                fieldManager: fieldManager, force: force, cancellationToken: cancellationToken).ConfigureAwait(false),
            (false, false) => await ops.PatchClusterCustomObjectWithHttpMessagesAsync<T>(patch, g, v, p, key.Name,
                fieldManager: fieldManager, force: force, cancellationToken: cancellationToken).ConfigureAwait(false),
            (false, true) => await ops.PatchClusterCustomObjectStatusWithHttpMessagesAsync<T>(patch, g, v, p, key.Name,
                fieldManager: fieldManager, force: force, cancellationToken: cancellationToken).ConfigureAwait(false),
        };
        return response.Body;
    }

    /// <summary>Deletes an object. Returns false when it was already gone (404).</summary>
    public async Task<bool> DeleteAsync(ObjectKey key, V1DeleteOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            if (Resource.Namespaced)
            {
                using var _ = await _client.CustomObjects.DeleteNamespacedCustomObjectWithHttpMessagesAsync(Resource.Group, Resource.Version,
                    RequireNamespace(key), Resource.Plural, key.Name, options, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                using var _ = await _client.CustomObjects.DeleteClusterCustomObjectWithHttpMessagesAsync(Resource.Group, Resource.Version,
                    Resource.Plural, key.Name, options, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            return false;
        }
    }

    private Task<HttpOperationResponse<KubernetesList<T>>> ListCoreAsync(string? ns, string? labelSelector, string? fieldSelector,
        int? limit, string? continueToken, string? resourceVersion, int? timeoutSeconds, bool watch, bool? bookmarks,
        CancellationToken cancellationToken)
    {
        var ops = _client.CustomObjects;
        if (Resource.Namespaced && !string.IsNullOrEmpty(ns))
        {
            return ops.ListNamespacedCustomObjectWithHttpMessagesAsync<KubernetesList<T>>(Resource.Group, Resource.Version, ns, Resource.Plural,
                allowWatchBookmarks: bookmarks, continueParameter: continueToken, fieldSelector: fieldSelector, labelSelector: labelSelector,
                limit: limit, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: watch ? true : null,
                cancellationToken: cancellationToken);
        }

        return ops.ListClusterCustomObjectWithHttpMessagesAsync<KubernetesList<T>>(Resource.Group, Resource.Version, Resource.Plural,
            allowWatchBookmarks: bookmarks, continueParameter: continueToken, fieldSelector: fieldSelector, labelSelector: labelSelector,
            limit: limit, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: watch ? true : null,
            cancellationToken: cancellationToken);
    }

    private string RequireNamespace(ObjectKey key)
        => string.IsNullOrEmpty(key.Namespace)
            ? throw new ArgumentException($"{Resource.Kind} is namespaced; the key '{key}' has no namespace.", nameof(key))
            : key.Namespace;

    private static T? Decode(object? raw)
    {
        try
        {
            return raw switch
            {
                null => null,
                JsonElement element => KubernetesJson.Deserialize<T>(element),
                T typed => typed,
                _ => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(raw)),
            };
        }
        catch (JsonException e)
        {
            throw new WatchStreamException($"A watch event for {typeof(T).Name} could not be decoded: {e.Message}", e);
        }
    }

    private static WatchEvent<T> ToErrorEvent(Exception error) => error switch
    {
        KubernetesException { Status: { } status } => new WatchEvent<T>(WatchEventKind.Error, null, status),
        _ => throw new WatchStreamException("The watch stream could not be read: " + error.Message, error),
    };
}
