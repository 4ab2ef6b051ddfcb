using k8s.Models;
using Keel.Model.Merging;

namespace Keel.Model.Rendering;

/// <summary>The prefill and decode Deployments and Services (spec 5.3–5.6).</summary>
internal static class WorkloadChildren
{
    public static ChildDraft Deployment(RenderContext context, WorkloadRole role)
    {
        var pd = role.Spec(context);
        var section = role.Containers(context);
        var recorder = context.NewRecorder();

        // Stage 1: the ModelService onto the preset.
        var modelServiceOverlay = Overlays.Deployment(
            replicas: pd?.Replicas,
            template: Overlays.PodTemplate(labels: null, Overlays.PodSpec(section.Containers, section.InitContainers)));
        var trace = recorder.Trace();
        var merged = ObjectMerger.Merge(role.PresetDeployment(context), modelServiceOverlay, trace) ?? new V1Deployment();
        recorder.Merged(trace, RenderLayer.Preset, RenderLayer.ModelService);

        // Stage 2: what the operator forces.
        var podLabels = context.RolePodLabels(role.Label);
        var selector = Selectors.DeploymentSelector(merged.Spec?.Selector, podLabels);
        var operatorOverlay = new V1Deployment
        {
            Metadata = context.ForcedMetadata(role.DeploymentName(context), new Dictionary<string, string> { [ChildLabels.Role] = role.Label }),
            Spec = new V1DeploymentSpec
            {
                Selector = selector,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = Selectors.Union(selector.MatchLabels, podLabels) },
                    Spec = new V1PodSpec
                    {
                        ServiceAccountName = context.Names.WorkloadServiceAccount,
                        Volumes = context.Artifacts is { } plan ? [ObjectMerger.Clone(plan.Volume)!] : null,
                        Containers = ModelMounts(context, section.Containers, section.ModelMounts),
                        InitContainers = ModelMounts(context, section.InitContainers, section.ModelMounts),
                    },
                },
            },
        };
        var deployment = OperatorOverlay.Merge(recorder, merged, operatorOverlay, "apps/v1", "Deployment");

        var pod = deployment.Spec.Template.Spec;
        if (pd?.AcceleratorTypes is { } accelerators)
        {
            if (string.IsNullOrEmpty(accelerators.LabelKey) || accelerators.LabelValues is not { Count: > 0 })
            {
                context.Diagnostics.Error(
                    RenderReasons.InvalidModelService,
                    $"ModelService field {role.SpecPath}.acceleratorTypes: labelKey must not be empty and labelValues needs at least one value",
                    role.SpecPath + ".acceleratorTypes");
            }
            else
            {
                AcceleratorAffinity.Apply(pod, accelerators);
                recorder.Wrote(AcceleratorAffinity.Path, OperatorRules.AcceleratorTypes);
            }
        }

        if (pd?.Parallelism is { } parallelism)
        {
            foreach (var path in ParallelismRule.Apply(pod, parallelism, section, pd.Containers, role.SpecPath, context.Diagnostics))
            {
                recorder.Wrote("spec.template.spec." + path, OperatorRules.Parallelism);
            }
        }

        ChildChecks.PodHasRunnableContainers(context, pod, $"the {role.Label} Deployment {role.DeploymentName(context)}", role.SpecPath);
        var policy = context.Spec.DecoupleScaling == true ? ReplicasPolicy.InitialOnly : ReplicasPolicy.Owned;
        return new ChildDraft(role.DeploymentRole, deployment, deployment.Metadata, deployment.ApiVersion, deployment.Kind, recorder, policy, deployment.Spec.Replicas);
    }

    /// <summary>A workload Service: the preset's, with name, namespace, labels and selector ∪ the role's pod labels forced.</summary>
    public static ChildDraft Service(RenderContext context, WorkloadRole role, V1Service preset)
    {
        var podLabels = context.RolePodLabels(role.Label);
        return ServiceChild.Build(
            context,
            role.ServiceRole,
            preset,
            context.ForcedMetadata(role.ServiceName(context), new Dictionary<string, string> { [ChildLabels.Role] = role.Label }),
            podLabels);
    }

    /// <summary>
    /// Spec 5.4: containers with mountModelVolume get the model-storage mount at /model-cache and the model's environment
    /// (HF_TOKEN, HF_HOME), merged by name with their own env (fix: the original threw the container's env away).
    /// </summary>
    private static List<V1Container>? ModelMounts(RenderContext context, IList<V1Container>? containers, IReadOnlyList<string> mounting)
    {
        if (containers is null || context.Artifacts is not { } plan)
        {
            return null;
        }

        var result = containers
            .Where(c => mounting.Contains(c.Name, StringComparer.Ordinal))
            .Select(c => new V1Container
            {
                Name = c.Name,
                VolumeMounts = [ObjectMerger.Clone(plan.Mount)!],
                Env = plan.Env.Count == 0 ? null : plan.Env.Select(e => ObjectMerger.Clone(e)!).ToList(),
            })
            .ToList();
        return result.Count == 0 ? null : result;
    }
}
