using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Cel;
using Keel.ApiServer.Schema.Errors;
using Keel.ApiServer.Schema.Model;
using Keel.ApiServer.Schema.Validation;

namespace Keel.ApiServer.Schema.Definition;

/// <summary>
/// Defaults must be valid values of their node (schema and CEL rules) and already pruned (apiextensions
/// <c>ValidateDefaults</c>). Defaults under additionalProperties are not followed, as the server does not.
/// </summary>
internal static class DefaultValueChecks
{
    public static void Validate(JsonObject schema, FieldPath path, List<FieldError> errors) =>
        Walk(schema, path, isResourceRoot: true, insideMeta: false, errors);

    private static void Walk(JsonObject s, FieldPath path, bool isResourceRoot, bool insideMeta, List<FieldError> errors)
    {
        var embedded = isResourceRoot || JsonRead.Bool(s, "x-kubernetes-embedded-resource");
        if (embedded)
        {
            insideMeta = false;
        }

        if (s.TryGetPropertyValue("default", out var value) && value is not null)
        {
            var node = SchemaParser.Parse(s);
            var defaultPath = path.Child("default");
            var before = errors.Count;
            if (!insideMeta && Pruner.PruneValue(value.DeepClone(), node).Count > 0)
            {
                errors.Add(FieldErrors.Invalid(defaultPath, value, "must not have unknown fields"));
            }

            ObjectMetaValidator.ValidateEmbedded(value, node, defaultPath, errors);
            if (errors.Count == before)
            {
                SchemaValueValidator.Validate(value, node, defaultPath.ToString(), errors);
            }

            if (errors.Count == before && CelRuleNode.Build(node, node.XEmbeddedResource) is { } rules)
            {
                CelRuleEvaluator.EvaluateValue(rules, value, defaultPath, errors);
            }
        }

        if (JsonRead.Obj(s, "items") is { } items)
        {
            Walk(items, path.Child("items"), isResourceRoot: false, insideMeta, errors);
        }

        foreach (var (name, property) in JsonRead.Obj(s, "properties") ?? [])
        {
            if (property is JsonObject child)
            {
                var childInsideMeta = insideMeta || embedded && name is "metadata" or "apiVersion" or "kind";
                Walk(child, path.Child("properties").Key(name), isResourceRoot: false, childInsideMeta, errors);
            }
        }
    }
}
