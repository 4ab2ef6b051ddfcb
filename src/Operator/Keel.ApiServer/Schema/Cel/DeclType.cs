namespace Keel.ApiServer.Schema.Cel;

internal enum DeclKind
{
    Dyn, Null, Bool, Int, Uint, Double, String, Bytes, Timestamp, Duration, Type, List, Map, Object, Optional,
    Url, Quantity, OptionalNamespace, SetsNamespace,
}

/// <summary>
/// The static CEL type of an expression, as far as the checker can tell. Object types come from the structural
/// schema (property names escaped as Kubernetes does); <c>dyn</c> means "checked at run time".
/// </summary>
internal sealed class DeclType
{
    public static readonly DeclType Dyn = new(DeclKind.Dyn);
    public static readonly DeclType IntOrString = new(DeclKind.Dyn) { IsIntOrString = true };
    public static readonly DeclType Null = new(DeclKind.Null);
    public static readonly DeclType Bool = new(DeclKind.Bool);
    public static readonly DeclType Int = new(DeclKind.Int);
    public static readonly DeclType Uint = new(DeclKind.Uint);
    public static readonly DeclType Double = new(DeclKind.Double);
    public static readonly DeclType String = new(DeclKind.String);
    public static readonly DeclType Bytes = new(DeclKind.Bytes);
    public static readonly DeclType Timestamp = new(DeclKind.Timestamp);
    public static readonly DeclType Duration = new(DeclKind.Duration);
    public static readonly DeclType Type = new(DeclKind.Type);
    public static readonly DeclType Url = new(DeclKind.Url);
    public static readonly DeclType Quantity = new(DeclKind.Quantity);
    public static readonly DeclType OptionalNamespace = new(DeclKind.OptionalNamespace);
    public static readonly DeclType SetsNamespace = new(DeclKind.SetsNamespace);
    public static readonly DeclType ListOfDyn = ListOf(Dyn);
    public static readonly DeclType MapOfDyn = MapOf(Dyn, Dyn);

    private DeclType(DeclKind kind) => Kind = kind;

    public DeclKind Kind { get; }
    public DeclType? Elem { get; private init; }
    public DeclType? Key { get; private init; }
    public DeclType? Value { get; private init; }

    /// <summary>Object fields by escaped CEL name.</summary>
    public IReadOnlyDictionary<string, DeclType>? Fields { get; private init; }

    public bool IsIntOrString { get; private init; }

    /// <summary>For lists: <c>x-kubernetes-list-type</c> (set and map lists compare without regard to order in Kubernetes).</summary>
    public string? ListType { get; private init; }

    public static DeclType ListOf(DeclType elem, string? listType = null) => new(DeclKind.List) { Elem = elem, ListType = listType };

    public static DeclType MapOf(DeclType key, DeclType value) => new(DeclKind.Map) { Key = key, Value = value };

    public static DeclType ObjectOf(IReadOnlyDictionary<string, DeclType> fields) => new(DeclKind.Object) { Fields = fields };

    public static DeclType OptionalOf(DeclType inner) => new(DeclKind.Optional) { Elem = inner };

    public bool IsDyn => Kind == DeclKind.Dyn;

    public bool IsNumeric => Kind is DeclKind.Int or DeclKind.Uint or DeclKind.Double;

    /// <summary>The type name cel-go prints in "no matching overload" errors.</summary>
    public string Name => Kind switch
    {
        DeclKind.Dyn => "dyn",
        DeclKind.Null => "null_type",
        DeclKind.Bool => "bool",
        DeclKind.Int => "int",
        DeclKind.Uint => "uint",
        DeclKind.Double => "double",
        DeclKind.String => "string",
        DeclKind.Bytes => "bytes",
        DeclKind.Timestamp => "google.protobuf.Timestamp",
        DeclKind.Duration => "google.protobuf.Duration",
        DeclKind.Type => "type",
        DeclKind.List => $"list({Elem!.Name})",
        DeclKind.Map => $"map({Key!.Name}, {Value!.Name})",
        DeclKind.Object => "object",
        DeclKind.Optional => $"optional_type({Elem!.Name})",
        DeclKind.Url => "kubernetes.URL",
        DeclKind.Quantity => "kubernetes.Quantity",
        DeclKind.OptionalNamespace => "optional",
        DeclKind.SetsNamespace => "sets",
        _ => "dyn",
    };

    /// <summary>True when a value of this type may be used where <paramref name="other"/> is expected (dyn matches all).</summary>
    public bool IsAssignableTo(DeclType other)
    {
        if (IsDyn || other.IsDyn || Kind == DeclKind.Null && other.Kind is DeclKind.Null or DeclKind.Object or DeclKind.Map or DeclKind.List or DeclKind.Optional)
        {
            return true;
        }

        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            DeclKind.List => Elem!.IsAssignableTo(other.Elem!),
            DeclKind.Map => Key!.IsAssignableTo(other.Key!) && Value!.IsAssignableTo(other.Value!),
            DeclKind.Optional => Elem!.IsAssignableTo(other.Elem!),
            _ => true,
        };
    }

    /// <summary>The common type of two branches: the type itself when they agree, dyn otherwise.</summary>
    public static DeclType Join(DeclType a, DeclType b)
    {
        if (a.IsDyn)
        {
            return a;
        }

        if (b.IsDyn)
        {
            return b;
        }

        if (a.Kind == DeclKind.Null)
        {
            return b;
        }

        if (b.Kind == DeclKind.Null)
        {
            return a;
        }

        if (a.Kind != b.Kind)
        {
            return Dyn;
        }

        return a.Kind switch
        {
            DeclKind.List => ReferenceEquals(a, b) ? a : ListOf(Join(a.Elem!, b.Elem!)),
            DeclKind.Map => ReferenceEquals(a, b) ? a : MapOf(Join(a.Key!, b.Key!), Join(a.Value!, b.Value!)),
            DeclKind.Object => ReferenceEquals(a, b) ? a : MapOfDyn,
            _ => a,
        };
    }
}
