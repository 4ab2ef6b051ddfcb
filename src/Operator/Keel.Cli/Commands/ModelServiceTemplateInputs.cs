using System.Text.Json.Nodes;
using Keel.Model.Api;
using Keel.Model.Serialization;
using Keel.Model.Templating;

namespace Keel.Cli.Commands;

/// <summary>
/// Reads a ModelService manifest for <c>modelservice template</c> and computes its template variables with
/// <see cref="TemplateVariables.From(ModelService, string?)"/>. Lenient on purpose: only what the variables need must be
/// there (metadata.name, spec.modelArtifacts.uri); a missing routing section reads as an empty model name.
/// </summary>
internal static class ModelServiceTemplateInputs
{
    public static bool TryLoad(string path, out TemplateVariables? variables, out string error)
    {
        variables = null;
        if (!ManifestFile.TryRead(path, out var manifest, out error))
        {
            return false;
        }

        if (ManifestFile.Text(manifest!, "kind") is { } kind && kind != ModelService.KubeKind)
        {
            error = $"{path}: kind is {kind}, expected ModelService";
            return false;
        }

        if (string.IsNullOrEmpty(ManifestFile.Text(manifest!, "metadata", "name")))
        {
            error = $"{path}: metadata.name is required";
            return false;
        }

        if (string.IsNullOrEmpty(ManifestFile.Text(manifest!, "spec", "modelArtifacts", "uri")))
        {
            error = $"{path}: spec.modelArtifacts.uri is required";
            return false;
        }

        var spec = manifest!["spec"]!.AsObject();
        if (spec["routing"] is not JsonObject routing)
        {
            spec["routing"] = routing = new JsonObject();
        }

        routing["modelName"] ??= string.Empty;
        ModelService modelService;
        try
        {
            modelService = KeelJson.Deserialize<ModelService>(manifest, path);
        }
        catch (KeelSerializationException e)
        {
            error = e.Message;
            return false;
        }

        variables = TemplateVariables.From(modelService, modelService.Metadata?.NamespaceProperty ?? "default");
        return true;
    }
}
