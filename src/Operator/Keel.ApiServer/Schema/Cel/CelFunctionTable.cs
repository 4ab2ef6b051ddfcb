namespace Keel.ApiServer.Schema.Cel;

/// <summary>
/// The functions CEL rules may call here, with their signatures: the CEL standard library as Kubernetes enables it,
/// the Kubernetes extension libraries (strings, lists, regex, URLs, quantities, sets, optionals) as far as this server
/// implements them. The checker rejects everything else at CRD creation.
/// </summary>
internal static class CelFunctionTable
{
    /// <summary>One overload. A null parameter kind accepts any type; <see cref="Result"/> computes the result type.</summary>
    internal sealed record Overload(bool Receiver, DeclKind? ReceiverKind, DeclKind?[] Parameters, Func<DeclType?, DeclType[], DeclType> Result);

    private static readonly Dictionary<string, List<Overload>> Table = Build();

    public static bool IsKnown(string name) => Table.ContainsKey(name);

    public static IReadOnlyList<Overload> OverloadsOf(string name) => Table.TryGetValue(name, out var list) ? list : [];

    private static Dictionary<string, List<Overload>> Build()
    {
        var table = new Dictionary<string, List<Overload>>(StringComparer.Ordinal);

        void Member(string name, DeclKind receiver, DeclKind?[] parameters, DeclType result) =>
            Add(table, name, new Overload(true, receiver, parameters, (_, _) => result));

        void MemberTyped(string name, DeclKind receiver, DeclKind?[] parameters, Func<DeclType?, DeclType[], DeclType> result) =>
            Add(table, name, new Overload(true, receiver, parameters, result));

        void Global(string name, DeclKind?[] parameters, DeclType result) =>
            Add(table, name, new Overload(false, null, parameters, (_, _) => result));

        const DeclKind S = DeclKind.String;
        const DeclKind I = DeclKind.Int;
        var listOfString = DeclType.ListOf(DeclType.String);

        // Sizes.
        foreach (var kind in new[] { DeclKind.String, DeclKind.Bytes, DeclKind.List, DeclKind.Map })
        {
            Member("size", kind, [], DeclType.Int);
            Global("size", [kind], DeclType.Int);
        }

        // Standard string functions and the Kubernetes strings extension library.
        Member("startsWith", S, [S], DeclType.Bool);
        Member("endsWith", S, [S], DeclType.Bool);
        Member("contains", S, [S], DeclType.Bool);
        Member("matches", S, [S], DeclType.Bool);
        Global("matches", [S, S], DeclType.Bool);
        Member("charAt", S, [I], DeclType.String);
        Member("indexOf", S, [S], DeclType.Int);
        Member("indexOf", S, [S, I], DeclType.Int);
        Member("lastIndexOf", S, [S], DeclType.Int);
        Member("lastIndexOf", S, [S, I], DeclType.Int);
        Member("lowerAscii", S, [], DeclType.String);
        Member("upperAscii", S, [], DeclType.String);
        Member("replace", S, [S, S], DeclType.String);
        Member("replace", S, [S, S, I], DeclType.String);
        Member("split", S, [S], listOfString);
        Member("split", S, [S, I], listOfString);
        Member("substring", S, [I], DeclType.String);
        Member("substring", S, [I, I], DeclType.String);
        Member("trim", S, [], DeclType.String);
        Member("reverse", S, [], DeclType.String);
        Member("format", S, [DeclKind.List], DeclType.String);
        Member("join", DeclKind.List, [], DeclType.String);
        Member("join", DeclKind.List, [S], DeclType.String);

        // Kubernetes regex library.
        Member("find", S, [S], DeclType.String);
        Member("findAll", S, [S], listOfString);
        Member("findAll", S, [S, I], listOfString);

        // Kubernetes list library.
        Member("isSorted", DeclKind.List, [], DeclType.Bool);
        MemberTyped("sum", DeclKind.List, [], (r, _) => r?.Elem ?? DeclType.Dyn);
        MemberTyped("min", DeclKind.List, [], (r, _) => r?.Elem ?? DeclType.Dyn);
        MemberTyped("max", DeclKind.List, [], (r, _) => r?.Elem ?? DeclType.Dyn);
        Member("indexOf", DeclKind.List, [null], DeclType.Int);
        Member("lastIndexOf", DeclKind.List, [null], DeclType.Int);

        // Conversions.
        foreach (var kind in new DeclKind?[] { DeclKind.Int, DeclKind.Uint, DeclKind.Double, DeclKind.String, DeclKind.Timestamp })
        {
            Global("int", [kind], DeclType.Int);
        }

        foreach (var kind in new DeclKind?[] { DeclKind.Int, DeclKind.Uint, DeclKind.Double, DeclKind.String })
        {
            Global("uint", [kind], DeclType.Uint);
            Global("double", [kind], DeclType.Double);
        }

        foreach (var kind in new DeclKind?[] { DeclKind.String, DeclKind.Int, DeclKind.Uint, DeclKind.Double, DeclKind.Bool, DeclKind.Bytes, DeclKind.Timestamp, DeclKind.Duration })
        {
            Global("string", [kind], DeclType.String);
        }

        Global("bytes", [S], DeclType.Bytes);
        Global("bytes", [DeclKind.Bytes], DeclType.Bytes);
        Global("bool", [DeclKind.Bool], DeclType.Bool);
        Global("bool", [S], DeclType.Bool);
        Global("dyn", [null], DeclType.Dyn);
        Global("type", [null], DeclType.Type);
        Global("timestamp", [S], DeclType.Timestamp);
        Global("timestamp", [I], DeclType.Timestamp);
        Global("timestamp", [DeclKind.Timestamp], DeclType.Timestamp);
        Global("duration", [S], DeclType.Duration);
        Global("duration", [DeclKind.Duration], DeclType.Duration);

        // Date and time accessors.
        foreach (var name in new[] { "getFullYear", "getMonth", "getDayOfMonth", "getDate", "getDayOfWeek", "getDayOfYear" })
        {
            Member(name, DeclKind.Timestamp, [], DeclType.Int);
            Member(name, DeclKind.Timestamp, [S], DeclType.Int);
        }

        foreach (var name in new[] { "getHours", "getMinutes", "getSeconds", "getMilliseconds" })
        {
            Member(name, DeclKind.Timestamp, [], DeclType.Int);
            Member(name, DeclKind.Timestamp, [S], DeclType.Int);
            Member(name, DeclKind.Duration, [], DeclType.Int);
        }

        // Kubernetes URL library.
        Global("url", [S], DeclType.Url);
        Global("isURL", [S], DeclType.Bool);
        Member("getScheme", DeclKind.Url, [], DeclType.String);
        Member("getHost", DeclKind.Url, [], DeclType.String);
        Member("getHostname", DeclKind.Url, [], DeclType.String);
        Member("getPort", DeclKind.Url, [], DeclType.String);
        Member("getEscapedPath", DeclKind.Url, [], DeclType.String);
        Member("getQuery", DeclKind.Url, [], DeclType.MapOf(DeclType.String, listOfString));

        // Kubernetes quantity library.
        Global("quantity", [S], DeclType.Quantity);
        Global("isQuantity", [S], DeclType.Bool);
        Member("isInteger", DeclKind.Quantity, [], DeclType.Bool);
        Member("asInteger", DeclKind.Quantity, [], DeclType.Int);
        Member("asApproximateFloat", DeclKind.Quantity, [], DeclType.Double);
        Member("sign", DeclKind.Quantity, [], DeclType.Int);
        Member("add", DeclKind.Quantity, [DeclKind.Quantity], DeclType.Quantity);
        Member("add", DeclKind.Quantity, [I], DeclType.Quantity);
        Member("sub", DeclKind.Quantity, [DeclKind.Quantity], DeclType.Quantity);
        Member("sub", DeclKind.Quantity, [I], DeclType.Quantity);
        Member("isGreaterThan", DeclKind.Quantity, [DeclKind.Quantity], DeclType.Bool);
        Member("isLessThan", DeclKind.Quantity, [DeclKind.Quantity], DeclType.Bool);
        Member("compareTo", DeclKind.Quantity, [DeclKind.Quantity], DeclType.Int);

        // Optionals (for optionalOldSelf).
        Member("hasValue", DeclKind.Optional, [], DeclType.Bool);
        MemberTyped("value", DeclKind.Optional, [], (r, _) => r?.Elem ?? DeclType.Dyn);
        MemberTyped("orValue", DeclKind.Optional, [null], (r, a) => DeclType.Join(r?.Elem ?? DeclType.Dyn, a[0]));
        MemberTyped("or", DeclKind.Optional, [DeclKind.Optional], (r, a) => DeclType.OptionalOf(DeclType.Join(r?.Elem ?? DeclType.Dyn, a[0].Elem ?? DeclType.Dyn)));
        MemberTyped("of", DeclKind.OptionalNamespace, [null], (_, a) => DeclType.OptionalOf(a[0]));
        MemberTyped("ofNonZeroValue", DeclKind.OptionalNamespace, [null], (_, a) => DeclType.OptionalOf(a[0]));
        Member("none", DeclKind.OptionalNamespace, [], DeclType.OptionalOf(DeclType.Dyn));

        // Kubernetes sets library.
        Member("contains", DeclKind.SetsNamespace, [DeclKind.List, DeclKind.List], DeclType.Bool);
        Member("equivalent", DeclKind.SetsNamespace, [DeclKind.List, DeclKind.List], DeclType.Bool);
        Member("intersects", DeclKind.SetsNamespace, [DeclKind.List, DeclKind.List], DeclType.Bool);

        return table;
    }

    private static void Add(Dictionary<string, List<Overload>> table, string name, Overload overload)
    {
        if (!table.TryGetValue(name, out var list))
        {
            table[name] = list = [];
        }

        list.Add(overload);
    }
}
