using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Cel;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema;

/// <summary>
/// A CRD version's <c>openAPIV3Schema</c>, parsed once: the schema tree, compiled regular expressions and the
/// checked, compiled CEL programs of every <c>x-kubernetes-validations</c> rule. Immutable and safe to share between
/// concurrent admissions. Parsing never throws on bad input: run <see cref="CustomResourceDefinitionValidation"/>
/// on the CRD first, as the real server does, and only admit objects against schemas of valid CRDs.
/// </summary>
public sealed class StructuralSchema
{
    private StructuralSchema(SchemaNode root, CelRuleNode? rules)
    {
        Root = root;
        Rules = rules;
    }

    internal SchemaNode Root { get; }

    /// <summary>Compiled rules, or null when the schema has none.</summary>
    internal CelRuleNode? Rules { get; }

    /// <summary>True when the schema carries <c>x-kubernetes-validations</c> anywhere.</summary>
    public bool HasValidationRules => Rules is not null;

    /// <summary>Number of CEL rules compiled for this schema.</summary>
    public int ValidationRuleCount => Rules?.AllRules().Count() ?? 0;

    /// <summary>Parses <paramref name="openApiV3Schema"/> (copied; the argument is not retained) and compiles its CEL rules.</summary>
    public static StructuralSchema Parse(JsonObject openApiV3Schema)
    {
        ArgumentNullException.ThrowIfNull(openApiV3Schema);
        var root = SchemaParser.Parse((JsonObject)openApiV3Schema.DeepClone());
        return new StructuralSchema(root, CelRuleNode.Build(root, isResourceRoot: true));
    }
}
