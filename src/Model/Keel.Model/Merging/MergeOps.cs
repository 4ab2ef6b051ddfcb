using System.ComponentModel;
using Keel.Model.Topology;

namespace Keel.Model.Merging;

/// <summary>
/// The building blocks generated merge code calls: one method per merge strategy, each returning new
/// collections (inputs are never mutated; items are cloned or merged into new objects). A null
/// <see cref="MergeContext"/> means nobody observes the merge.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MergeOps
{
    /// <summary>Scalar of a reference type: the overlay's when set.</summary>
    public static T? PickRef<T>(T? @base, T? overlay, MergeContext? context, string jsonName)
        where T : class
    {
        if (context is not null && (@base is not null || overlay is not null))
        {
            context.Field(jsonName).Report(overlay is not null ? MergeSide.Overlay : MergeSide.Base, MergeStrategy.Replace);
        }

        return overlay ?? @base;
    }

    /// <summary>Scalar of a nullable value type: the overlay's when set.</summary>
    public static T? PickValue<T>(T? @base, T? overlay, MergeContext? context, string jsonName)
        where T : struct
    {
        if (context is not null && (@base.HasValue || overlay.HasValue))
        {
            context.Field(jsonName).Report(overlay.HasValue ? MergeSide.Overlay : MergeSide.Base, MergeStrategy.Replace);
        }

        return overlay ?? @base;
    }

    /// <summary>
    /// Scalar of a non-nullable value type: the C# type cannot say "unset", so the default value
    /// (0, false) counts as unset and the base's value is kept.
    /// </summary>
    public static T PickRequired<T>(T @base, T overlay, MergeContext? context, string jsonName)
        where T : struct
    {
        var overlaySet = !EqualityComparer<T>.Default.Equals(overlay, default);
        if (context is not null && (overlaySet || !EqualityComparer<T>.Default.Equals(@base, default)))
        {
            context.Field(jsonName).Report(overlaySet ? MergeSide.Overlay : MergeSide.Base, MergeStrategy.Replace);
        }

        return overlaySet ? overlay : @base;
    }

    /// <summary>An object present on one side only, or atomic: the overlay's when set, cloned.</summary>
    public static T? Whole<T>(T? @base, T? overlay, Func<T, T> clone, MergeContext? context, MergeStrategy strategy)
        where T : class
    {
        if (overlay is not null)
        {
            context?.Report(MergeSide.Overlay, strategy);
            return clone(overlay);
        }

        if (@base is not null)
        {
            context?.Report(MergeSide.Base, strategy);
            return clone(@base);
        }

        return null;
    }

    /// <summary>The base's value of a one-of member, or null when the overlay set another member of the group.</summary>
    public static T? OneOfBase<T>(T? @base, bool overlaySetsOther, MergeContext? context, string jsonName, string group)
    {
        if (!overlaySetsOther || @base is null)
        {
            return @base;
        }

        context?.Field(jsonName).Report(MergeSide.Cleared, MergeStrategy.Replace, group);
        return default;
    }

    public static List<T>? CloneList<T>(IList<T>? source, Func<T, T>? clone)
    {
        if (source is null)
        {
            return null;
        }

        var result = new List<T>(source.Count);
        for (var i = 0; i < source.Count; i++)
        {
            result.Add(clone is null ? source[i] : clone(source[i]));
        }

        return result;
    }

    public static Dictionary<string, TValue>? CloneMap<TValue>(IDictionary<string, TValue>? source, Func<TValue, TValue>? clone)
    {
        if (source is null)
        {
            return null;
        }

        var result = new Dictionary<string, TValue>(source.Count, StringComparer.Ordinal);
        foreach (var pair in source)
        {
            result[pair.Key] = clone is null || pair.Value is null ? pair.Value : clone(pair.Value);
        }

        return result;
    }

    /// <summary>Atomic list: the overlay's list replaces the base's when set.</summary>
    public static List<T>? AtomicList<T>(IList<T>? @base, IList<T>? overlay, Func<T, T>? clone, MergeContext? context)
    {
        var chosen = overlay ?? @base;
        if (chosen is not null)
        {
            context?.Report(overlay is not null ? MergeSide.Overlay : MergeSide.Base, MergeStrategy.AtomicList);
        }

        return CloneList(chosen, clone);
    }

    /// <summary>Atomic replace of a list; with <paramref name="emptyMeansUnset"/> an empty overlay keeps the base.</summary>
    public static List<T>? ReplaceList<T>(IList<T>? @base, IList<T>? overlay, bool emptyMeansUnset, Func<T, T>? clone, MergeContext? context)
    {
        var overlaySet = overlay is not null && (!emptyMeansUnset || overlay.Count > 0);
        var chosen = overlaySet ? overlay : @base;
        if (chosen is not null)
        {
            context?.Report(overlaySet ? MergeSide.Overlay : MergeSide.Base, emptyMeansUnset ? MergeStrategy.AtomicReplaceUnlessEmpty : MergeStrategy.AtomicReplace);
        }

        return CloneList(chosen, clone);
    }

    /// <summary>Prepend: overlay items first, then the base's.</summary>
    public static List<T>? Prepend<T>(IList<T>? @base, IList<T>? overlay, Func<T, T>? clone, MergeContext? context)
    {
        if (overlay is null || overlay.Count == 0)
        {
            if (@base is not null)
            {
                context?.Report(MergeSide.Base, MergeStrategy.Prepend);
            }

            return CloneList(@base ?? overlay, clone);
        }

        if (@base is null || @base.Count == 0)
        {
            context?.Report(MergeSide.Overlay, MergeStrategy.Prepend);
            return CloneList(overlay, clone);
        }

        context?.Report(MergeSide.Both, MergeStrategy.Prepend);
        var result = new List<T>(overlay.Count + @base.Count);
        for (var i = 0; i < overlay.Count; i++)
        {
            result.Add(clone is null ? overlay[i] : clone(overlay[i]));
        }

        for (var i = 0; i < @base.Count; i++)
        {
            result.Add(clone is null ? @base[i] : clone(@base[i]));
        }

        return result;
    }

    /// <summary>Set: base items, then the overlay's items the result does not hold yet.</summary>
    public static List<T>? SetUnion<T>(IList<T>? @base, IList<T>? overlay, MergeContext? context)
    {
        if (overlay is null || @base is null)
        {
            var only = overlay ?? @base;
            if (only is not null)
            {
                context?.Report(overlay is not null ? MergeSide.Overlay : MergeSide.Base, MergeStrategy.SetUnion);
            }

            return CloneList(only, clone: null);
        }

        context?.Report(MergeSide.Both, MergeStrategy.SetUnion);
        var result = new List<T>(@base.Count + overlay.Count);
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < @base.Count; i++)
        {
            result.Add(@base[i]);
        }

        for (var i = 0; i < overlay.Count; i++)
        {
            var item = overlay[i];
            var present = false;
            for (var j = 0; j < result.Count && !present; j++)
            {
                present = comparer.Equals(result[j], item);
            }

            if (!present)
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>
    /// Map list: base order kept, each overlay item merged into the item with the same key (the base's
    /// or an earlier overlay item's), new keys appended in overlay order.
    /// </summary>
    public static List<T>? MapList<T>(
        IList<T>? @base,
        IList<T>? overlay,
        Func<T, T, bool> sameKey,
        Func<T, string> describeKey,
        Func<T?, T?, MergeContext?, T?> merge,
        Func<T, T> clone,
        MergeContext? context)
        where T : class
    {
        if (overlay is null || @base is null)
        {
            var only = overlay ?? @base;
            if (only is not null)
            {
                context?.Report(overlay is not null ? MergeSide.Overlay : MergeSide.Base, MergeStrategy.MapList);
            }

            return CloneList(only, clone);
        }

        var result = new List<T>(@base.Count + overlay.Count);
        for (var i = 0; i < @base.Count; i++)
        {
            result.Add(@base[i]);
        }

        // Slots below base.Count still hold the base's own objects until merged; they are cloned at the end.
        var merged = new bool[@base.Count];
        for (var i = 0; i < overlay.Count; i++)
        {
            var item = overlay[i];
            if (item is null)
            {
                continue;
            }

            var slot = -1;
            for (var j = 0; j < result.Count; j++)
            {
                if (result[j] is { } candidate && sameKey(candidate, item))
                {
                    slot = j;
                    break;
                }
            }

            if (slot < 0)
            {
                var itemContext = context?.Item(describeKey(item));
                itemContext?.Report(MergeSide.Overlay, MergeStrategy.MapList);
                result.Add(clone(item));
                continue;
            }

            result[slot] = merge(result[slot], item, context?.Item(describeKey(item)))!;
            if (slot < merged.Length)
            {
                merged[slot] = true;
            }
        }

        for (var i = 0; i < merged.Length; i++)
        {
            if (!merged[i] && result[i] is { } untouched)
            {
                context?.Item(describeKey(untouched)).Report(MergeSide.Base, MergeStrategy.MapList);
                result[i] = clone(untouched);
            }
        }

        return result;
    }

    /// <summary>Granular map: union by key, the overlay's value wins per key (values merged when <paramref name="merge"/> is given).</summary>
    public static Dictionary<string, TValue>? MapUnion<TValue>(
        IDictionary<string, TValue>? @base,
        IDictionary<string, TValue>? overlay,
        Func<TValue, TValue>? clone,
        Func<TValue?, TValue?, MergeContext?, TValue?>? merge,
        MergeContext? context)
    {
        if (overlay is null || @base is null)
        {
            var only = overlay ?? @base;
            if (only is not null && context is not null)
            {
                var side = overlay is not null ? MergeSide.Overlay : MergeSide.Base;
                foreach (var key in only.Keys)
                {
                    context.Key(key).Report(side, MergeStrategy.MapUnion);
                }
            }

            return CloneMap(only, clone);
        }

        var result = new Dictionary<string, TValue>(@base.Count + overlay.Count, StringComparer.Ordinal);
        foreach (var pair in @base)
        {
            if (!overlay.ContainsKey(pair.Key))
            {
                context?.Key(pair.Key).Report(MergeSide.Base, MergeStrategy.MapUnion);
                result[pair.Key] = clone is null || pair.Value is null ? pair.Value : clone(pair.Value);
            }
        }

        foreach (var pair in overlay)
        {
            if (merge is not null && @base.TryGetValue(pair.Key, out var baseValue))
            {
                result[pair.Key] = merge(baseValue, pair.Value, context?.Key(pair.Key))!;
                continue;
            }

            context?.Key(pair.Key).Report(MergeSide.Overlay, MergeStrategy.MapUnion);
            result[pair.Key] = clone is null || pair.Value is null ? pair.Value : clone(pair.Value);
        }

        return result;
    }

    /// <summary>Atomic map (or atomic replace of a map): the overlay's map replaces the base's when set.</summary>
    public static Dictionary<string, TValue>? ReplaceMap<TValue>(
        IDictionary<string, TValue>? @base,
        IDictionary<string, TValue>? overlay,
        bool emptyMeansUnset,
        Func<TValue, TValue>? clone,
        MergeStrategy strategy,
        MergeContext? context)
    {
        var overlaySet = overlay is not null && (!emptyMeansUnset || overlay.Count > 0);
        var chosen = overlaySet ? overlay : @base;
        if (chosen is not null)
        {
            context?.Report(overlaySet ? MergeSide.Overlay : MergeSide.Base, strategy);
        }

        return CloneMap(chosen, clone);
    }

    /// <summary>Atomic replace of a string; with <paramref name="emptyMeansUnset"/> an empty overlay keeps the base.</summary>
    public static string? ReplaceString(string? @base, string? overlay, bool emptyMeansUnset, MergeContext? context, string jsonName)
    {
        var overlaySet = overlay is not null && (!emptyMeansUnset || overlay.Length > 0);
        var chosen = overlaySet ? overlay : @base;
        if (chosen is not null)
        {
            context?.Field(jsonName).Report(overlaySet ? MergeSide.Overlay : MergeSide.Base, emptyMeansUnset ? MergeStrategy.AtomicReplaceUnlessEmpty : MergeStrategy.AtomicReplace);
        }

        return chosen;
    }

    /// <summary>
    /// Unknown fields kept in a <c>[JsonExtensionData] JsonObject</c>: union by key, the overlay's value wins per key
    /// (as <see cref="MapUnion{TValue}"/> does for dictionaries). Entries are reported at the object's path.
    /// </summary>
    public static System.Text.Json.Nodes.JsonObject? UnionObject(System.Text.Json.Nodes.JsonObject? @base, System.Text.Json.Nodes.JsonObject? overlay, MergeContext? context)
    {
        if (@base is null && overlay is null)
        {
            return null;
        }

        var result = new System.Text.Json.Nodes.JsonObject();
        foreach (var (key, value) in @base ?? [])
        {
            if (overlay is null || !overlay.ContainsKey(key))
            {
                context?.Key(key).Report(MergeSide.Base, MergeStrategy.MapUnion);
                result[key] = value?.DeepClone();
            }
        }

        foreach (var (key, value) in overlay ?? [])
        {
            context?.Key(key).Report(MergeSide.Overlay, MergeStrategy.MapUnion);
            result[key] = value?.DeepClone();
        }

        return result;
    }

    /// <summary>Byte arrays are mutable, so results get their own copy.</summary>
    public static byte[]? Copy(byte[]? value) => value is null ? null : (byte[])value.Clone();

    /// <summary>Lists declared as arrays or read-only interfaces, seen as lists without copying when possible.</summary>
    public static IList<T>? AsList<T>(IEnumerable<T>? source) => source switch
    {
        null => null,
        IList<T> list => list,
        _ => source.ToList(),
    };

    /// <summary>Read-only dictionaries, seen as dictionaries without copying when possible.</summary>
    public static IDictionary<string, TValue>? AsMap<TValue>(IEnumerable<KeyValuePair<string, TValue>>? source) => source switch
    {
        null => null,
        IDictionary<string, TValue> map => map,
        _ => source.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
    };
}
