using System.Collections.Generic;
using System.Linq;
using Keel.Generators.Model;

namespace Keel.Generators.Analysis;

/// <summary>
/// Decides each property's topology and merge rule from its type, its attributes and the external
/// rules for its owner (docs/user-guide/merge-rules.md is the prose version of this class).
/// </summary>
internal static class TypeResolver
{
    // Keel.Annotations enums: ListTopology { Atomic, Set, Map }, MapTopology { Granular, Atomic }.
    private const int Set = 1;
    private const int Map = 2;
    private const int AtomicMap = 1;

    /// <summary>Applies external rules to a type's properties and resolves each one.</summary>
    /// <param name="type">The parsed type.</param>
    /// <param name="rules">External rules whose owner is this type.</param>
    /// <param name="keyFields">JSON names of this type's properties that external rules use as map-list keys.</param>
    /// <param name="isRoot">Whether the type is a custom resource root (apiVersion/kind/metadata/status never required).</param>
    public static ResolvedType Resolve(TypeShape type, IReadOnlyList<ExternalRule> rules, ISet<string> keyFields, bool isRoot)
    {
        var structType = type.Annotations.StructType;
        foreach (var rule in rules)
        {
            if (rule.Kind == ExternalRuleKind.MapTopology && rule.Property is null)
            {
                structType = rule.Topology;
            }
        }

        var groups = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
        var properties = new List<ResolvedProperty>();
        foreach (var property in type.Properties)
        {
            var annotations = Apply(property, rules.Where(r => r.Property == property.Name || (r.Kind == ExternalRuleKind.OneOf && r.Values.Contains(property.Name))));
            if (annotations.OneOfGroup is { } group)
            {
                if (!groups.TryGetValue(group, out var members))
                {
                    groups[group] = members = new List<string>();
                }

                members.Add(property.JsonName);
            }

            var required = IsRequired(property, annotations, keyFields.Contains(property.JsonName) && type.IsExternal, isRoot);
            properties.Add(ResolveProperty(property, annotations, required));
        }

        var oneOfGroups = groups
            .OrderBy(g => g.Key, System.StringComparer.Ordinal)
            .Select(g => new OneOfGroupModel(g.Key, g.Value.ToEquatableArray()))
            .ToEquatableArray();
        return new ResolvedType(type, properties.ToEquatableArray(), oneOfGroups, structType == AtomicMap);
    }

    /// <summary>Object properties whose type is an atomic struct merge atomically too (unless the property says granular).</summary>
    public static List<ResolvedType> ApplyAtomicTypes(List<ResolvedType> types)
    {
        var atomic = new HashSet<string>(types.Where(t => t.Atomic).Select(t => t.Key), System.StringComparer.Ordinal);
        return types.Select(type => type with
        {
            Properties = type.Properties.Select(p =>
                p.Kind == FieldKind.Object && p.Strategy == MergeKind.MergeFields && p.Annotations.StructType is null
                    && p.Value.TypeKey is { } target && atomic.Contains(target)
                    ? p with { Strategy = MergeKind.AtomicObject, Atomic = true }
                    : p).ToEquatableArray(),
        }).ToList();
    }

    private static PropertyAnnotations Apply(PropertyShape property, IEnumerable<ExternalRule> rules)
    {
        var annotations = property.Annotations;
        foreach (var rule in rules)
        {
            annotations = rule.Kind switch
            {
                ExternalRuleKind.ListMap => annotations with { ListType = Map, ListMapKeys = rule.Values, MergeKeys = rule.MergeKeys },
                ExternalRuleKind.ListTopology => annotations with { ListType = rule.Topology },
                ExternalRuleKind.MapTopology when property.Value.Kind == ValueKind.Map => annotations with { MapType = rule.Topology },
                ExternalRuleKind.MapTopology => annotations with { StructType = rule.Topology },
                ExternalRuleKind.Prepend => annotations with { Prepend = true },
                ExternalRuleKind.AtomicReplace => annotations with { AtomicReplace = true, EmptyMeansUnset = rule.EmptyMeansUnset },
                ExternalRuleKind.OneOf => annotations with { OneOfGroup = rule.Property },
                ExternalRuleKind.Default => annotations with { DefaultJson = rule.Values.FirstOrDefault() },
                _ => annotations,
            };
        }

        return annotations;
    }

    private static bool IsRequired(PropertyShape property, PropertyAnnotations annotations, bool isExternalKey, bool isRoot)
    {
        if (isRoot && property.JsonName is "apiVersion" or "kind" or "metadata" or "status")
        {
            return false;
        }

        if (annotations.Required)
        {
            return true;
        }

        if (annotations.Optional || annotations.DefaultJson is not null)
        {
            return false;
        }

        return isExternalKey || property.IsRequiredMember || property.Value.CannotBeUnset || property.IsNonNullableReference;
    }

    private static ResolvedProperty ResolveProperty(PropertyShape property, PropertyAnnotations annotations, bool required)
    {
        var value = property.Value;
        var kind = KindOf(value, annotations);
        var keys = annotations.ListMapKeys;
        // uniqueItems is rejected by the API server (quadratic); a unique scalar list is a set.
        var listType = annotations.ListType ?? (!keys.IsEmpty ? Map : annotations.UniqueItems && value.Element?.IsScalar == true ? Set : null);
        var mergeKeys = annotations.MergeKeys.IsEmpty ? keys : annotations.MergeKeys;
        var atomic = kind switch
        {
            FieldKind.Map => annotations.MapType == AtomicMap,
            FieldKind.Object => annotations.StructType == AtomicMap,
            _ => false,
        };

        var strategy = kind switch
        {
            _ when annotations.Prepend && kind == FieldKind.List => MergeKind.Prepend,
            _ when annotations.AtomicReplace => annotations.EmptyMeansUnset ? MergeKind.AtomicReplaceUnlessEmpty : MergeKind.AtomicReplace,
            FieldKind.Scalar => MergeKind.Replace,
            FieldKind.FreeForm => MergeKind.FreeFormReplace,
            FieldKind.Object => atomic ? MergeKind.AtomicObject : MergeKind.MergeFields,
            FieldKind.Map => atomic ? MergeKind.AtomicMap : MergeKind.MapUnion,
            _ => listType switch
            {
                Map when value.Element?.Kind == ValueKind.Object && !keys.IsEmpty => MergeKind.MapList,
                Set => MergeKind.SetUnion,
                _ => MergeKind.AtomicList,
            },
        };

        // A map list whose items are not objects cannot merge by key: keep it atomic (a diagnostic says why).
        if (strategy == MergeKind.SetUnion && value.Element?.IsScalar != true)
        {
            strategy = MergeKind.AtomicList;
        }

        return new ResolvedProperty(property, annotations, kind, strategy, listType, keys, mergeKeys, atomic, required);
    }

    public static FieldKind KindOf(ValueShape value, PropertyAnnotations annotations)
    {
        if (annotations.SchemaFromType is not null)
        {
            return FieldKind.FreeForm;
        }

        return value.Kind switch
        {
            ValueKind.Object => FieldKind.Object,
            ValueKind.List => FieldKind.List,
            ValueKind.Map => FieldKind.Map,
            ValueKind.FreeForm or ValueKind.Unsupported => FieldKind.FreeForm,
            _ => FieldKind.Scalar,
        };
    }
}
