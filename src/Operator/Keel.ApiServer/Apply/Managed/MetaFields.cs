using Keel.ApiServer.Apply.Fields;

namespace Keel.ApiServer.Apply.Managed;

/// <summary>
/// Fields nobody ever owns, whatever the operation: type meta and the identity and bookkeeping parts of
/// ObjectMeta that the API server sets itself (the server strips exactly these from every entry).
/// </summary>
internal static class MetaFields
{
    private static readonly FieldSet Stripped = FieldSet.Of(
        FieldPath.Of("apiVersion"),
        FieldPath.Of("kind"),
        FieldPath.Of("metadata"),
        FieldPath.Of("metadata", "name"),
        FieldPath.Of("metadata", "namespace"),
        FieldPath.Of("metadata", "creationTimestamp"),
        FieldPath.Of("metadata", "selfLink"),
        FieldPath.Of("metadata", "uid"),
        FieldPath.Of("metadata", "clusterName"),
        FieldPath.Of("metadata", "generation"),
        FieldPath.Of("metadata", "managedFields"),
        FieldPath.Of("metadata", "resourceVersion"));

    /// <summary>The set without those fields (path-wise: owning a label still counts).</summary>
    public static FieldSet Strip(FieldSet fields) => fields.Difference(Stripped);
}
