using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Fields;
using Keel.ApiServer.Apply.Topology;
using Keel.ApiServer.Apply.Typed;

namespace Keel.ApiServer.Apply.Managed;

/// <summary>The owned fields of every manager of one object, keyed by manager identity.</summary>
internal sealed class ManagedSets : Dictionary<ManagerKey, ManagedEntry>
{
    public ManagedSets()
    {
    }

    public ManagedSets(IDictionary<ManagerKey, ManagedEntry> entries)
        : base(entries)
    {
    }

    public FieldSet Union() => Values.Aggregate(new FieldSet(), (all, entry) => all.Union(entry.Fields));

    public void RemoveEmpty()
    {
        foreach (var key in Keys.Where(k => this[k].Fields.IsEmpty).ToList())
        {
            Remove(key);
        }
    }
}

/// <summary>The outcome of an apply at the ownership level: the new object and sets, or conflicts.</summary>
internal sealed record OwnershipResult(JsonObject? Object, ManagedSets? Managers, IReadOnlyDictionary<ManagerKey, FieldSet>? Conflicts);

/// <summary>
/// Structured-merge-diff's Updater: computes who owns what after an update or an apply, prunes what an
/// applier stopped applying, and finds conflicts. Works on objects without <c>managedFields</c>.
/// <paramref name="ignore"/> removes fields no manager may own through this endpoint (the reset fields).
/// </summary>
internal sealed class OwnershipUpdater(TypeNode root, Func<FieldSet, FieldSet> ignore)
{
    /// <summary>
    /// Ownership after a non-apply write: every manager (the writer's earlier entry included) loses the
    /// fields that were removed and the fields that were added or changed; the returned
    /// <c>Taken</c> set is what the write itself changed, which the caller gives to the writer.
    /// </summary>
    public (ManagedSets Managers, FieldSet Taken) Update(JsonObject live, JsonObject updated, ManagedSets managers)
    {
        var (result, comparison, _) = Reconcile(live, updated, managers, CurrentOperation, force: true);
        var taken = ignore(comparison.Modified.Union(comparison.Added).Difference(comparison.Removed));
        return (result!, taken);
    }

    /// <summary>The identity of the write in progress, distinct from every stored entry.</summary>
    private static readonly ManagerKey CurrentOperation = new("\0current-operation", false, null, null);

    /// <summary>
    /// Merges <paramref name="config"/> into <paramref name="live"/>, records that <paramref name="applier"/>
    /// owns exactly the configuration's fields, removes fields it applied before and no longer applies when
    /// nobody else owns them, and reports conflicts with other managers' fields whose value would change.
    /// </summary>
    public OwnershipResult Apply(JsonObject live, JsonObject config, string apiVersion, ManagedSets managers, ManagerKey applier, bool force, Func<JsonObject, JsonObject> reset)
    {
        var merged = reset(ApplyMerger.Merge(live, config, root));
        managers = new ManagedSets(managers);
        var lastSet = managers.TryGetValue(applier, out var last) ? last.Fields : null;
        var applied = ignore(FieldSetBuilder.FromObject(config, root));
        managers[applier] = new ManagedEntry(applier, applied, apiVersion, last?.Time);

        var pruned = Prune(merged, managers, lastSet);
        var (result, _, conflicts) = Reconcile(live, pruned, managers, applier, force);
        return conflicts is not null
            ? new OwnershipResult(null, null, conflicts)
            : new OwnershipResult(pruned, result, null);
    }

    /// <summary>
    /// Removes a field, map entry or list item iff the applier applied it last time, does not apply it
    /// now, and no other manager owns it (structured-merge-diff's prune, add back owned, add back dangling).
    /// </summary>
    private JsonObject Prune(JsonObject merged, ManagedSets managers, FieldSet? lastSet)
    {
        if (lastSet is null || lastSet.IsEmpty)
        {
            return merged;
        }
        FieldSet Named(FieldSet set) => set.EnsureNamedFieldsAreMembers(root);

        var last = Named(lastSet);
        var pruned = ItemRemover.Remove(merged, last, root);

        var mergedSet = Named(FieldSetBuilder.FromObject(merged, root));
        var managed = Named(managers.Union());
        pruned = ItemRemover.Remove(merged, mergedSet.Difference(Named(FieldSetBuilder.FromObject(pruned, root)).Union(managed)), root);

        var prunedSet = Named(FieldSetBuilder.FromObject(pruned, root));
        return ItemRemover.Remove(merged, mergedSet.Difference(prunedSet).Intersection(last), root);
    }

    /// <summary>
    /// Compares the live and new objects; other managers lose fields that were removed, and fields that
    /// were added or changed are conflicts (taken from them when forced).
    /// </summary>
    private (ManagedSets? Managers, Comparison Comparison, IReadOnlyDictionary<ManagerKey, FieldSet>? Conflicts) Reconcile(
        JsonObject live, JsonObject updated, ManagedSets managers, ManagerKey writer, bool force)
    {
        var comparison = ObjectComparer.Compare(live, updated, root).Exclude(ignore);
        var changed = comparison.Modified.Union(comparison.Added);
        var conflicts = new Dictionary<ManagerKey, FieldSet>();
        foreach (var (key, entry) in managers)
        {
            if (key == writer)
            {
                continue;
            }
            var conflict = entry.Fields.Intersection(changed);
            if (!conflict.IsEmpty)
            {
                conflicts[key] = conflict;
            }
        }
        if (!force && conflicts.Count > 0)
        {
            return (null, comparison, conflicts);
        }

        var result = new ManagedSets();
        foreach (var (key, entry) in managers)
        {
            var fields = entry.Fields;
            if (key != writer)
            {
                if (conflicts.TryGetValue(key, out var taken))
                {
                    fields = fields.Difference(taken);
                }
                fields = fields.Difference(comparison.Removed);
            }
            result[key] = entry with { Fields = fields };
        }
        result.RemoveEmpty();
        return (result, comparison, null);
    }
}
