using Keel.Model.Topology;

namespace Keel.Model.Merging;

/// <summary>
/// The position of a merge in the object tree, carried only while someone observes the merge
/// (generated code passes null otherwise, so an unobserved merge builds no path strings).
/// </summary>
public sealed class MergeContext
{
    private MergeContext(IMergeObserver observer, string path)
    {
        Observer = observer;
        Path = path;
    }

    public IMergeObserver Observer { get; }

    /// <summary>JSON path from the merged root; empty at the root.</summary>
    public string Path { get; }

    public static MergeContext? Root(IMergeObserver? observer) => observer is null ? null : new MergeContext(observer, string.Empty);

    public MergeContext Field(string jsonName) => new(Observer, Path.Length == 0 ? jsonName : Path + "." + jsonName);

    /// <summary>A list item, by key (<c>name=vllm</c>) or index.</summary>
    public MergeContext Item(string selector) => new(Observer, Path + "[" + selector + "]");

    /// <summary>A map entry (<c>labels['app']</c>).</summary>
    public MergeContext Key(string key) => new(Observer, Path + "['" + key + "']");

    public void Report(MergeSide side, MergeStrategy strategy, string? note = null) =>
        Observer.OnMerged(new MergeEvent(Path, side, strategy, note));
}
