namespace Keel.ApiServer.Apply.Topology;

/// <summary>
/// The two schema-less types of structured-merge-diff: "untyped atomic" (any value, replaced as a whole)
/// and "deduced" (maps are granular and their values deduced again; lists are atomic).
/// </summary>
internal static class UntypedTypes
{
    static UntypedTypes()
    {
        Atomic = new TypeNode("untyped atomic") { Scalar = true };
        Atomic.List = new ListShape(ListType.Atomic, [], Atomic);
        Atomic.Map = new MapShape(new Dictionary<string, StructField>(), Atomic, atomic: true);

        Deduced = new TypeNode("deduced") { Scalar = true };
        Deduced.List = new ListShape(ListType.Atomic, [], Atomic);
        Deduced.Map = new MapShape(new Dictionary<string, StructField>(), Deduced, atomic: false);
    }

    /// <summary>Any value, owned and replaced as a whole (<c>__untyped_atomic_</c>).</summary>
    public static TypeNode Atomic { get; }

    /// <summary>Shape deduced from the value: granular maps all the way down, atomic lists (<c>__untyped_deduced_</c>).</summary>
    public static TypeNode Deduced { get; }
}
