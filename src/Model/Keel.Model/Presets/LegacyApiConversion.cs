using k8s.Models;
using Keel.Model.Merging;
using Keel.Model.Upstream.Llmd.V1Alpha2;
using InferenceModel = Keel.Model.Upstream.InferenceX.V1Alpha2.InferenceModel;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;
using LegacyInferencePool = Keel.Model.Upstream.InferenceX.V1Alpha2.InferencePool;
using V1 = Keel.Model.Upstream.Inference.V1;
using V1Alpha2 = Keel.Model.Upstream.InferenceX.V1Alpha2;

namespace Keel.Model.Presets;

/// <summary>
/// Conversions between the legacy Gateway API Inference Extension kinds (<c>inference.networking.x-k8s.io/v1alpha2</c>)
/// and the current ones (spec 4.2, 4.3). Used when a preset part is written for one API and the operator writes the
/// other, and by the migrate command. Inputs are never modified.
/// </summary>
public static class LegacyApiConversion
{
    /// <summary>The endpoint picker's ext-proc port, used when a pool names none (spec 4.2).</summary>
    public const int DefaultEndpointPickerPort = 9002;

    /// <summary>The priority of InferenceModel criticality Critical (spec 4.3).</summary>
    public const int CriticalPriority = 1;

    /// <summary>The priority of criticality Standard: the InferenceObjective default.</summary>
    public const int StandardPriority = 0;

    /// <summary>The priority of criticality Sheddable: negative, so the endpoint picker sheds these requests first.</summary>
    public const int SheddablePriority = -1;

    /// <summary>
    /// v1alpha2 → v1: <c>selector</c> → <c>selector.matchLabels</c>, <c>targetPortNumber: N</c> →
    /// <c>targetPorts: [{number: N}]</c>, <c>extensionRef</c> → <c>endpointPickerRef</c> with <c>portNumber</c> →
    /// <c>port.number</c> (9002 when missing).
    /// </summary>
    public static InferencePool ToV1(LegacyInferencePool legacy)
    {
        ArgumentNullException.ThrowIfNull(legacy);
        var spec = legacy.Spec;
        var extension = spec?.ExtensionRef;
        return new InferencePool
        {
            Metadata = ObjectMerger.Clone(legacy.Metadata),
            Spec = spec is null ? null : new V1.InferencePoolSpec
            {
                Selector = spec.Selector is null ? null : new V1.LabelSelector { MatchLabels = new Dictionary<string, string>(spec.Selector, StringComparer.Ordinal) },
                TargetPorts = spec.TargetPortNumber is { } port ? [new V1.Port { Number = port }] : null,
                EndpointPickerRef = extension is null ? null : new V1.EndpointPickerRef
                {
                    Group = extension.Group,
                    Kind = extension.Kind,
                    Name = extension.Name,
                    Port = new V1.Port { Number = extension.PortNumber ?? DefaultEndpointPickerPort },
                    FailureMode = extension.FailureMode,
                },
            },
        };
    }

    /// <summary>
    /// v1 → v1alpha2, for clusters whose gateway still runs the legacy API: the inverse of <see cref="ToV1"/>.
    /// v1alpha2 has one target port: <paramref name="droppedPorts"/> counts the further ports that had to be left out.
    /// </summary>
    public static LegacyInferencePool ToV1Alpha2(InferencePool pool, out int droppedPorts)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var spec = pool.Spec;
        var picker = spec?.EndpointPickerRef;
        var ports = spec?.TargetPorts?.Where(p => p?.Number is not null).ToList() ?? [];
        droppedPorts = Math.Max(0, ports.Count - 1);
        return new LegacyInferencePool
        {
            Metadata = ObjectMerger.Clone(pool.Metadata),
            Spec = spec is null ? null : new V1Alpha2.InferencePoolSpec
            {
                Selector = spec.Selector?.MatchLabels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : null,
                TargetPortNumber = ports.Count > 0 ? ports[0].Number : null,
                ExtensionRef = picker is null ? null : new V1Alpha2.Extension
                {
                    Group = picker.Group,
                    Kind = picker.Kind,
                    Name = picker.Name,
                    PortNumber = picker.Port?.Number,
                    FailureMode = picker.FailureMode,
                },
            },
        };
    }

    /// <summary>Criticality → priority: Critical 1, Standard 0, Sheddable -1; anything else (or none) gives null.</summary>
    public static int? PriorityOf(string? criticality) => criticality switch
    {
        "Critical" => CriticalPriority,
        "Standard" => StandardPriority,
        "Sheddable" => SheddablePriority,
        _ => null,
    };

    /// <summary>Priority → criticality: above 0 Critical, 0 (or unset) Standard, below 0 Sheddable.</summary>
    public static string CriticalityOf(int? priority) => priority switch
    {
        > 0 => "Critical",
        < 0 => "Sheddable",
        _ => "Standard",
    };

    /// <summary>
    /// An InferenceModel as an InferenceObjective: metadata and the priority mapped from criticality. The model name
    /// comes from the ModelService and the pool reference is forced, so neither is copied; <c>targetModels</c> has no
    /// equivalent (traffic splitting moved to InferenceModelRewrite).
    /// </summary>
    public static InferenceObjective ToObjective(InferenceModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var priority = PriorityOf(model.Spec?.Criticality);
        return new InferenceObjective
        {
            Metadata = ObjectMerger.Clone(model.Metadata),
            Spec = new InferenceObjectiveSpec { Priority = priority },
        };
    }

    /// <summary>An InferenceObjective as an InferenceModel (v1alpha2 output mode): criticality mapped from priority.</summary>
    public static InferenceModel ToInferenceModel(InferenceObjective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new InferenceModel
        {
            Metadata = ObjectMerger.Clone(objective.Metadata),
            Spec = new V1Alpha2.InferenceModelSpec { Criticality = CriticalityOf(objective.Spec?.Priority) },
        };
    }
}
