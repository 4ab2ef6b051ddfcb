using Keel.Model.Api;

namespace Keel.Model.Rendering;

/// <summary>
/// The child references the ModelService's status reports once the children are applied (spec 1.5), by status field.
/// A reference is null when that child is not desired, so applying them also clears stale ones (fix).
/// </summary>
public sealed record ChildReferences
{
    public static ChildReferences None { get; } = new();

    public string? PrefillDeploymentRef { get; init; }

    public string? DecodeDeploymentRef { get; init; }

    public string? EppDeploymentRef { get; init; }

    public string? HttpRouteRef { get; init; }

    public string? InferenceModelRef { get; init; }

    public string? InferenceObjectiveRef { get; init; }

    public string? InferencePoolRef { get; init; }

    /// <summary>The workload ServiceAccount while a prefill Deployment exists (fix: the original wrote the EPP's here).</summary>
    public string? PrefillServiceAccountRef { get; init; }

    /// <summary>The workload ServiceAccount while a decode Deployment exists (fix: the original never set it).</summary>
    public string? DecodeServiceAccountRef { get; init; }

    public string? EppRoleBinding { get; init; }

    /// <summary>The preset ConfigMaps' names, in order; null when there are none.</summary>
    public IReadOnlyList<string>? ConfigMapNames { get; init; }

    /// <summary>The references by status field name (<c>decodeDeploymentRef</c>...), only those that are set.</summary>
    public IReadOnlyDictionary<string, string> ByFieldName()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string field, string? value)
        {
            if (value is not null)
            {
                result[field] = value;
            }
        }

        Add("prefillDeploymentRef", PrefillDeploymentRef);
        Add("decodeDeploymentRef", DecodeDeploymentRef);
        Add("eppDeploymentRef", EppDeploymentRef);
        Add("httpRouteRef", HttpRouteRef);
        Add("inferenceModelRef", InferenceModelRef);
        Add("inferenceObjectiveRef", InferenceObjectiveRef);
        Add("inferencePoolRef", InferencePoolRef);
        Add("prefillServiceAccountRef", PrefillServiceAccountRef);
        Add("decodeServiceAccountRef", DecodeServiceAccountRef);
        Add("eppRoleBinding", EppRoleBinding);
        return result;
    }

    /// <summary>Writes every reference into <paramref name="status"/>, clearing those that are null.</summary>
    public void ApplyTo(ModelServiceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        status.PrefillDeploymentRef = PrefillDeploymentRef;
        status.DecodeDeploymentRef = DecodeDeploymentRef;
        status.EppDeploymentRef = EppDeploymentRef;
        status.HttpRouteRef = HttpRouteRef;
        status.InferenceModelRef = InferenceModelRef;
        status.InferenceObjectiveRef = InferenceObjectiveRef;
        status.InferencePoolRef = InferencePoolRef;
        status.PrefillServiceAccountRef = PrefillServiceAccountRef;
        status.DecodeServiceAccountRef = DecodeServiceAccountRef;
        status.EppRoleBinding = EppRoleBinding;
        status.ConfigMapNames = ConfigMapNames is null ? null : [.. ConfigMapNames];
    }

    internal static ChildReferences From(IReadOnlyList<RenderedChild> children)
    {
        string? Name(ChildRole role) => children.FirstOrDefault(c => c.Role == role)?.Name;
        var workloadAccount = Name(ChildRole.WorkloadServiceAccount);
        var configMaps = children.Where(c => c.Role == ChildRole.PresetConfigMap).Select(c => c.Name).ToList();
        return new ChildReferences
        {
            PrefillDeploymentRef = Name(ChildRole.PrefillDeployment),
            DecodeDeploymentRef = Name(ChildRole.DecodeDeployment),
            EppDeploymentRef = Name(ChildRole.EppDeployment),
            HttpRouteRef = Name(ChildRole.HttpRoute),
            InferenceModelRef = Name(ChildRole.InferenceModel),
            InferenceObjectiveRef = Name(ChildRole.InferenceObjective),
            InferencePoolRef = Name(ChildRole.InferencePool),
            PrefillServiceAccountRef = Name(ChildRole.PrefillDeployment) is null ? null : workloadAccount,
            DecodeServiceAccountRef = Name(ChildRole.DecodeDeployment) is null ? null : workloadAccount,
            EppRoleBinding = Name(ChildRole.EppRoleBinding),
            ConfigMapNames = configMaps.Count == 0 ? null : configMaps,
        };
    }
}
