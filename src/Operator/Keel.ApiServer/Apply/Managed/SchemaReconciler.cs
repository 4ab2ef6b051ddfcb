using Keel.ApiServer.Apply.Fields;
using Keel.ApiServer.Apply.Topology;

namespace Keel.ApiServer.Apply.Managed;

/// <summary>
/// Adapts stored ownership to a schema that changed since it was recorded (a CRD update): a field that
/// became atomic is owned as a whole by whoever owned parts of it. (Like the API server, a field that
/// became granular keeps its whole-field ownership.) Untyped and deduced positions are left alone.
/// </summary>
internal static class SchemaReconciler
{
    public static FieldSet Reconcile(FieldSet set, TypeNode? type)
    {
        if (type is null || set.Children.Count == 0)
        {
            return set;
        }
        var changed = false;
        var result = new FieldSet();
        foreach (var member in set.Members)
        {
            result.InsertMember(member);
        }
        foreach (var (element, child) in set.Children)
        {
            var childType = element.Kind switch
            {
                PathElementKind.Field => type.Map?.TypeOf(element.FieldName!),
                PathElementKind.Key or PathElementKind.Value => type.List?.Element,
                _ => null,
            };
            if (IsAtomic(childType))
            {
                result.InsertMember(element);
                changed = true;
                continue;
            }
            var reconciled = Reconcile(child, childType);
            changed |= !ReferenceEquals(reconciled, child);
            result.AddChild(element, reconciled);
        }
        return changed ? result : set;
    }

    /// <summary>Atomic in the only shape the position allows (untyped positions allow several and are skipped).</summary>
    private static bool IsAtomic(TypeNode? type) => type switch
    {
        { Scalar: false, List: null, Map: { Atomic: true } } => true,
        { Scalar: false, Map: null, List: { IsAtomic: true } } => true,
        _ => false,
    };
}
