using System.Collections.Generic;
using System.Linq;
using Keel.Generators.Model;

namespace Keel.Generators.Emit;

/// <summary>
/// Emits the schema and CRD constants and a module initializer that registers them, the topology and
/// every merge with the runtime catalogs (SchemaCatalog, CrdCatalog, TopologyCatalog, MergeCatalog).
/// </summary>
internal static class CatalogEmitter
{
    public static string Emit(GenerationModel model, IReadOnlyDictionary<string, ResolvedType> types)
    {
        var w = new SourceWriter();
        w.Line(SourceWriter.Header.TrimEnd('\n'));
        w.Line("namespace " + model.Namespace + ";");
        w.Line();
        w.Line("/// <summary>Registers this assembly's generated schemas, CRDs, topology and merges with the Keel.Model catalogs.</summary>");
        w.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Keel.Generators\", \"1.0\")]");
        w.Open("internal static partial class KeelGenerated");
        w.Line("#pragma warning disable CA2255 // a module initializer is how generated code joins the catalogs");
        w.Line("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        w.Line("#pragma warning restore CA2255");
        w.Open("internal static void Register()");
        w.Line("global::Keel.Model.Topology.SchemaCatalog.Register(static () => KindSchemas());");
        w.Line("global::Keel.Model.Topology.CrdCatalog.Register(static () => Crds());");
        w.Line("global::Keel.Model.Topology.TopologyCatalog.Register(static () => Topology());");
        foreach (var type in model.Types.Where(t => t.Shape.CanConstruct))
        {
            w.Line($"global::Keel.Model.Merging.MergeCatalog.Register<{type.Shape.TypeName}>(static (b, o, observer) => {MergerClass(model)}.Merge(b, o, observer));");
        }

        w.Close();
        w.Line();

        w.Open("private static global::Keel.Model.Topology.KindSchema[] KindSchemas() => new global::Keel.Model.Topology.KindSchema[]");
        foreach (var kind in model.BuiltinKinds)
        {
            w.Line($"new({SourceWriter.Literal(kind.Group)}, {SourceWriter.Literal(kind.Version)}, {SourceWriter.Literal(kind.Kind)}, {SourceWriter.Literal(kind.Plural)}, {Bool(kind.Namespaced)}, Schemas.{SchemaName(kind.Group, kind.Version, kind.Kind)}),");
        }

        foreach (var crd in model.Crds)
        {
            foreach (var version in crd.Versions)
            {
                w.Line($"new({SourceWriter.Literal(crd.Group)}, {SourceWriter.Literal(version.Version)}, {SourceWriter.Literal(crd.Kind)}, {SourceWriter.Literal(crd.Plural)}, {Bool(version.Namespaced)}, Schemas.{SchemaName(crd.Group, version.Version, crd.Kind)}),");
            }
        }

        w.Close(";");
        w.Line();
        w.Open("private static global::Keel.Model.Topology.CrdDocument[] Crds() => new global::Keel.Model.Topology.CrdDocument[]");
        foreach (var crd in model.Crds)
        {
            w.Line($"new({SourceWriter.Literal(crd.Name)}, {SourceWriter.Literal(crd.Group)}, {SourceWriter.Literal(crd.Kind)}, {SourceWriter.Literal(crd.Plural)}, Schemas.{CrdName(crd)}),");
        }

        w.Close(";");
        w.Line();
        TopologyEmitter.Emit(w, model.Types);
        w.Line();

        w.Line("/// <summary>The schemas and CRDs as compact JSON (keys sorted; built-in kinds without descriptions).</summary>");
        w.Open("internal static class Schemas");
        var first = true;
        foreach (var kind in model.BuiltinKinds)
        {
            if (!types.TryGetValue(kind.TypeKey, out var root))
            {
                continue;
            }

            Constant(w, SchemaName(kind.Group, kind.Version, kind.Kind), new SchemaBuilder(types, crd: false).ForRoot(root).ToString(), ref first);
        }

        foreach (var crd in model.Crds)
        {
            foreach (var version in crd.Versions)
            {
                Constant(w, SchemaName(crd.Group, version.Version, crd.Kind), CrdBuilder.Schema(version, types).ToString(), ref first);
            }

            Constant(w, CrdName(crd), CrdBuilder.Build(crd, types).ToString(), ref first);
        }

        w.Close();
        w.Close();
        return w.ToString();
    }

    public static string MergerClass(GenerationModel model) => "global::" + MergerNamespace(model) + ".ObjectMerger";

    public static string MergerNamespace(GenerationModel model) => model.Namespace + ".Merging";

    private static void Constant(SourceWriter w, string name, string json, ref bool first)
    {
        if (!first)
        {
            w.Line();
        }

        first = false;
        w.Line($"public const string {name} = {SourceWriter.Verbatim(json)};");
    }

    private static string SchemaName(string group, string version, string kind) =>
        Identifier((group.Length == 0 ? "Core" : group) + "_" + version + "_" + kind);

    private static string CrdName(CrdModel crd) => Identifier("Crd_" + crd.Name);

    private static string Identifier(string text) =>
        new string(text.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());

    private static string Bool(bool value) => value ? "true" : "false";
}
