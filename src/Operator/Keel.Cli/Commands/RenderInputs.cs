using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Model.Serialization;

namespace Keel.Cli.Commands;

/// <summary>
/// Reads the render command's files: the ModelService (admitted against its CRD, so defaults apply as in a cluster)
/// and the preset (a ConfigMap, or a BaseConfig admitted against its CRD). A file without metadata.namespace is read as
/// if created in the namespace it would live in.
/// </summary>
internal static class RenderInputs
{
    public static bool TryLoadModelService(string path, string? @namespace, ICollection<string> warnings, out ModelService? modelService, out string error)
    {
        modelService = null;
        if (!ManifestFile.TryRead(path, out var manifest, out error)
            || !ManifestFile.HasKind(manifest!, path, [ModelService.KubeKind], out _, out error))
        {
            return false;
        }

        var own = ManifestFile.Text(manifest!, "metadata", "namespace");
        if (@namespace is not null && own is not null && own != @namespace)
        {
            error = $"{path}: the ModelService's namespace ({own}) does not match --namespace {@namespace}";
            return false;
        }

        if (manifest!["metadata"] is not JsonObject metadata)
        {
            error = $"{path}: metadata.name is required";
            return false;
        }

        metadata["namespace"] = @namespace ?? own ?? "default";
        if (!CrdAdmission.TryAdmit(CrdAdmission.ModelService, manifest, path, warnings, out error))
        {
            return false;
        }

        return TryDeserialize(manifest, path, out modelService, out error);
    }

    public static bool TryLoadPreset(string path, PresetReference? reference, string modelServiceNamespace, ICollection<string> warnings, out PresetSource? preset, out string error)
    {
        preset = null;
        if (!ManifestFile.TryRead(path, out var manifest, out error)
            || !ManifestFile.HasKind(manifest!, path, ["ConfigMap", BaseConfig.KubeKind], out var kind, out error))
        {
            return false;
        }

        if (manifest!["metadata"] is not JsonObject metadata || ManifestFile.Text(manifest, "metadata", "name") is not { Length: > 0 })
        {
            error = $"{path}: metadata.name is required";
            return false;
        }

        metadata["namespace"] ??= reference?.Namespace ?? modelServiceNamespace;
        if (kind == "ConfigMap")
        {
            if (manifest["data"] is not JsonObject { Count: > 0 })
            {
                error = $"{path}: the ConfigMap has no data: a ConfigMap preset holds its parts (decodeDeployment, eppDeployment...) under data";
                return false;
            }

            if (!TryDeserialize<V1ConfigMap>(manifest, path, out var configMap, out error))
            {
                return false;
            }

            preset = PresetSource.From(configMap!);
            return true;
        }

        if (!CrdAdmission.TryAdmit(CrdAdmission.BaseConfig, manifest, path, warnings, out error)
            || !TryDeserialize<BaseConfig>(manifest, path, out var baseConfig, out error))
        {
            return false;
        }

        preset = PresetSource.From(baseConfig!);
        return true;
    }

    private static bool TryDeserialize<T>(JsonObject manifest, string path, out T? value, out string error)
        where T : class
    {
        try
        {
            value = KeelJson.Deserialize<T>(manifest, path);
            error = string.Empty;
            return true;
        }
        catch (KeelSerializationException e)
        {
            value = null;
            error = e.Message;
            return false;
        }
    }
}
