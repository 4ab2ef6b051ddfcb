using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Keel.Generators.Model;

namespace Keel.Generators.Analysis;

/// <summary>
/// Joins every parsed resource and rule declaration into one <see cref="GenerationModel"/>: applies the
/// external rules, resolves topology and merge rules, groups versions into CRDs and runs the checks.
/// </summary>
internal static class ModelBuilder
{
    public static GenerationModel Build(
        ImmutableArray<ResourceParse> resources,
        ImmutableArray<RulesParse> declarations,
        ImmutableArray<JsonContextInfo> jsonContexts,
        string rootNamespace,
        bool runtimeAvailable)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var shapes = new Dictionary<string, TypeShape>(System.StringComparer.Ordinal);
        foreach (var declaration in declarations)
        {
            diagnostics.AddRange(declaration.Diagnostics);
            AddAll(shapes, declaration.Types);
        }

        foreach (var resource in resources)
        {
            diagnostics.AddRange(resource.Diagnostics);
            AddAll(shapes, resource.Types);
        }

        var rules = declarations.SelectMany(d => d.Rules).ToList();
        CheckRuleConflicts(rules, diagnostics);
        var rulesByOwner = rules.ToLookup(r => r.OwnerKey);
        var roots = new HashSet<string>(resources.Select(r => r.Resource.RootKey), System.StringComparer.Ordinal);

        var types = shapes.Values
            .OrderBy(t => t.Key, System.StringComparer.Ordinal)
            .Select(t => TypeResolver.Resolve(t, rulesByOwner[t.Key].ToList(), roots.Contains(t.Key)))
            .ToList();
        types = TypeResolver.ApplyAtomicTypes(types);
        var byKey = types.ToDictionary(t => t.Key, System.StringComparer.Ordinal);

        foreach (var type in types.Where(t => !t.Shape.IsExternal))
        {
            TypeChecks.Check(type, byKey, diagnostics);
        }

        CheckExternalRules(rules, byKey, diagnostics);
        EnumSerialization.Check(types.Where(t => !t.Shape.IsExternal), resources, jsonContexts, diagnostics);
        RecursionCheck.Check(types.Where(t => !t.Shape.IsExternal), byKey, diagnostics);

        var crds = resources
            .Select(r => r.Resource)
            .GroupBy(r => (r.Group, r.Kind))
            .OrderBy(g => g.Key.Group, System.StringComparer.Ordinal)
            .ThenBy(g => g.Key.Kind, System.StringComparer.Ordinal)
            .Select(g => new CrdModel(g.Key.Group, g.Key.Kind, g.First().Plural, g.OrderBy(v => v.Version, VersionPriority.Comparer).ToEquatableArray()))
            .ToList();
        foreach (var crd in crds)
        {
            ResourceChecks.Check(crd, byKey, diagnostics);
        }

        var builtins = declarations
            .SelectMany(d => d.Roots)
            .GroupBy(r => (r.Group, r.Version, r.Kind))
            .Select(g => g.First())
            .OrderBy(r => r.Group, System.StringComparer.Ordinal)
            .ThenBy(r => r.Version, System.StringComparer.Ordinal)
            .ThenBy(r => r.Kind, System.StringComparer.Ordinal)
            .ToEquatableArray();

        return new GenerationModel(
            rootNamespace,
            runtimeAvailable,
            types.ToEquatableArray(),
            builtins,
            crds.ToEquatableArray(),
            diagnostics.Distinct().ToEquatableArray());
    }

    private static void AddAll(Dictionary<string, TypeShape> shapes, EquatableArray<TypeShape> types)
    {
        foreach (var type in types)
        {
            if (!shapes.ContainsKey(type.Key))
            {
                shapes[type.Key] = type;
            }
        }
    }

    private static readonly string[] PatchStrategies = { "merge", "replace", "retainKeys" };

    // Kubernetes' strategic merge patch: merge lists of objects by a key field of the item, merge lists of scalars as sets,
    // retainKeys on objects (and lists of them); replace anywhere.
    private static string? PatchStrategyError(ExternalRule rule, ResolvedProperty property, Dictionary<string, ResolvedType> types)
    {
        var strategies = (rule.Values.FirstOrDefault() ?? string.Empty).Split(',');
        if (strategies.FirstOrDefault(s => !PatchStrategies.Contains(s)) is { } unknown)
        {
            return "unknown strategy '" + unknown + "' (merge, replace, retainKeys, comma-separated)";
        }

        var mergeKey = rule.Values.Skip(1).FirstOrDefault();
        var item = property.Value.Element;
        var objectItems = property.Kind == FieldKind.List && item?.Kind == ValueKind.Object;
        if (strategies.Contains("merge") && property.Kind == FieldKind.List)
        {
            if (objectItems && mergeKey is null)
            {
                return "merging a list of objects needs a MergeKey";
            }

            if (mergeKey is not null && (!objectItems || !types.TryGetValue(item!.TypeKey!, out var itemType) || itemType.Properties.All(p => p.JsonName != mergeKey || !p.Value.IsScalar)))
            {
                return "MergeKey '" + mergeKey + "' is not a scalar field of the list's items";
            }
        }
        else if (mergeKey is not null)
        {
            return "MergeKey applies to a merge list only";
        }

        if (strategies.Contains("retainKeys") && !(property.Kind == FieldKind.Object || objectItems))
        {
            return "retainKeys applies to an object or a list of objects";
        }

        return null;
    }

    private static void CheckRuleConflicts(List<ExternalRule> rules, List<DiagnosticInfo> diagnostics)
    {
        var listRules = rules.Where(r => r.Kind is ExternalRuleKind.ListMap or ExternalRuleKind.ListTopology or ExternalRuleKind.MapTopology or ExternalRuleKind.Default or ExternalRuleKind.PatchStrategy);
        foreach (var group in listRules.GroupBy(r => (r.OwnerKey, r.Property, Topology: r.Kind switch { ExternalRuleKind.Default => 1, ExternalRuleKind.PatchStrategy => 2, _ => 0 })).Where(g => g.Count() > 1))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ConflictingRules, group.Last().Location, group.First().OwnerName + "." + group.Key.Property, string.Join(" and ", group.Select(r => r.Kind.ToString()))));
        }

        foreach (var group in rules.Where(r => r.Kind is ExternalRuleKind.Prepend or ExternalRuleKind.AtomicReplace).GroupBy(r => (r.OwnerKey, r.Property)).Where(g => g.Count() > 1))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ConflictingRules, group.Last().Location, group.First().OwnerName + "." + group.Key.Property, "Prepend and AtomicReplace"));
        }
    }

    private static void CheckExternalRules(List<ExternalRule> rules, Dictionary<string, ResolvedType> types, List<DiagnosticInfo> diagnostics)
    {
        foreach (var rule in rules)
        {
            if (!types.TryGetValue(rule.OwnerKey, out var owner))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.RuleOwnerUnreachable, rule.Location, rule.OwnerName, rule.Property ?? "*"));
                continue;
            }

            var name = rule.OwnerName + "." + rule.Property;
            var property = rule.Kind == ExternalRuleKind.OneOf ? null : owner.Properties.FirstOrDefault(p => p.Name == rule.Property);
            switch (rule.Kind)
            {
                case ExternalRuleKind.ListMap when property is not null:
                    if (property.Kind != FieldKind.List)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TopologyMismatch, rule.Location, "ListMap", name, TypeChecks.Describe(property.Value)));
                        break;
                    }

                    MapListChecks.Check(property, name, property.Value.Element, types, rule.Location, externalItem: true, diagnostics);
                    break;
                case ExternalRuleKind.ListTopology when property is not null:
                    if (property.Kind != FieldKind.List)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TopologyMismatch, rule.Location, "ListTopology", name, TypeChecks.Describe(property.Value)));
                    }
                    else if (rule.Topology == 1 && property.Value.Element?.IsScalar != true)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.SetNotScalar, rule.Location, name, TypeChecks.Describe(property.Value.Element!)));
                    }
                    else if (rule.Topology == 2)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.MapListWithoutKeys, rule.Location, name));
                    }

                    break;
                case ExternalRuleKind.MapTopology when property is not null && property.Kind is not (FieldKind.Map or FieldKind.Object):
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TopologyMismatch, rule.Location, "MapTopology", name, TypeChecks.Describe(property.Value)));
                    break;
                case ExternalRuleKind.Prepend when property is not null && property.Kind != FieldKind.List:
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.PrependNotList, rule.Location, name, TypeChecks.Describe(property.Value)));
                    break;
                case ExternalRuleKind.AtomicReplace when property is not null && !(property.Kind is FieldKind.List or FieldKind.Map or FieldKind.Object || property.Value.Kind == ValueKind.String):
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.AtomicReplaceUnsupported, rule.Location, name, TypeChecks.Describe(property.Value)));
                    break;
                case ExternalRuleKind.OneOf:
                    if (rule.Values.Count < 2)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.OneOfTooSmall, rule.Location, rule.Property ?? string.Empty, rule.OwnerName, rule.Values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    }

                    foreach (var member in owner.Properties.Where(p => rule.Values.Contains(p.Name) && p.Value.CannotBeUnset))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.OneOfMemberNotNullable, rule.Location, member.Name, rule.OwnerName));
                    }

                    break;
                case ExternalRuleKind.PatchStrategy when property is not null:
                    if (PatchStrategyError(rule, property, types) is { } patchError)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BadPatchStrategy, rule.Location, name, patchError));
                    }

                    break;
                case ExternalRuleKind.Default when property is not null:
                    if (DefaultValues.Check(rule.Values.FirstOrDefault() ?? string.Empty, property.Value, property.Annotations, out _) is { } error)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BadDefault, rule.Location, rule.Values.FirstOrDefault() ?? string.Empty, name, error));
                    }

                    break;
            }
        }
    }
}
