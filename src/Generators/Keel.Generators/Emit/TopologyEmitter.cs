using System.Collections.Generic;
using System.Linq;
using Keel.Generators.Model;

namespace Keel.Generators.Emit;

/// <summary>Emits the per-field topology of every type as runtime data (Keel.Model.Topology.TypeTopology).</summary>
internal static class TopologyEmitter
{
    private const string Ns = "global::Keel.Model.Topology.";

    public static void Emit(SourceWriter w, IEnumerable<ResolvedType> types)
    {
        w.Open($"private static global::System.Collections.Generic.IEnumerable<{Ns}TypeTopology> Topology()");
        w.Line($"var none = global::System.Array.Empty<string>();");
        foreach (var type in types)
        {
            w.Line($"yield return new {Ns}TypeTopology(");
            w.Indent();
            w.Line($"typeof({type.Shape.TypeName}),");
            w.Line($"new {Ns}FieldTopology[]");
            w.Line("{");
            w.Indent();
            foreach (var p in type.Properties.Where(p => p.Value.Kind != ValueKind.Unsupported || type.Shape.IsExternal))
            {
                w.Line(Field(p) + ",");
            }

            w.Outdent();
            w.Line("},");
            var groups = type.OneOfGroups.Select(g => $"new {Ns}OneOfGroup({SourceWriter.Literal(g.Name)}, {Strings(g.Members)})");
            w.Line(type.OneOfGroups.IsEmpty ? $"global::System.Array.Empty<{Ns}OneOfGroup>()," : $"new {Ns}OneOfGroup[] {{ {string.Join(", ", groups)} }},");
            w.Line((type.Atomic ? "true" : "false") + ");");
            w.Outdent();
        }

        w.Close();
    }

    private static string Field(ResolvedProperty p)
    {
        var value = p.Value;
        var typeName = value.Kind == ValueKind.Unsupported ? "object" : value.TypeName;
        var element = p.Kind switch
        {
            FieldKind.Object => value.TypeName,
            FieldKind.List or FieldKind.Map when value.Element?.Kind == ValueKind.Object => value.Element.TypeName,
            _ => null,
        };
        var elementKind = p.Kind is FieldKind.List or FieldKind.Map && value.Element is { } e
            ? Ns + "FieldKind." + Analysis.TypeResolver.KindOf(e, new PropertyAnnotations())
            : "null";
        var listType = p.Kind == FieldKind.List
            ? Ns + "ListType." + (p.Strategy == MergeKind.MapList || (p.ListType == 2 && !p.Keys.IsEmpty) ? "Map" : p.ListType == 1 ? "Set" : "Atomic")
            : "null";
        return $"new({SourceWriter.Literal(p.JsonName)}, {SourceWriter.Literal(p.Name)}, {Ns}FieldKind.{p.Kind}, {Ns}MergeStrategy.{p.Strategy}, "
            + $"typeof({typeName}), {(element is null ? "null" : $"typeof({element})")}, {elementKind}, {listType}, "
            + $"{Strings(p.Keys)}, {Strings(p.MergeKeys)}, {(p.Atomic ? "true" : "false")}, {SourceWriter.Literal(p.Annotations.OneOfGroup)})";
    }

    private static string Strings(EquatableArray<string> values) =>
        values.IsEmpty ? "none" : "new[] { " + string.Join(", ", values.Select(SourceWriter.Literal)) + " }";
}
