namespace Keel.Model.Rendering;

/// <summary>Which children exist (spec 5.2, 4.3) and their builders.</summary>
internal static class ChildPlan
{
    public static List<ChildDraft> Build(RenderContext context)
    {
        var preset = context.Preset;
        var spec = context.Spec;
        var drafts = new List<ChildDraft>();

        drafts.AddRange(ConfigMapChildren.Build(context));

        var hasWorkload = false;
        foreach (var role in new[] { WorkloadRole.Decode, WorkloadRole.Prefill })
        {
            if (!role.Exists(context))
            {
                continue;
            }

            hasWorkload = true;
            drafts.Add(WorkloadChildren.Deployment(context, role));
            if (role.PresetService(context) is { } service)
            {
                drafts.Add(WorkloadChildren.Service(context, role, service));
            }
        }

        if (hasWorkload)
        {
            drafts.Add(EndpointPickerChildren.ServiceAccount(context, ChildRole.WorkloadServiceAccount, context.Names.WorkloadServiceAccount, context.Settings.WorkloadPullSecrets));
        }

        if (preset.EppDeployment is { } eppDeployment)
        {
            drafts.Add(EndpointPickerChildren.Deployment(context, eppDeployment));
            drafts.Add(EndpointPickerChildren.ServiceAccount(context, ChildRole.EppServiceAccount, context.Names.EppServiceAccount, context.Settings.EppPullSecrets));
            if (EndpointPickerChildren.RoleBinding(context) is { } binding)
            {
                drafts.Add(binding);
            }

            if (preset.EppService is { } eppService)
            {
                drafts.Add(EndpointPickerChildren.Service(context, eppService));
            }
        }
        else if (spec.EndpointPicker is not null)
        {
            context.Diagnostics.Warning(
                RenderReasons.Ignored,
                "ModelService field spec.endpointPicker is set, but the preset has no eppDeployment, so there is no endpoint picker to configure",
                "spec.endpointPicker");
        }

        if (preset.HasInferencePool)
        {
            drafts.Add(InferenceChildren.Pool(context));
        }

        if (preset.InferenceObjective is not null || preset.InferenceModel is not null)
        {
            if (!preset.HasInferencePool)
            {
                context.Diagnostics.Warning(
                    RenderReasons.DanglingReference,
                    $"the preset asks for an {(context.Settings.PoolApi == InferencePoolApi.V1 ? "InferenceObjective" : "InferenceModel")} of the InferencePool {context.Names.InferencePool}, but has no inferencePool",
                    "preset:inferencePool");
            }

            drafts.Add(context.Settings.PoolApi == InferencePoolApi.V1 ? InferenceChildren.Objective(context) : InferenceChildren.Model(context));
        }

        if (preset.HttpRoute is not null || spec.Routing.GatewayRefs is { Count: > 0 })
        {
            drafts.Add(HttpRouteChild.Build(context));
        }

        return drafts;
    }
}
