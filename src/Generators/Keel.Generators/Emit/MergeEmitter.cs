using System.Collections.Generic;
using System.Linq;
using Keel.Generators.Model;

namespace Keel.Generators.Emit;

/// <summary>
/// Emits, per object type, <c>ObjectMerger.Merge(base, overlay, observer)</c>, its traced core and a deep
/// <c>Clone</c>: straight-line code, one statement per field, following each field's merge strategy.
/// </summary>
internal static class MergeEmitter
{
    private const string Ops = "global::Keel.Model.Merging.MergeOps";
    private const string Strategy = "global::Keel.Model.Topology.MergeStrategy";
    private const string Context = "global::Keel.Model.Merging.MergeContext";

    public static string Emit(ResolvedType type, IReadOnlyDictionary<string, ResolvedType> types, string mergerNamespace)
    {
        var t = type.Shape.TypeName;
        var w = new SourceWriter();
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        w.Line("namespace " + mergerNamespace + ";");
        w.Line();
        w.Open("partial class ObjectMerger");

        w.Line("/// <summary>");
        w.Line($"/// Merges <paramref name=\"overlay\"/> onto <paramref name=\"base\"/> with the rules of <see cref=\"{Cref(t)}\"/>");
        w.Line("/// (docs/user-guide/merge-rules.md). Neither input is changed and the result shares no object with them.");
        w.Line("/// </summary>");
        w.Line("/// <param name=\"base\">The preset's object.</param>");
        w.Line("/// <param name=\"overlay\">The object whose set fields win.</param>");
        w.Line("/// <param name=\"observer\">Receives where each merged value came from (for --explain); null for none.</param>");
        w.Line($"public static {t}? Merge({t}? @base, {t}? overlay, global::Keel.Model.Merging.IMergeObserver? observer = null) =>");
        w.Indent().Line($"MergeCore(@base, overlay, {Context}.Root(observer));").Outdent();
        w.Line();

        w.Line("/// <summary>A deep copy of <paramref name=\"value\"/>.</summary>");
        w.Line($"public static {t}? Clone({t}? value) => value is null ? null : new {t}");
        w.Line("{");
        w.Indent();
        foreach (var p in type.Properties.Where(p => p.Shape.HasSetter && p.Value.Kind != ValueKind.Unsupported))
        {
            w.Line($"{p.Name} = {CloneExpression(p.Value, "value." + p.Name)},");
        }

        w.Outdent();
        w.Line("};");
        w.Line();

        w.Open($"internal static {t}? MergeCore({t}? @base, {t}? overlay, {Context}? context)");
        if (type.Atomic)
        {
            // An atomic struct: the overlay's object replaces the base's as a whole (x-kubernetes-map-type: atomic).
            w.Line($"return {Ops}.Whole(@base, overlay, static v => Clone(v)!, context, {Strategy}.AtomicObject);");
            w.Close();
            w.Close();
            return w.ToString();
        }

        w.Open("if (@base is null || overlay is null)");
        w.Line($"return {Ops}.Whole(@base, overlay, static v => Clone(v)!, context, {Strategy}.MergeFields);");
        w.Close();
        w.Line();
        foreach (var group in type.OneOfGroups)
        {
            var members = type.Properties.Where(p => p.Annotations.OneOfGroup == group.Name).ToList();
            w.Line($"var {GroupVariable(group.Name)} = {string.Join(" || ", members.Select(m => "overlay." + m.Name + " is not null"))};");
        }

        if (!type.OneOfGroups.IsEmpty)
        {
            w.Line();
        }

        w.Line($"return new {t}");
        w.Line("{");
        w.Indent();
        foreach (var p in type.Properties.Where(p => p.Shape.HasSetter && p.Value.Kind != ValueKind.Unsupported))
        {
            w.Line($"{p.Name} = {MergeExpression(type, p)},");
        }

        w.Outdent();
        w.Line("};");
        w.Close();

        foreach (var p in type.Properties.Where(p => p.Strategy == MergeKind.MapList))
        {
            EmitKeyFunctions(w, types, type, p);
        }

        w.Close();
        return w.ToString();
    }

    private static string MergeExpression(ResolvedType owner, ResolvedProperty p)
    {
        var value = p.Value;
        var baseValue = "@base." + p.Name;
        var overlay = "overlay." + p.Name;
        if (p.Annotations.OneOfGroup is { } group)
        {
            baseValue = $"{Ops}.OneOfBase({baseValue}, {GroupVariable(group)} && {overlay} is null, context, {SourceWriter.Literal(p.JsonName)}, {SourceWriter.Literal(group)})";
        }

        var field = $"context?.Field({SourceWriter.Literal(p.JsonName)})";
        var json = SourceWriter.Literal(p.JsonName);
        var element = value.Element;
        switch (p.Strategy)
        {
            case MergeKind.Replace:
                var pick = value.CannotBeUnset
                    ? $"{Ops}.PickRequired({baseValue}, {overlay}, context, {json})"
                    : value.IsNullableValueType
                        ? $"{Ops}.PickValue({baseValue}, {overlay}, context, {json})"
                        : $"{Ops}.PickRef({baseValue}, {overlay}, context, {json})";
                return value.Copy != ScalarCopy.None ? $"{Ops}.Copy({pick})" : pick;
            case MergeKind.MergeFields:
                return $"MergeCore({baseValue}, {overlay}, {field})";
            case MergeKind.AtomicObject:
                return $"{Ops}.Whole({baseValue}, {overlay}, static v => Clone(v)!, {field}, {Strategy}.AtomicObject)";
            case MergeKind.MapUnion:
                var mergeValues = element?.Kind == ValueKind.Object ? "static (a, b, c) => MergeCore(a, b, c)" : "null";
                return $"{Ops}.MapUnion({AsMap(value, baseValue)}, {AsMap(value, overlay)}, {ElementClone(element)}, {mergeValues}, {field})";
            case MergeKind.AtomicMap:
                return $"{Ops}.ReplaceMap({AsMap(value, baseValue)}, {AsMap(value, overlay)}, false, {ElementClone(element)}, {Strategy}.AtomicMap, {field})";
            case MergeKind.MapList:
                var id = KeyFunctionId(owner, p);
                return List($"{Ops}.MapList({AsList(value, baseValue)}, {AsList(value, overlay)}, SameKey{id}, DescribeKey{id}, static (a, b, c) => MergeCore(a, b, c), static v => Clone(v)!, {field})", value);
            case MergeKind.AtomicList:
                return List($"{Ops}.AtomicList({AsList(value, baseValue)}, {AsList(value, overlay)}, {ElementClone(element)}, {field})", value);
            case MergeKind.SetUnion:
                return List($"{Ops}.SetUnion({AsList(value, baseValue)}, {AsList(value, overlay)}, {field})", value);
            case MergeKind.Prepend:
                return List($"{Ops}.Prepend({AsList(value, baseValue)}, {AsList(value, overlay)}, {ElementClone(element)}, {field})", value);
            case MergeKind.AtomicReplace or MergeKind.AtomicReplaceUnlessEmpty:
                var empty = p.Strategy == MergeKind.AtomicReplaceUnlessEmpty ? "true" : "false";
                return value.Kind switch
                {
                    ValueKind.List => List($"{Ops}.ReplaceList({AsList(value, baseValue)}, {AsList(value, overlay)}, {empty}, {ElementClone(element)}, {field})", value),
                    ValueKind.Map => $"{Ops}.ReplaceMap({AsMap(value, baseValue)}, {AsMap(value, overlay)}, {empty}, {ElementClone(element)}, {Strategy}.{p.Strategy}, {field})",
                    ValueKind.String => $"{Ops}.ReplaceString({baseValue}, {overlay}, {empty}, context, {json})",
                    _ => $"{Ops}.Whole({baseValue}, {overlay}, static v => Clone(v)!, {field}, {Strategy}.{p.Strategy})",
                };
            default:
                return FreeForm(value, baseValue, overlay, field, json);
        }
    }

    private static string FreeForm(ValueShape value, string baseValue, string overlay, string field, string json)
    {
        switch (value.FreeForm)
        {
            case FreeFormKind.JsonElement when value.IsNullableValueType:
                return $"{Ops}.PickValue({baseValue}, {overlay}, context, {json})?.Clone()";
            case FreeFormKind.JsonElement:
                return $"({overlay}.ValueKind != global::System.Text.Json.JsonValueKind.Undefined ? {overlay} : {baseValue}).Clone()";
            case FreeFormKind.Object or FreeFormKind.None:
                return $"{Ops}.PickRef({baseValue}, {overlay}, context, {json})";
            default:
                return $"{Ops}.Whole({baseValue}, {overlay}, static v => {CloneExpression(value, "v")}!, {field}, {Strategy}.FreeFormReplace)";
        }
    }

    /// <summary>A C# expression that deep-copies <paramref name="expression"/> of shape <paramref name="value"/>.</summary>
    public static string CloneExpression(ValueShape value, string expression)
    {
        switch (value.Kind)
        {
            case ValueKind.Object:
                return $"Clone({expression})";
            case ValueKind.List:
                return List($"{Ops}.CloneList({AsList(value, expression)}, {ElementClone(value.Element)})", value);
            case ValueKind.Map:
                return $"{Ops}.CloneMap({AsMap(value, expression)}, {ElementClone(value.Element)})";
            case ValueKind.FreeForm:
                return value.FreeForm switch
                {
                    FreeFormKind.JsonNode => $"{expression}?.DeepClone()",
                    FreeFormKind.JsonObject or FreeFormKind.JsonArray or FreeFormKind.JsonValue => $"({value.TypeName}?){expression}?.DeepClone()",
                    FreeFormKind.JsonElement when value.IsNullableValueType => $"{expression}?.Clone()",
                    FreeFormKind.JsonElement => $"{expression}.Clone()",
                    _ => expression,
                };
            default:
                return value.Copy != ScalarCopy.None ? $"{Ops}.Copy({expression})" : expression;
        }
    }

    private static string ElementClone(ValueShape? element)
    {
        if (element is null)
        {
            return "null";
        }

        var clone = CloneExpression(element, "e");
        return clone == "e" ? "null" : $"static e => {clone}!";
    }

    private static string AsList(ValueShape value, string expression) =>
        IsIList(value.TypeName) ? expression : $"{Ops}.AsList({expression})";

    private static string AsMap(ValueShape value, string expression) =>
        value.TypeName.StartsWith("global::System.Collections.Generic.IReadOnlyDictionary<", System.StringComparison.Ordinal)
            ? $"{Ops}.AsMap({expression})"
            : expression;

    private static bool IsIList(string typeName) =>
        typeName.StartsWith("global::System.Collections.Generic.IList<", System.StringComparison.Ordinal)
        || typeName.StartsWith("global::System.Collections.Generic.List<", System.StringComparison.Ordinal)
        || typeName.EndsWith("[]", System.StringComparison.Ordinal);

    private static string List(string expression, ValueShape value) =>
        value.Collection == CollectionKind.Array ? $"{expression}?.ToArray()" : expression;

    private static void EmitKeyFunctions(SourceWriter w, IReadOnlyDictionary<string, ResolvedType> types, ResolvedType owner, ResolvedProperty p)
    {
        var item = p.Value.Element!;
        var id = KeyFunctionId(owner, p);
        var itemType = item.TypeName;
        var keyFields = MergeKeyFields(types, p);
        w.Line();
        w.Line($"private static bool SameKey{id}({itemType} a, {itemType} b) =>");
        w.Indent();
        var comparisons = keyFields.Select(k => Compare(k.Field, k.Default)).ToList();
        w.Line(comparisons.Count == 0 ? "true;" : string.Join("\n" + new string(' ', 12) + "&& ", comparisons) + ";");
        w.Outdent();
        w.Line();
        w.Line($"private static string DescribeKey{id}({itemType} v) =>");
        w.Indent();
        var parts = keyFields.Select((k, i) => (i == 0 ? string.Empty : ",") + k.Field.JsonName + "=").ToList();
        var describe = keyFields.Select((k, i) => $"{SourceWriter.Literal(parts[i])} + {Format(k.Field, k.Default, "v")}");
        w.Line((keyFields.Count == 0 ? "string.Empty" : string.Join(" + ", describe)) + ";");
        w.Outdent();
    }

    /// <summary>The merge keys with their item fields and C# defaults, resolved from the item type.</summary>
    private static List<(ResolvedProperty Field, string? Default)> MergeKeyFields(IReadOnlyDictionary<string, ResolvedType> types, ResolvedProperty p)
    {
        var itemKey = p.Value.Element?.TypeKey;
        var result = new List<(ResolvedProperty, string?)>();
        if (itemKey is null || !types.TryGetValue(itemKey, out var itemType))
        {
            return result;
        }

        foreach (var key in p.MergeKeys)
        {
            var field = itemType.Properties.FirstOrDefault(f => f.JsonName == key);
            if (field is not null)
            {
                result.Add((field, DefaultLiteral(field)));
            }
        }

        return result;
    }

    private static string? DefaultLiteral(ResolvedProperty field)
    {
        if (field.Annotations.DefaultJson is not { } json || Json.JsonParser.TryParse(json, out _) is not { } parsed)
        {
            return null;
        }

        return parsed switch
        {
            Json.JsonString s => SourceWriter.Literal(s.Value),
            Json.JsonNumber n => n.Text,
            _ => parsed == Json.JsonLiteral.True ? "true" : parsed == Json.JsonLiteral.False ? "false" : null,
        };
    }

    private static string Compare(ResolvedProperty field, string? defaultValue)
    {
        var a = KeyValue(field, defaultValue, "a");
        var b = KeyValue(field, defaultValue, "b");
        return field.Value.Kind switch
        {
            ValueKind.String => $"string.Equals({a}, {b}, global::System.StringComparison.Ordinal)",
            ValueKind.IntOrString => $"string.Equals({a}, {b}, global::System.StringComparison.Ordinal)",
            ValueKind.Quantity => $"string.Equals({a}, {b}, global::System.StringComparison.Ordinal)",
            _ => $"global::System.Collections.Generic.EqualityComparer<{field.Value.TypeName}>.Default.Equals({a}, {b})",
        };
    }

    private static string KeyValue(ResolvedProperty field, string? defaultValue, string variable)
    {
        var access = field.Value.Kind switch
        {
            ValueKind.IntOrString => $"{variable}.{field.Name}?.Value",
            ValueKind.Quantity => $"{variable}.{field.Name}?.ToString()",
            _ => $"{variable}.{field.Name}",
        };
        var nullable = !field.Value.IsValueType || field.Value.IsNullableValueType;
        return defaultValue is not null && nullable ? $"({access} ?? {defaultValue})" : access;
    }

    private static string Format(ResolvedProperty field, string? defaultValue, string variable)
    {
        var value = KeyValue(field, defaultValue, variable);
        return field.Value.Kind switch
        {
            ValueKind.String or ValueKind.IntOrString or ValueKind.Quantity => $"({value} ?? \"\")",
            ValueKind.Integer or ValueKind.Number when !field.Value.IsNullableValueType || defaultValue is not null =>
                $"({value}).ToString(global::System.Globalization.CultureInfo.InvariantCulture)",
            ValueKind.Integer or ValueKind.Number => $"({value})?.ToString(global::System.Globalization.CultureInfo.InvariantCulture) ?? \"\"",
            _ => $"({value}).ToString()",
        };
    }

    private static string KeyFunctionId(ResolvedType owner, ResolvedProperty p) => "_" + owner.Shape.Name + "_" + p.Name;

    private static string GroupVariable(string group)
    {
        var letters = new string(group.Where(char.IsLetterOrDigit).ToArray());
        return "overlaySets" + (letters.Length == 0 ? string.Empty : char.ToUpperInvariant(letters[0]) + letters.Substring(1)) + "Group";
    }

    private static string Cref(string typeName) => typeName.Replace("global::", string.Empty).Replace('<', '{').Replace('>', '}');
}
