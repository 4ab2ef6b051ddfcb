using System.Runtime.CompilerServices;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>
/// The compiled <c>x-kubernetes-validations</c> of a schema, as a tree that follows the schema only where rules
/// exist below. Built once per <see cref="StructuralSchema"/>; immutable and shared across admissions.
/// </summary>
internal sealed class CelRuleNode
{
    public required SchemaNode Schema { get; init; }

    /// <summary>How values under this node convert for CEL; null when the node is invisible to CEL (then its rules are errors).</summary>
    public CelShape? Shape { get; init; }
    public IReadOnlyList<CompiledRule> Rules { get; init; } = [];
    public IReadOnlyList<(string Name, CelRuleNode Node)> Properties { get; init; } = [];
    public CelRuleNode? Items { get; init; }
    public CelRuleNode? AdditionalProperties { get; init; }

    /// <summary>Every compiled rule in the tree with the schema node it belongs to.</summary>
    public IEnumerable<CompiledRule> AllRules()
    {
        foreach (var rule in Rules)
        {
            yield return rule;
        }

        foreach (var (_, node) in Properties)
        {
            foreach (var rule in node.AllRules())
            {
                yield return rule;
            }
        }

        foreach (var child in new[] { Items, AdditionalProperties })
        {
            if (child is not null)
            {
                foreach (var rule in child.AllRules())
                {
                    yield return rule;
                }
            }
        }
    }

    public static CelRuleNode? Build(SchemaNode schema, bool isResourceRoot) =>
        BuildNode(schema, isResourceRoot, new ConditionalWeakTable<SchemaNode, object>());

    private static CelRuleNode? BuildNode(SchemaNode schema, bool isResourceRoot, ConditionalWeakTable<SchemaNode, object> memo)
    {
        if (!HasRules(schema, memo))
        {
            return null;
        }

        var shape = CelShape.For(schema, isResourceRoot);
        var rules = schema.XValidations.Select(spec => CelRuleCompiler.Compile(spec, shape, schema)).ToList();
        var properties = new List<(string, CelRuleNode)>();
        CelRuleNode? items = null;
        CelRuleNode? additional = null;
        if (shape is not null)
        {
            foreach (var (name, property) in schema.PropertyList)
            {
                if (BuildNode(property, property.XEmbeddedResource, memo) is { } child && child.Shape is not null)
                {
                    properties.Add((name, child));
                }
            }

            if (schema.Items is { } itemSchema && shape.Kind == CelShapeKind.List)
            {
                items = BuildNode(itemSchema, itemSchema.XEmbeddedResource, memo);
            }

            if (schema.AdditionalProperties is { } valueSchema && shape.Kind == CelShapeKind.Map)
            {
                additional = BuildNode(valueSchema, valueSchema.XEmbeddedResource, memo);
            }
        }

        return new CelRuleNode
        {
            Schema = schema,
            Shape = shape,
            Rules = rules,
            Properties = properties,
            Items = items,
            AdditionalProperties = additional,
        };
    }

    private static bool HasRules(SchemaNode schema, ConditionalWeakTable<SchemaNode, object> memo)
    {
        if (memo.TryGetValue(schema, out var known))
        {
            return (bool)known;
        }

        var result = schema.XValidations.Count > 0
            || schema.PropertyList.Any(p => HasRules(p.Value, memo))
            || schema.Items is { } items && HasRules(items, memo)
            || schema.AdditionalProperties is { } additional && HasRules(additional, memo);
        memo.AddOrUpdate(schema, result);
        return result;
    }
}
