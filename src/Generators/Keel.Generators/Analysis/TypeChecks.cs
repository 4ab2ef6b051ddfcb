using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Keel.Generators.Model;

namespace Keel.Generators.Analysis;

/// <summary>Compile-time checks of our own annotated types: each problem is a diagnostic at the attribute or property.</summary>
internal static class TypeChecks
{
    public static void Check(ResolvedType type, IReadOnlyDictionary<string, ResolvedType> types, List<DiagnosticInfo> diagnostics)
    {
        if (!type.Shape.CanConstruct)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NotConstructible, type.Shape.Location, type.Shape.Name));
        }

        foreach (var property in type.Properties)
        {
            CheckProperty(type, property, types, diagnostics);
        }

        foreach (var group in type.OneOfGroups.Where(g => g.Members.Count < 2))
        {
            var member = type.Properties.First(p => p.Annotations.OneOfGroup == group.Name);
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.OneOfTooSmall, member.Annotations.SiteOf("OneOf") ?? member.Shape.Location, group.Name, type.Shape.Name, group.Members.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (var sugar in type.Shape.Annotations.OneOfSugar)
        {
            foreach (var name in sugar.JsonNames.Where(n => type.Properties.All(p => p.JsonName != n)))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.OneOfSugarUnknownField, sugar.Location, SugarName(sugar), type.Shape.Name, name));
            }
        }

        foreach (var rule in type.Shape.Annotations.CelRules)
        {
            CheckCel(rule, type.Shape.Name, diagnostics);
            CheckCelSettings(rule, type.Shape.Name, type, types, diagnostics);
        }
    }

    private static void CheckProperty(ResolvedType owner, ResolvedProperty property, IReadOnlyDictionary<string, ResolvedType> types, List<DiagnosticInfo> diagnostics)
    {
        var name = owner.Shape.Name + "." + property.Name;
        var value = property.Value;
        var annotations = property.Annotations;
        var location = property.Shape.Location;
        LocationInfo? At(string attribute) => annotations.SiteOf(attribute) ?? location;

        var unsupported = Unsupported(value);
        if (unsupported is not null && annotations.SchemaFromType is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedType, location, name, unsupported.TypeName, unsupported.UnsupportedReason ?? "unsupported"));
            return;
        }

        if (!property.Shape.HasSetter)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoSetter, location, name));
        }

        if (!property.Required && value.CannotBeUnset && value.Kind != ValueKind.FreeForm)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.OptionalValueType, location, name, value.TypeName, Zero(value)));
        }

        CheckTopology(property, name, At, diagnostics);
        if (property.Strategy == MergeKind.MapList || (property.ListType == 2 && property.Kind == FieldKind.List))
        {
            var externalItem = value.Element?.TypeKey is { } item && types.TryGetValue(item, out var itemType) && itemType.Shape.IsExternal;
            MapListChecks.Check(property, name, value.Element, types, annotations.SiteOf("ListMapKey") ?? At("ListType"), externalItem, diagnostics);
        }

        if (annotations.Prepend && property.Kind != FieldKind.List)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.PrependNotList, At("Prepend"), name, Describe(value)));
        }

        if (annotations.AtomicReplace && !(property.Kind is FieldKind.List or FieldKind.Map or FieldKind.Object || value.Kind == ValueKind.String))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.AtomicReplaceUnsupported, At("AtomicReplace"), name, Describe(value)));
        }

        if (annotations.OneOfGroup is not null && value.CannotBeUnset)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.OneOfMemberNotNullable, At("OneOf"), property.Name, owner.Shape.Name));
        }

        if (annotations.DefaultJson is { } json && DefaultValues.Check(json, value, annotations, out _) is { } defaultError)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BadDefault, At("Default"), json, name, defaultError));
        }

        if (annotations.ExampleJson is { } example && Json.JsonParser.TryParse(example, out var exampleError) is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BadExample, At("Example"), example, name, exampleError ?? string.Empty));
        }

        if (annotations.Pattern is { } pattern && PatternError(pattern) is { } patternError)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BadPattern, At("Pattern"), pattern, name, patternError));
        }

        CheckValidations(property, name, At, diagnostics);
        var valueType = value.Kind == ValueKind.Object && value.TypeKey is { } key && types.TryGetValue(key, out var resolved) ? resolved : null;
        foreach (var rule in annotations.CelRules)
        {
            CheckCel(rule, name, diagnostics);
            CheckCelSettings(rule, name, valueType, types, diagnostics);
        }

        if (annotations.SchemaFromType is not null && value.Kind != ValueKind.FreeForm && !TypeResolver.SchemaFromDescribesElements(value))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.SchemaFromNotFreeForm, At("SchemaFrom"), name, Describe(value)));
        }

        if (annotations.EmbeddedResource && property.Kind is not (FieldKind.Object or FieldKind.FreeForm))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.EmbeddedNotObject, At("EmbeddedResource"), name, Describe(value)));
        }
    }

    private static void CheckTopology(ResolvedProperty property, string name, System.Func<string, LocationInfo?> at, List<DiagnosticInfo> diagnostics)
    {
        var annotations = property.Annotations;
        var value = property.Value;
        if ((annotations.ListType is not null || !annotations.ListMapKeys.IsEmpty) && property.Kind != FieldKind.List)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TopologyMismatch, at(annotations.ListType is not null ? "ListType" : "ListMapKey"), "ListType", name, Describe(value)));
        }

        if (annotations.MapType is not null && property.Kind != FieldKind.Map)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TopologyMismatch, at("MapType"), "MapType", name, Describe(value)));
        }

        if (annotations.StructType is not null && property.Kind != FieldKind.Object)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TopologyMismatch, at("StructType"), "StructType", name, Describe(value)));
        }

        if (property.Kind == FieldKind.List && property.ListType == 1 && value.Element?.IsScalar != true)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.SetNotScalar, at("ListType"), name, Describe(value.Element!)));
        }

        // [UniqueItems] makes a list of scalars a set (the API server forbids uniqueItems: true); another explicit
        // topology would silently drop the uniqueness.
        if (property.Kind == FieldKind.List && annotations.UniqueItems && annotations.ListType is not null and not 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TopologyMismatch, at("UniqueItems"), "UniqueItems", name, "a list whose [ListType] is not Set"));
        }

        if (property.Kind == FieldKind.List && !annotations.ListMapKeys.IsEmpty && annotations.ListType is not null and not 2)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TopologyMismatch, at("ListMapKey"), "ListMapKey", name, "a list whose [ListType] is not Map"));
        }

    }

    private static void CheckValidations(ResolvedProperty property, string name, System.Func<string, LocationInfo?> at, List<DiagnosticInfo> diagnostics)
    {
        var a = property.Annotations;
        var kind = property.Value.Kind;
        var numeric = kind is ValueKind.Integer or ValueKind.Number || a.IntOrString;
        var text = kind is ValueKind.String or ValueKind.Enum or ValueKind.IntOrString or ValueKind.Quantity;
        void Require(bool ok, string attribute)
        {
            if (!ok && a.SiteOf(attribute) is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ValidationMismatch, at(attribute), attribute, name, Describe(property.Value)));
            }
        }

        Require(numeric || a.Minimum is null, "Minimum");
        Require(numeric || a.Maximum is null, "Maximum");
        Require(numeric || a.MultipleOf is null, "MultipleOf");
        Require(text || a.MinLength is null, "MinLength");
        Require(text || a.MaxLength is null, "MaxLength");
        Require(text || a.Pattern is null, "Pattern");
        Require(kind == ValueKind.List || a.MinItems is null, "MinItems");
        Require(kind == ValueKind.List || a.MaxItems is null, "MaxItems");
        Require(kind == ValueKind.List && property.Value.Element?.IsScalar == true || !a.UniqueItems, "UniqueItems");
        Require(kind is ValueKind.Map or ValueKind.Object or ValueKind.FreeForm || a.MinProperties is null, "MinProperties");
        Require(kind is ValueKind.Map or ValueKind.Object or ValueKind.FreeForm || a.MaxProperties is null, "MaxProperties");
    }

    public static void CheckCel(CelRule rule, string target, List<DiagnosticInfo> diagnostics)
    {
        foreach (var expression in new[] { rule.Rule, rule.MessageExpression })
        {
            if (expression is not null && CelSyntax.Check(expression) is { } error)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BadCel, rule.Location, expression, target, error));
            }
        }
    }

    private static void CheckCelSettings(CelRule rule, string target, ResolvedType? targetType, IReadOnlyDictionary<string, ResolvedType> types, List<DiagnosticInfo> diagnostics)
    {
        if (CelRuleSettings.Check(rule, targetType, types) is { } error)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BadCelSetting, rule.Location, rule.Rule, target, error));
        }
    }

    private static ValueShape? Unsupported(ValueShape value) =>
        value.Kind == ValueKind.Unsupported ? value : value.Element is { } element ? Unsupported(element) : null;

    private static string? PatternError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.ECMAScript);
            return null;
        }
        catch (System.ArgumentException e)
        {
            return e.Message;
        }
    }

    private static string SugarName(OneOfSugar sugar) => sugar.Comparison switch
    {
        "==" => "ExactlyOneOf",
        "<=" => "AtMostOneOf",
        _ => "AtLeastOneOf",
    };

    private static string Zero(ValueShape value) => value.Kind switch
    {
        ValueKind.Boolean => "false",
        ValueKind.Integer or ValueKind.Number => "0",
        _ => "default value",
    };

    public static string Describe(ValueShape value) => value.Kind switch
    {
        ValueKind.Object => "an object (" + value.TypeName.Replace("global::", string.Empty) + ")",
        ValueKind.List => "a list",
        ValueKind.Map => "a map",
        ValueKind.FreeForm => "free-form JSON",
        ValueKind.Unsupported => "unsupported",
        _ => "a scalar (" + value.Kind.ToString().ToLowerInvariant() + ")",
    };
}
