using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Keel.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Keel.Generators.Parsing;

/// <summary>Parses a [KubernetesTypeRules] class: the built-in roots, the rules, and every type the roots reach.</summary>
internal static class RulesParser
{
    public static RulesParse? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol declaration)
        {
            return null;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var roots = new List<ExternalRoot>();
        var rules = new List<ExternalRule>();
        var graph = new TypeGraphParser(context.SemanticModel.Compilation.Assembly);
        foreach (var attribute in declaration.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = AttributeReader.ShortName(attribute);
            var location = LocationInfo.From(attribute.ApplicationSyntaxReference);
            var arguments = attribute.ConstructorArguments;
            if (name is null || arguments.Length == 0 || arguments[0].Value is not INamedTypeSymbol owner)
            {
                continue;
            }

            if (name == "ExternalRoot")
            {
                var root = ReadRoot(owner, attribute, location);
                if (root is null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ExternalRootWithoutKind, location, owner.Name));
                    continue;
                }

                roots.Add(root);
                graph.AddRoot(owner);
                continue;
            }

            var property = arguments.Length > 1 ? arguments[1].Value as string : null;
            var rule = name switch
            {
                "ListMap" => Rule(ExternalRuleKind.ListMap, owner, property, AttributeReader.StringArray(arguments[2]), location) with
                {
                    MergeKeys = attribute.NamedArguments.Where(a => a.Key == "MergeKeys").SelectMany(a => AttributeReader.StringArray(a.Value)).ToEquatableArray(),
                },
                "ListTopology" => Rule(ExternalRuleKind.ListTopology, owner, property, Enumerable.Empty<string>(), location) with { Topology = arguments[2].Value as int? ?? 0 },
                "MapTopology" => Rule(ExternalRuleKind.MapTopology, owner, property, Enumerable.Empty<string>(), location) with { Topology = arguments[2].Value as int? ?? 0 },
                "PrependRule" => Rule(ExternalRuleKind.Prepend, owner, property, Enumerable.Empty<string>(), location),
                "AtomicReplaceRule" => Rule(ExternalRuleKind.AtomicReplace, owner, property, Enumerable.Empty<string>(), location) with
                {
                    EmptyMeansUnset = AttributeReader.Named<bool>(attribute, "EmptyMeansUnset"),
                },
                "OneOfRule" => Rule(ExternalRuleKind.OneOf, owner, property, AttributeReader.StringArray(arguments[2]), location),
                "DefaultRule" => Rule(ExternalRuleKind.Default, owner, property, new[] { arguments[2].Value as string ?? string.Empty }, location),
                "RequiredRule" => Rule(ExternalRuleKind.Required, owner, property, Enumerable.Empty<string>(), location),
                "PatchStrategyRule" => Rule(ExternalRuleKind.PatchStrategy, owner, property, PatchStrategy(attribute), location),
                _ => null,
            };

            if (rule is null)
            {
                continue;
            }

            // Property names are checked here, where the owner's symbol is at hand (nameof makes this rare).
            var members = rule.Kind == ExternalRuleKind.OneOf ? rule.Values.Items.ToArray() : rule.Property is null ? new string[0] : new[] { rule.Property };
            foreach (var member in members)
            {
                if (!owner.GetMembers(member).OfType<IPropertySymbol>().Any())
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnknownRuleTarget, location, owner.Name, member));
                }
            }

            rules.Add(rule);
        }

        diagnostics.AddRange(graph.Diagnostics);
        return new RulesParse(roots.ToEquatableArray(), rules.ToEquatableArray(), graph.Types, diagnostics.ToEquatableArray());
    }

    private static IEnumerable<string> PatchStrategy(AttributeData attribute)
    {
        yield return attribute.ConstructorArguments.Length > 2 ? attribute.ConstructorArguments[2].Value as string ?? string.Empty : string.Empty;
        if (AttributeReader.Named<string>(attribute, "MergeKey") is { } mergeKey)
        {
            yield return mergeKey;
        }
    }

    private static ExternalRule Rule(ExternalRuleKind kind, INamedTypeSymbol owner, string? property, IEnumerable<string> values, LocationInfo? location) =>
        new(kind, TypeGraphParser.KeyOf(owner), owner.Name, property, values.ToEquatableArray(), EquatableArray<string>.Empty, 0, false, location);

    private static ExternalRoot? ReadRoot(INamedTypeSymbol type, AttributeData attribute, LocationInfo? location)
    {
        var entity = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.KubernetesEntityAttribute);
        var apiVersion = AttributeReader.Named<string>(attribute, "ApiVersion");
        var kind = AttributeReader.Named<string>(attribute, "Kind") ?? (entity is null ? null : AttributeReader.Named<string>(entity, "Kind"));
        string? group;
        string? version;
        if (apiVersion is not null)
        {
            var slash = apiVersion.IndexOf('/');
            group = slash < 0 ? string.Empty : apiVersion.Substring(0, slash);
            version = slash < 0 ? apiVersion : apiVersion.Substring(slash + 1);
        }
        else
        {
            group = entity is null ? null : AttributeReader.Named<string>(entity, "Group") ?? string.Empty;
            version = entity is null ? null : AttributeReader.Named<string>(entity, "ApiVersion");
        }

        if (kind is null || group is null || version is null)
        {
            return null;
        }

        var plural = AttributeReader.Named<string>(attribute, "Plural")
            ?? (entity is null ? null : AttributeReader.Named<string>(entity, "PluralName"))
            ?? JsonNames.Plural(kind);
        var namespaced = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Namespaced").Value.Value as bool? ?? true;
        return new ExternalRoot(TypeGraphParser.KeyOf(type), group, version, kind, plural, namespaced, location);
    }
}
