namespace Keel.Model.Topology;

/// <summary>
/// Items contributed by generated code of several assemblies. Registration only stores a factory
/// (module initializers must stay cheap); the items are built on first read and rebuilt when a newly
/// loaded assembly registers more.
/// </summary>
internal sealed class LazyRegistry<T>
{
    private readonly Lock gate = new();
    private readonly List<Func<IEnumerable<T>>> factories = [];
    private readonly List<T> built = [];
    private Func<IEnumerable<T>, IEnumerable<T>> order = static items => items;
    private int builtFactories;
    private IReadOnlyList<T> snapshot = [];

    public IReadOnlyList<T> Items
    {
        get
        {
            lock (gate)
            {
                if (builtFactories == factories.Count)
                {
                    return snapshot;
                }

                for (; builtFactories < factories.Count; builtFactories++)
                {
                    built.AddRange(factories[builtFactories]());
                }

                snapshot = order(built).ToArray();
                return snapshot;
            }
        }
    }

    public void Add(Func<IEnumerable<T>> factory, Func<IEnumerable<T>, IEnumerable<T>> ordering)
    {
        ArgumentNullException.ThrowIfNull(factory);
        lock (gate)
        {
            factories.Add(factory);
            order = ordering;
        }
    }
}
