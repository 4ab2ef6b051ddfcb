using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Templating;

namespace Keel.Model.Rendering;

/// <summary>
/// How the model reaches the pods (spec 5.4): the <c>model-storage</c> volume for the URI's scheme, its mount at
/// <c>/model-cache</c>, and the environment of containers that mount it.
/// </summary>
internal sealed record ModelArtifactsPlan(V1Volume Volume, V1VolumeMount Mount, IReadOnlyList<V1EnvVar> Env)
{
    public const string VolumeName = "model-storage";
    public const string HfTokenKey = "HF_TOKEN";
    public const string HfHome = "HF_HOME";

    /// <summary>The plan for <paramref name="artifacts"/>, or an error message naming what is wrong with the URI.</summary>
    public static ModelArtifactsPlan? Create(ModelArtifacts? artifacts, out string? error)
    {
        var uri = artifacts?.Uri ?? string.Empty;
        error = null;
        if (uri.StartsWith("hf://", StringComparison.Ordinal))
        {
            var parts = uri["hf://".Length..].Split('/');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                error = $"uri \"{uri}\" is not hf://<repo>/<model> (for example hf://facebook/opt-125m)";
                return null;
            }

            var env = new List<V1EnvVar>();
            if (!string.IsNullOrEmpty(artifacts!.AuthSecretName))
            {
                env.Add(new V1EnvVar
                {
                    Name = HfTokenKey,
                    ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = artifacts.AuthSecretName, Key = HfTokenKey } },
                });
            }

            env.Add(new V1EnvVar { Name = HfHome, Value = TemplateVariables.ModelCachePath });
            return new ModelArtifactsPlan(
                new V1Volume { Name = VolumeName, EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = artifacts.Size } },
                new V1VolumeMount { Name = VolumeName, MountPath = TemplateVariables.ModelCachePath },
                env);
        }

        if (uri.StartsWith("pvc://", StringComparison.Ordinal))
        {
            var rest = uri["pvc://".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var claim = slash < 0 ? rest : rest[..slash];
            var path = slash < 0 ? string.Empty : rest[(slash + 1)..].Trim('/');
            if (claim.Length == 0 || path.Length == 0)
            {
                error = $"uri \"{uri}\" is not pvc://<claim>/<path> (for example pvc://model-weights/llama-3-8b)";
                return null;
            }

            return new ModelArtifactsPlan(
                new V1Volume { Name = VolumeName, PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = claim, ReadOnlyProperty = true } },
                new V1VolumeMount { Name = VolumeName, MountPath = TemplateVariables.ModelCachePath, ReadOnlyProperty = true },
                []);
        }

        if (uri.StartsWith("oci://", StringComparison.Ordinal))
        {
            var reference = uri["oci://".Length..];
            if (reference.Length == 0)
            {
                error = $"uri \"{uri}\" names no image: oci://<image reference>";
                return null;
            }

            return new ModelArtifactsPlan(
                new V1Volume
                {
                    Name = VolumeName,
                    Image = new V1ImageVolumeSource { Reference = reference, PullPolicy = artifacts!.PullPolicy ?? "IfNotPresent" },
                },
                new V1VolumeMount { Name = VolumeName, MountPath = TemplateVariables.ModelCachePath, ReadOnlyProperty = true },
                []);
        }

        error = uri.Length == 0
            ? "uri is required: hf://<repo>/<model>, pvc://<claim>/<path> or oci://<image reference>"
            : $"uri \"{uri}\" has an unknown scheme: use hf://<repo>/<model>, pvc://<claim>/<path> or oci://<image reference>";
        return null;
    }
}
