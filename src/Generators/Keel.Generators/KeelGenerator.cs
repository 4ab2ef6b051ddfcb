using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Keel.Generators.Analysis;
using Keel.Generators.Emit;
using Keel.Generators.Model;
using Keel.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Keel.Generators;

/// <summary>
/// Reads [CustomResource] classes and [KubernetesTypeRules] declarations and emits, from one model:
/// CRDs and OpenAPI schemas (as constants), typed merge code, and topology data, all registered with
/// the Keel.Model catalogs. Parser → Model → Emitter; the pipeline carries only value-equatable data.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class KeelGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var resources = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.CustomResourceAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => ResourceParser.Parse(ctx, ct))
            .Where(static r => r is not null)
            .Select(static (r, _) => r!)
            .WithTrackingName(TrackingNames.Resources);

        var rules = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.KubernetesTypeRulesAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => RulesParser.Parse(ctx, ct))
            .Where(static r => r is not null)
            .Select(static (r, _) => r!)
            .WithTrackingName(TrackingNames.Rules);

        var jsonContexts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                JsonContextParser.OptionsAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => JsonContextParser.Parse(ctx, ct))
            .Where(static c => c is not null)
            .Select(static (c, _) => c!)
            .WithTrackingName(TrackingNames.JsonContexts);

        var settings = context.AnalyzerConfigOptionsProvider
            .Combine(context.CompilationProvider)
            .Select(static (pair, _) => ReadSettings(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Settings);

        var model = resources.Collect()
            .Combine(rules.Collect())
            .Combine(jsonContexts.Collect())
            .Combine(settings)
            .Select(static (input, _) => ModelBuilder.Build(
                input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right.Namespace, input.Right.RuntimeAvailable))
            .WithTrackingName(TrackingNames.Model);

        context.RegisterSourceOutput(model, static (spc, m) => Emit(spc, m));
        context.RegisterSourceOutput(resources, static (spc, r) =>
        {
            if (ResourceEmitter.Emit(r.Resource) is { } source)
            {
                spc.AddSource(HintName(r.Resource.RootKey) + ".Kube.g.cs", source);
            }
        });
    }

    private static Settings ReadSettings(AnalyzerConfigOptionsProvider options, Compilation compilation)
    {
        options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        if (string.IsNullOrWhiteSpace(rootNamespace))
        {
            rootNamespace = compilation.AssemblyName ?? "Keel.Generated";
        }

        var runtime = compilation.GetTypeByMetadataName(KnownNames.MergeContext) is not null
            && compilation.GetTypeByMetadataName(KnownNames.SchemaCatalog) is not null;
        return new Settings(SanitizeNamespace(rootNamespace!), runtime);
    }

    private static void Emit(SourceProductionContext context, GenerationModel model)
    {
        foreach (var diagnostic in model.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (model.Types.IsEmpty && model.Crds.IsEmpty)
        {
            return;
        }

        if (!model.RuntimeAvailable)
        {
            context.ReportDiagnostic(Diagnostic.Create(Diagnostics.RuntimeMissing, Location.None));
            return;
        }

        var types = model.Types.ToDictionary(t => t.Key, System.StringComparer.Ordinal);
        var mergerNamespace = CatalogEmitter.MergerNamespace(model);
        foreach (var type in model.Types)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            context.AddSource("ObjectMerger." + HintName(type.Key) + ".g.cs", MergeEmitter.Emit(type, types, mergerNamespace));
        }

        context.AddSource("ObjectMerger.g.cs", SourceWriter.Header
            + "namespace " + mergerNamespace + ";\n\n"
            + "/// <summary>Generated typed merges: <c>Merge(base, overlay)</c> and <c>Clone(value)</c> for every type the generator saw (docs/user-guide/merge-rules.md).</summary>\n"
            + "[global::System.CodeDom.Compiler.GeneratedCode(\"Keel.Generators\", \"1.0\")]\n"
            + "public static partial class ObjectMerger\n{\n}\n");
        context.AddSource("KeelGenerated.g.cs", CatalogEmitter.Emit(model, types));
    }

    private static string HintName(string key) => new string(key.Select(c => char.IsLetterOrDigit(c) || c == '.' ? c : '_').ToArray());

    private static string SanitizeNamespace(string name) =>
        string.Join(".", name.Split('.').Select(part => new string(part.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray())));

    private sealed record Settings(string Namespace, bool RuntimeAvailable);
}
