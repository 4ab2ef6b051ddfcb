using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Keel.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Keel.Generators.Parsing;

/// <summary>Parses a [CustomResource] class into a <see cref="ResourceParse"/>.</summary>
internal static class ResourceParser
{
    public static ResourceParse? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.FirstOrDefault() is not { } attribute)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var arguments = attribute.ConstructorArguments;
        var group = arguments.Length > 0 ? arguments[0].Value as string ?? string.Empty : string.Empty;
        var version = arguments.Length > 1 ? arguments[1].Value as string ?? string.Empty : string.Empty;
        var kind = arguments.Length > 2 ? arguments[2].Value as string ?? string.Empty : string.Empty;
        var location = LocationInfo.From(((ClassDeclarationSyntax)context.TargetNode).Identifier.GetLocation());
        var diagnostics = new List<DiagnosticInfo>();

        var isPartial = type.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<ClassDeclarationSyntax>()
            .Any(c => c.Modifiers.Any(SyntaxKind.PartialKeyword));
        if (!isPartial)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.RootNotPartial, location, type.Name));
        }

        var metadata = type.GetMembers("Metadata").OfType<IPropertySymbol>().FirstOrDefault();
        if (metadata is null || TypeGraphParser.KeyOf(metadata.Type) != KnownNames.ObjectMeta)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.RootWithoutMetadata, location, type.Name));
        }

        var attributes = type.GetAttributes();
        bool Has(string name) => attributes.Any(a => AttributeReader.ShortName(a) == name);
        AttributeData? Find(string name) => attributes.FirstOrDefault(a => AttributeReader.ShortName(a) == name);

        var scale = Find("ScaleSubresource");
        var deprecated = Find("DeprecatedVersion");
        var columns = attributes
            .Where(a => AttributeReader.ShortName(a) == "PrinterColumn")
            .Select(a => new PrinterColumn(
                a.ConstructorArguments[0].Value as string ?? string.Empty,
                ColumnType(a.ConstructorArguments[1].Value as int? ?? 0),
                a.ConstructorArguments[2].Value as string ?? string.Empty,
                AttributeReader.Named<string>(a, "Description"),
                AttributeReader.Named<string>(a, "Format"),
                AttributeReader.Named<int>(a, "Priority"),
                LocationInfo.From(a.ApplicationSyntaxReference)))
            .ToEquatableArray();

        var resource = new ResourceModel(
            group,
            version,
            kind,
            AttributeReader.Named<string>(attribute, "Plural") ?? JsonNames.Plural(kind),
            AttributeReader.Named<string>(attribute, "Singular") ?? kind.ToLowerInvariant(),
            AttributeReader.Named<string>(attribute, "ListKind") ?? kind + "List",
            AttributeReader.Named<int>(attribute, "Scope") == 0,
            NamedArray(attribute, "ShortNames"),
            NamedArray(attribute, "Categories"),
            Has("StorageVersion"),
            !Has("UnservedVersion"),
            deprecated is not null,
            deprecated is null ? null : AttributeReader.Named<string>(deprecated, "Warning"),
            Has("StatusSubresource"),
            scale?.ConstructorArguments[0].Value as string,
            scale?.ConstructorArguments[1].Value as string,
            scale is null ? null : AttributeReader.Named<string>(scale, "LabelSelectorPath"),
            columns,
            TypeGraphParser.KeyOf(type),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            isPartial,
            isPartial && type.ContainingType is null && !type.GetMembers("KubeKind").Any()
                && !attributes.Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.KubernetesEntityAttribute),
            location);

        var graph = new TypeGraphParser(context.SemanticModel.Compilation.Assembly);
        graph.AddRoot(type);
        diagnostics.AddRange(graph.Diagnostics);
        return new ResourceParse(resource, graph.Types, diagnostics.ToEquatableArray());
    }

    private static EquatableArray<string> NamedArray(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return AttributeReader.StringArray(argument.Value).ToEquatableArray();
            }
        }

        return EquatableArray<string>.Empty;
    }

    private static string ColumnType(int value) => value switch
    {
        0 => "string",
        1 => "integer",
        2 => "number",
        3 => "boolean",
        _ => "date",
    };
}
