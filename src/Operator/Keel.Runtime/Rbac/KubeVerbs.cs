namespace Keel.Runtime.Rbac;

/// <summary>The Kubernetes authorization verbs, and the order roles list them in (reads, writes, then RBAC's own).</summary>
public static class KubeVerbs
{
    public const string Get = "get";
    public const string List = "list";
    public const string Watch = "watch";
    public const string Create = "create";
    public const string Update = "update";
    public const string Patch = "patch";
    public const string Delete = "delete";
    public const string DeleteCollection = "deletecollection";
    public const string Bind = "bind";
    public const string Escalate = "escalate";
    public const string Impersonate = "impersonate";

    private static readonly string[] Canonical = [Get, List, Watch, Create, Update, Patch, Delete, DeleteCollection, Bind, Escalate, Impersonate];

    /// <summary>Orders verbs as roles conventionally list them; unknown verbs go last, alphabetically.</summary>
    public static IComparer<string> Order { get; } = Comparer<string>.Create((a, b) =>
    {
        var ia = Array.IndexOf(Canonical, a);
        var ib = Array.IndexOf(Canonical, b);
        ia = ia < 0 ? Canonical.Length : ia;
        ib = ib < 0 ? Canonical.Length : ib;
        return ia != ib ? ia.CompareTo(ib) : string.CompareOrdinal(a, b);
    });
}
