using k8s;
using k8s.Models;

namespace Keel.Runtime.Informers;

/// <summary>The two calls an informer makes: a (paged) list and a watch. <see cref="KubernetesListWatchClient{T}"/> speaks HTTP.</summary>
public interface IListWatchClient<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>One page of a list. <paramref name="continueToken"/> is null for the first page.</summary>
    Task<ListPage<T>> ListAsync(ListRequest request, string? continueToken, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a watch and streams its events until the server closes it, <paramref name="cancellationToken"/> fires or
    /// the stream breaks (an exception). An <c>ERROR</c> event is yielded as <see cref="WatchEventKind.Error"/>.
    /// </summary>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync(WatchRequest request, CancellationToken cancellationToken);
}

/// <summary>What to list: a namespace (null = all) and optional selectors.</summary>
public sealed record ListRequest(string? Namespace, string? LabelSelector, string? FieldSelector, int? Limit);

/// <summary>A watch from <see cref="ResourceVersion"/> with a server-side timeout.</summary>
public sealed record WatchRequest(string? Namespace, string? LabelSelector, string? FieldSelector, string ResourceVersion, int TimeoutSeconds, bool AllowBookmarks);

public sealed record ListPage<T>(IReadOnlyList<T> Items, string ResourceVersion, string? Continue);

public enum WatchEventKind
{
    Added,
    Modified,
    Deleted,
    Bookmark,
    Error,
}

/// <summary>One event of a watch stream; <see cref="Status"/> is set for errors.</summary>
public sealed record WatchEvent<T>(WatchEventKind Kind, T? Object, V1Status? Status = null)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    public string? ResourceVersion => Object?.Metadata?.ResourceVersion;
}
