using System.Text.RegularExpressions;
using Keel.Model.Naming;

namespace Keel.Model.Rendering;

/// <summary>
/// The labels the operator puts on children (spec 5.1). The common labels and the role/EPP labels are compat;
/// the <c>app.kubernetes.io</c> labels and <see cref="ModelService"/> (how the operator finds its own children
/// besides owner references) are added.
/// </summary>
public static partial class ChildLabels
{
    /// <summary><c>"true"</c> on every child and workload pod (compat).</summary>
    public const string InferenceServing = "llm-d.ai/inferenceServing";

    /// <summary><c>sanitize(routing.modelName)</c> on every child and workload pod (compat).</summary>
    public const string Model = "llm-d.ai/model";

    /// <summary><c>prefill</c> or <c>decode</c> on workload Deployments, their selectors and pods (compat).</summary>
    public const string Role = "llm-d.ai/role";

    /// <summary><c>&lt;ms&gt;-epp</c> on the endpoint picker's Deployment, selector, pods and Service selector (compat).</summary>
    public const string Epp = "llm-d.ai/epp";

    /// <summary>The owning ModelService's name (as a label value) on every child: selects a ModelService's children.</summary>
    public const string ModelService = "llm-d.ai/modelservice";

    /// <summary>Standard: who manages the object.</summary>
    public const string ManagedBy = "app.kubernetes.io/managed-by";

    /// <summary>Standard: the application the object is part of (the ModelService).</summary>
    public const string PartOf = "app.kubernetes.io/part-of";

    /// <summary>The value of <see cref="ManagedBy"/>; also the operator's field manager name.</summary>
    public const string ManagedByValue = "modelservice-operator";

    public const string RoleDecode = "decode";

    public const string RolePrefill = "prefill";

    /// <summary>
    /// <paramref name="text"/> as a label value: itself when it is a valid value (at most 63 characters of
    /// <c>[A-Za-z0-9._-]</c>, alphanumeric at both ends), otherwise sanitized and cut with a stable hash.
    /// </summary>
    public static string ValueFor(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= KubernetesNames.MaxLength && LabelValue().IsMatch(text)
            ? text
            : KubernetesNames.ChildName(text, string.Empty);
    }

    /// <summary>The labels that select every child of the ModelService named <paramref name="modelServiceName"/>.</summary>
    public static IReadOnlyDictionary<string, string> SelectorFor(string modelServiceName) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [ModelService] = ValueFor(modelServiceName) };

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
