using k8s.Models;
using Keel.Model.Api;

namespace Keel.Model.Rendering;

/// <summary>The two model-server roles and where each finds its inputs.</summary>
internal sealed record WorkloadRole(
    string Label,
    string SpecPath,
    ChildRole DeploymentRole,
    ChildRole ServiceRole,
    Func<RenderContext, PDSpec?> Spec,
    Func<RenderContext, V1Deployment?> PresetDeployment,
    Func<RenderContext, V1Service?> PresetService,
    Func<RenderContext, SectionContainers> Containers,
    Func<RenderContext, string> DeploymentName,
    Func<RenderContext, string> ServiceName)
{
    public static WorkloadRole Decode { get; } = new(
        ChildLabels.RoleDecode,
        "spec.decode",
        ChildRole.DecodeDeployment,
        ChildRole.DecodeService,
        c => c.Spec.Decode,
        c => c.Preset.DecodeDeployment,
        c => c.Preset.DecodeService,
        c => c.Containers.Decode,
        c => c.Names.DecodeDeployment,
        c => c.Names.DecodeService);

    public static WorkloadRole Prefill { get; } = new(
        ChildLabels.RolePrefill,
        "spec.prefill",
        ChildRole.PrefillDeployment,
        ChildRole.PrefillService,
        c => c.Spec.Prefill,
        c => c.Preset.PrefillDeployment,
        c => c.Preset.PrefillService,
        c => c.Containers.Prefill,
        c => c.Names.PrefillDeployment,
        c => c.Names.PrefillService);

    /// <summary>
    /// Spec 5.2: decode exists when spec.decode is set or the preset has decodeDeployment; prefill only when
    /// spec.prefill is set (fix: the original also created it from the preset alone).
    /// </summary>
    public bool Exists(RenderContext context) =>
        Spec(context) is not null || (ReferenceEquals(this, Decode) && PresetDeployment(context) is not null);
}
