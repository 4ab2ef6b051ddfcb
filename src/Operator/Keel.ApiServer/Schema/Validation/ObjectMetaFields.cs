namespace Keel.ApiServer.Schema.Validation;

/// <summary>The fields <c>metav1.ObjectMeta</c> knows; anything else in a resource's metadata is dropped on decode.</summary>
internal static class ObjectMetaFields
{
    public static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
        "managedFields",
    };

    public static readonly HashSet<string> OwnerReferenceFields = new(StringComparer.Ordinal)
    {
        "apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion",
    };

    public static readonly HashSet<string> ManagedFieldsEntryFields = new(StringComparer.Ordinal)
    {
        "manager", "operation", "apiVersion", "time", "fieldsType", "fieldsV1", "subresource",
    };

    /// <summary>Type and object meta at the root of a resource (and of an embedded resource): never pruned by the schema.</summary>
    public static bool IsTypeOrObjectMeta(string key) => key is "apiVersion" or "kind" or "metadata";
}
