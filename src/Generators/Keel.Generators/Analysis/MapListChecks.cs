using System.Collections.Generic;
using System.Linq;
using Keel.Generators.Model;

namespace Keel.Generators.Analysis;

/// <summary>The API server's rules for map lists (and ours for merging them by key).</summary>
internal static class MapListChecks
{
    public static void Check(ResolvedProperty property, string name, ValueShape? item, IReadOnlyDictionary<string, ResolvedType> types, LocationInfo? location, bool externalItem, List<DiagnosticInfo> diagnostics)
    {
        if (property.Keys.IsEmpty)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MapListWithoutKeys, location, name));
            return;
        }

        foreach (var duplicate in property.Keys.GroupBy(k => k).Where(g => g.Count() > 1))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateKey, location, duplicate.Key, name));
        }

        if (item is null || item.Kind != ValueKind.Object || item.TypeKey is null || !types.TryGetValue(item.TypeKey, out var itemType))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TopologyMismatch, location, "ListMapKey", name, "a list whose items are not objects"));
            return;
        }

        foreach (var key in property.Keys.Concat(property.MergeKeys).Distinct())
        {
            var field = itemType.Properties.FirstOrDefault(p => p.JsonName == key);
            if (field is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MapKeyMissing, location, key, name, itemType.Shape.Name));
                continue;
            }

            if (!field.Value.IsScalar || field.Annotations.SchemaFromType is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MapKeyNotScalar, location, key, name, TypeChecks.Describe(field.Value)));
                continue;
            }

            if (field.Annotations.Nullable)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MapKeyNullable, location, key, name));
            }

            // Merge-only keys need not be required: the preset merge compares unset keys as equal.
            if (!externalItem && property.Keys.Contains(key) && !field.Required && field.Annotations.DefaultJson is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MapKeyNotRequired, location, key, name));
            }
        }
    }
}
