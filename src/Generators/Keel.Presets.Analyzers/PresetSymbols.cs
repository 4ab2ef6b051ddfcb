using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Keel.Presets.Analyzers;

/// <summary>The Keel.Model.Authoring symbols the analyzer keys on; null when the compilation does not reference Keel.Model.</summary>
internal sealed class PresetSymbols
{
    public const string AuthoringNamespace = "Keel.Model.Authoring";

    /// <summary>The template variables when Keel.Model's TemplateVariables cannot be read (spec section 3).</summary>
    private static readonly ImmutableHashSet<string> FallbackVariables = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "ModelServiceName", "ModelServiceNamespace", "ModelName", "SanitizedModelName", "HFModelName", "ModelPath",
        "MountedModelPath", "AuthSecretName", "EPPServiceName", "EPPDeploymentName", "PrefillDeploymentName",
        "DecodeDeploymentName", "PrefillServiceName", "DecodeServiceName", "InferencePoolName", "InferenceModelName",
        "InferenceObjectiveName", "HTTPRouteName");

    private PresetSymbols(
        INamedTypeSymbol preset,
        INamedTypeSymbol? component,
        INamedTypeSymbol? requiresPort,
        INamedTypeSymbol? goTemplate,
        INamedTypeSymbol? template,
        ImmutableHashSet<string> variables)
    {
        Preset = preset;
        Component = component;
        RequiresPort = requiresPort;
        GoTemplate = goTemplate;
        Template = template;
        Variables = variables;
    }

    public INamedTypeSymbol Preset { get; }

    public INamedTypeSymbol? Component { get; }

    public INamedTypeSymbol? RequiresPort { get; }

    public INamedTypeSymbol? GoTemplate { get; }

    public INamedTypeSymbol? Template { get; }

    /// <summary>The names templates may use as fields of dot: the string properties of Keel.Model's TemplateVariables.</summary>
    public ImmutableHashSet<string> Variables { get; }

    public static PresetSymbols? TryCreate(Compilation compilation)
    {
        var preset = compilation.GetTypeByMetadataName(AuthoringNamespace + ".Preset");
        if (preset is null)
        {
            return null;
        }

        return new PresetSymbols(
            preset,
            compilation.GetTypeByMetadataName(AuthoringNamespace + ".PresetComponentAttribute"),
            compilation.GetTypeByMetadataName(AuthoringNamespace + ".RequiresRoutingPortAttribute"),
            compilation.GetTypeByMetadataName(AuthoringNamespace + ".GoTemplateAttribute"),
            compilation.GetTypeByMetadataName(AuthoringNamespace + ".Template"),
            ReadVariables(compilation));
    }

    public bool IsPreset(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Preset))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsComponent(INamedTypeSymbol type) =>
        Component is not null && type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, Component));

    public bool IsGoTemplateParameter(IParameterSymbol parameter) =>
        GoTemplate is not null && parameter.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, GoTemplate));

    /// <summary>The [RequiresRoutingPort] attributes of a preset and its base types.</summary>
    public IEnumerable<AttributeData> RequiredPorts(INamedTypeSymbol type)
    {
        if (RequiresPort is null)
        {
            yield break;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var attribute in current.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, RequiresPort)
                    && attribute.ConstructorArguments is [{ Value: string }])
                {
                    yield return attribute;
                }
            }
        }
    }

    private static ImmutableHashSet<string> ReadVariables(Compilation compilation)
    {
        var type = compilation.GetTypeByMetadataName("Keel.Model.Templating.TemplateVariables");
        if (type is null)
        {
            return FallbackVariables;
        }

        var names = type.GetMembers()
            .OfType<IPropertySymbol>()
            .Where(p => !p.IsStatic && p.DeclaredAccessibility == Accessibility.Public && p.Type.SpecialType == SpecialType.System_String)
            .Select(p => p.Name)
            .ToImmutableHashSet(StringComparer.Ordinal);
        return names.IsEmpty ? FallbackVariables : names;
    }
}
