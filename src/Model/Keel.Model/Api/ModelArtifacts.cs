using k8s.Models;
using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>Where the model weights come from and how they are mounted.</summary>
public sealed partial class ModelArtifacts
{
    /// <summary>
    /// The model location. One of <c>hf://&lt;repo&gt;/&lt;model&gt;</c> (downloaded from Hugging Face into an emptyDir),
    /// <c>pvc://&lt;claim&gt;/&lt;path&gt;</c> (a path on an existing PersistentVolumeClaim, mounted read-only) or
    /// <c>oci://&lt;image reference&gt;</c> (an image volume). The scheme is case-sensitive.
    /// </summary>
    [MinLength(1)]
    [MaxLength(4096)] // bounds the cost of the CEL rules, as Kubernetes asks for strings they inspect
    [CelRule("self.startsWith('hf://') || self.startsWith('pvc://') || self.startsWith('oci://')",
        Message = "uri must start with hf://, pvc:// or oci:// (for example hf://facebook/opt-125m)")]
    [CelRule("!self.startsWith('hf://') || self.matches('^hf://[^/]+/[^/]+$')",
        Message = "an hf:// uri names a repository and a model: hf://<repo>/<model>")]
    [CelRule("!self.startsWith('pvc://') || self.matches('^pvc://[^/]+/.*[^/].*$')",
        Message = "a pvc:// uri names a claim and a path in it: pvc://<claim>/<path>")]
    [CelRule("!self.startsWith('oci://') || self.size() > 6",
        Message = "an oci:// uri names an image: oci://<image reference>")]
    public required string Uri { get; set; }

    /// <summary>
    /// A Secret in the ModelService's namespace whose key <c>HF_TOKEN</c> holds a Hugging Face token
    /// (gated or private models). Only used with hf:// URIs.
    /// </summary>
    public string? AuthSecretName { get; set; }

    /// <summary>Size limit of the hf:// download volume (an emptyDir). Make it large enough for the model.</summary>
    public ResourceQuantity? Size { get; set; }

    /// <summary>
    /// Pull policy of the oci:// image volume: Always, Never or IfNotPresent (the default).
    /// Accepted for compatibility with manifests written for the original operator.
    /// </summary>
    [EnumValues("Always", "Never", "IfNotPresent")]
    public string? PullPolicy { get; set; }
}
