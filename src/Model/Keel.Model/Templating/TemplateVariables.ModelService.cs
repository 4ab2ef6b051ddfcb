using Keel.Model.Api;

namespace Keel.Model.Templating;

public sealed partial record TemplateVariables
{
    /// <summary>
    /// The variables of a ModelService (spec 3): metadata.name and namespace, routing.modelName and ports,
    /// modelArtifacts.uri and authSecretName. Missing parts give empty values, never an exception.
    /// </summary>
    /// <param name="modelService">The ModelService.</param>
    /// <param name="namespace">Overrides metadata.namespace (the namespace the object lives or will live in); null keeps it.</param>
    public static TemplateVariables From(ModelService modelService, string? @namespace = null)
    {
        ArgumentNullException.ThrowIfNull(modelService);
        var spec = modelService.Spec;
        var ports = spec?.Routing?.Ports?
            .Where(p => p?.Name is not null)
            .Select(p => new KeyValuePair<string, int>(p.Name, p.Port));
        return From(
            modelService.Metadata?.Name ?? string.Empty,
            @namespace ?? modelService.Metadata?.NamespaceProperty ?? string.Empty,
            spec?.Routing?.ModelName ?? string.Empty,
            spec?.ModelArtifacts?.Uri ?? string.Empty,
            spec?.ModelArtifacts?.AuthSecretName,
            ports);
    }
}
