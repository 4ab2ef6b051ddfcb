using Keel.Model.Naming;
using Keel.Model.Templating.Values;

namespace Keel.Model.Templating;

/// <summary>
/// The variables every template sees as dot (spec §3, compat: names and values exact). A Go struct
/// to templates: an unknown field is an execution error, and fields are looked up by a switch.
/// </summary>
public sealed partial record TemplateVariables : ITemplateRecord
{
    // The original's struct order (HFModelName before SanitizedModelName): `{{ . }}` and `%v` print in it.
    private static readonly string[] Fields =
    [
        nameof(ModelServiceName), nameof(ModelServiceNamespace), nameof(ModelName), nameof(HFModelName),
        nameof(SanitizedModelName), nameof(ModelPath), nameof(MountedModelPath), nameof(AuthSecretName),
        nameof(EPPServiceName), nameof(EPPDeploymentName), nameof(PrefillDeploymentName), nameof(DecodeDeploymentName),
        nameof(PrefillServiceName), nameof(DecodeServiceName), nameof(InferencePoolName), nameof(InferenceModelName),
        nameof(InferenceObjectiveName), nameof(HTTPRouteName),
    ];

    /// <summary>The path the model volume is mounted at in workload containers.</summary>
    public const string ModelCachePath = "/model-cache";

    public required string ModelServiceName { get; init; }

    public required string ModelServiceNamespace { get; init; }

    public required string ModelName { get; init; }

    public required string SanitizedModelName { get; init; }

    public required string HFModelName { get; init; }

    public required string ModelPath { get; init; }

    public required string MountedModelPath { get; init; }

    public required string AuthSecretName { get; init; }

    public required string EPPServiceName { get; init; }

    public required string EPPDeploymentName { get; init; }

    public required string PrefillDeploymentName { get; init; }

    public required string DecodeDeploymentName { get; init; }

    public required string PrefillServiceName { get; init; }

    public required string DecodeServiceName { get; init; }

    public required string InferencePoolName { get; init; }

    public required string InferenceModelName { get; init; }

    /// <summary>Added: the InferenceObjective's name.</summary>
    public required string InferenceObjectiveName { get; init; }

    /// <summary>Added: the HTTPRoute's name.</summary>
    public required string HTTPRouteName { get; init; }

    /// <summary>The routing ports, in declaration order, for <c>getPort</c> (not a template field).</summary>
    public IReadOnlyList<KeyValuePair<string, int>> RoutingPorts { get; init; } = [];

    string ITemplateRecord.GoTypeName => "variables";

    IReadOnlyList<string> ITemplateRecord.FieldNames => Fields;

    /// <summary>
    /// The original's json tags (<c>modelServiceName,omitempty</c>…): what <c>toJson</c> and <c>toYaml</c> of the
    /// variables write, an empty field left out.
    /// </summary>
    IEnumerable<KeyValuePair<string, TemplateValue>> ITemplateRecord.JsonFields()
    {
        foreach (var name in Fields)
        {
            ITemplateRecord record = this;
            if (record.TryGetField(name, out var value) && value.AsString.Length > 0)
            {
                yield return new(JsonName(name), value);
            }
        }
    }

    private static string JsonName(string field) => field switch
    {
        nameof(HFModelName) => "hfModelName",
        nameof(EPPServiceName) => "eppServiceName",
        nameof(EPPDeploymentName) => "eppDeploymentName",
        nameof(HTTPRouteName) => "httpRouteName",
        _ => char.ToLowerInvariant(field[0]) + field[1..],
    };

    /// <summary>
    /// Computes the variables from the ModelService's plain inputs: metadata.name and namespace,
    /// routing.modelName, modelArtifacts.uri and authSecretName, and routing.ports.
    /// </summary>
    public static TemplateVariables From(
        string name,
        string @namespace,
        string modelName,
        string uri,
        string? authSecretName = null,
        IEnumerable<KeyValuePair<string, int>>? ports = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(uri);
        var children = ChildNames.For(name);
        var (hfModelName, modelPath, mountedPath) = ModelLocation(uri);
        return new TemplateVariables
        {
            ModelServiceName = name,
            ModelServiceNamespace = @namespace ?? string.Empty,
            ModelName = modelName ?? string.Empty,
            SanitizedModelName = KubernetesNames.Sanitize(modelName ?? string.Empty),
            HFModelName = hfModelName,
            ModelPath = modelPath,
            MountedModelPath = mountedPath,
            AuthSecretName = authSecretName ?? string.Empty,
            EPPServiceName = children.EppService,
            EPPDeploymentName = children.EppDeployment,
            PrefillDeploymentName = children.PrefillDeployment,
            DecodeDeploymentName = children.DecodeDeployment,
            PrefillServiceName = children.PrefillService,
            DecodeServiceName = children.DecodeService,
            InferencePoolName = children.InferencePool,
            InferenceModelName = children.InferenceModel,
            InferenceObjectiveName = children.InferenceObjective,
            HTTPRouteName = children.HttpRoute,
            RoutingPorts = ports?.ToArray() ?? [],
        };
    }

    /// <summary>HFModelName, ModelPath and MountedModelPath for a model URI (spec §3).</summary>
    public static (string HFModelName, string ModelPath, string MountedModelPath) ModelLocation(string uri)
    {
        if (uri.StartsWith("hf://", StringComparison.Ordinal))
        {
            var model = uri["hf://".Length..];
            return (model, model, ModelCachePath);
        }

        if (uri.StartsWith("pvc://", StringComparison.Ordinal))
        {
            var rest = uri["pvc://".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var path = slash < 0 ? string.Empty : rest[(slash + 1)..];
            return (string.Empty, path, path.Length == 0 ? ModelCachePath : ModelCachePath + "/" + path);
        }

        return (string.Empty, string.Empty, ModelCachePath);
    }

    bool ITemplateRecord.TryGetField(string name, out TemplateValue value)
    {
        string? field = name switch
        {
            nameof(ModelServiceName) => ModelServiceName,
            nameof(ModelServiceNamespace) => ModelServiceNamespace,
            nameof(ModelName) => ModelName,
            nameof(SanitizedModelName) => SanitizedModelName,
            nameof(HFModelName) => HFModelName,
            nameof(ModelPath) => ModelPath,
            nameof(MountedModelPath) => MountedModelPath,
            nameof(AuthSecretName) => AuthSecretName,
            nameof(EPPServiceName) => EPPServiceName,
            nameof(EPPDeploymentName) => EPPDeploymentName,
            nameof(PrefillDeploymentName) => PrefillDeploymentName,
            nameof(DecodeDeploymentName) => DecodeDeploymentName,
            nameof(PrefillServiceName) => PrefillServiceName,
            nameof(DecodeServiceName) => DecodeServiceName,
            nameof(InferencePoolName) => InferencePoolName,
            nameof(InferenceModelName) => InferenceModelName,
            nameof(InferenceObjectiveName) => InferenceObjectiveName,
            nameof(HTTPRouteName) => HTTPRouteName,
            _ => null,
        };
        value = field is null ? TemplateValue.Invalid : TemplateValue.FromString(field);
        return field is not null;
    }
}
