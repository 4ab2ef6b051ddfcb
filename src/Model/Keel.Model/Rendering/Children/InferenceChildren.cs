using Keel.Model.Presets;
using Keel.Model.Upstream.Llmd.V1Alpha2;
using InferenceModel = Keel.Model.Upstream.InferenceX.V1Alpha2.InferenceModel;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;
using LegacyInferencePool = Keel.Model.Upstream.InferenceX.V1Alpha2.InferencePool;
using V1 = Keel.Model.Upstream.Inference.V1;
using V1Alpha2 = Keel.Model.Upstream.InferenceX.V1Alpha2;

namespace Keel.Model.Rendering;

/// <summary>
/// The InferencePool and the InferenceObjective (v1) or InferenceModel (v1alpha2), in the API the operator settings
/// choose (spec 4.2, 4.3, 5.3). A part written for the other API is converted, with a warning.
/// </summary>
internal static class InferenceChildren
{
    public const string PoolGroup = InferencePool.KubeGroup;
    public const string LegacyPoolGroup = LegacyInferencePool.KubeGroup;

    /// <summary>The group of the pool the operator writes.</summary>
    public static string PoolGroupFor(InferencePoolApi api) => api == InferencePoolApi.V1 ? PoolGroup : LegacyPoolGroup;

    public static ChildDraft Pool(RenderContext context)
    {
        var preset = context.Preset;
        if (preset.EppDeployment is null)
        {
            context.Diagnostics.Warning(
                RenderReasons.DanglingReference,
                $"the InferencePool {context.Names.InferencePool} names the endpoint picker Service {context.Names.EppService}, but the preset has no eppDeployment, so nothing answers there",
                "preset:inferencePool");
        }

        return context.Settings.PoolApi == InferencePoolApi.V1 ? PoolV1(context) : PoolV1Alpha2(context);
    }

    private static ChildDraft PoolV1(RenderContext context)
    {
        var preset = context.Preset;
        var @base = preset.InferencePool;
        if (@base is null && preset.LegacyInferencePool is { } legacy)
        {
            @base = LegacyApiConversion.ToV1(legacy);
            context.Diagnostics.Warning(
                RenderReasons.LegacyApiConverted,
                "the preset's inferencePool is written for inference.networking.x-k8s.io/v1alpha2 and was upgraded to inference.networking.k8s.io/v1 "
                + "(selector → selector.matchLabels, targetPortNumber → targetPorts, extensionRef → endpointPickerRef); check that the preset's "
                + "endpoint picker image reads v1 pools, or run the operator with --pool-api v1alpha2",
                "preset:inferencePool");
        }

        @base ??= new InferencePool();
        var recorder = context.NewRecorder();
        var picker = new V1.EndpointPickerRef { Name = context.Names.EppService };
        if (@base.Spec?.EndpointPickerRef?.Port?.Number is null)
        {
            picker.Port = new V1.Port { Number = LegacyApiConversion.DefaultEndpointPickerPort };
        }

        var overlay = new InferencePool
        {
            Metadata = context.ForcedMetadata(context.Names.InferencePool),
            Spec = new V1.InferencePoolSpec
            {
                // No role label: prefill and decode pods are both members. The selector is atomic: written whole.
                Selector = new V1.LabelSelector { MatchLabels = Selectors.Union(@base.Spec?.Selector?.MatchLabels, context.CommonLabels()) },
                EndpointPickerRef = picker,
            },
        };
        var pool = OperatorOverlay.Merge(recorder, @base, overlay, InferencePool.KubeGroup + "/" + InferencePool.KubeApiVersion, InferencePool.KubeKind);
        if (pool.Spec?.TargetPorts is not { Count: > 0 })
        {
            context.Diagnostics.Error(
                RenderReasons.InvalidChild,
                "the preset's inferencePool has no spec.targetPorts: name the model servers' port, for example targetPorts: [{number: '{{ \"app_port\" | getPort }}'}]",
                "preset:inferencePool.spec.targetPorts");
        }

        return new ChildDraft(ChildRole.InferencePool, pool, pool.Metadata!, pool.ApiVersion!, pool.Kind!, recorder);
    }

    private static ChildDraft PoolV1Alpha2(RenderContext context)
    {
        var preset = context.Preset;
        var @base = preset.LegacyInferencePool;
        if (@base is null && preset.InferencePool is { } current)
        {
            @base = LegacyApiConversion.ToV1Alpha2(current, out var dropped);
            context.Diagnostics.Warning(
                RenderReasons.LegacyApiConverted,
                "the preset's inferencePool is written for inference.networking.k8s.io/v1 and was converted to inference.networking.x-k8s.io/v1alpha2 for --pool-api v1alpha2"
                + (dropped > 0 ? $"; v1alpha2 has one target port, so {dropped} more were left out" : string.Empty),
                "preset:inferencePool");
        }

        @base ??= new LegacyInferencePool();
        var recorder = context.NewRecorder();
        var overlay = new LegacyInferencePool
        {
            Metadata = context.ForcedMetadata(context.Names.InferencePool),
            Spec = new V1Alpha2.InferencePoolSpec
            {
                Selector = Selectors.Union(@base.Spec?.Selector, context.CommonLabels()),
                ExtensionRef = new V1Alpha2.Extension { Name = context.Names.EppService },
            },
        };
        var pool = OperatorOverlay.Merge(recorder, @base, overlay, LegacyInferencePool.KubeGroup + "/" + LegacyInferencePool.KubeApiVersion, LegacyInferencePool.KubeKind);
        if (pool.Spec?.TargetPortNumber is null)
        {
            context.Diagnostics.Error(
                RenderReasons.InvalidChild,
                "the preset's inferencePool has no spec.targetPortNumber: name the model servers' port",
                "preset:inferencePool.spec.targetPortNumber");
        }

        return new ChildDraft(ChildRole.InferencePool, pool, pool.Metadata!, pool.ApiVersion!, pool.Kind!, recorder);
    }

    /// <summary>
    /// v1 mode: an InferenceObjective when the preset has one, or a legacy inferenceModel (criticality mapped to a
    /// priority). Name = the ModelService's; poolRef = the pool.
    /// </summary>
    public static ChildDraft Objective(RenderContext context)
    {
        var preset = context.Preset;
        var @base = preset.InferenceObjective;
        if (@base is not null && preset.InferenceModel is not null)
        {
            context.Diagnostics.Warning(
                RenderReasons.Ignored,
                "the preset has both inferenceObjective and the legacy inferenceModel; the InferenceObjective is used and inferenceModel ignored",
                "preset:inferenceModel");
        }

        if (@base is null && preset.InferenceModel is { } model)
        {
            @base = LegacyApiConversion.ToObjective(model);
            var criticality = model.Spec?.Criticality;
            context.Diagnostics.Warning(
                RenderReasons.LegacyApiConverted,
                "the preset's legacy inferenceModel was converted to an InferenceObjective (llm-d.ai/v1alpha2)"
                + (criticality is null ? string.Empty : $": criticality {criticality} became priority {(@base.Spec?.Priority?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset")}")
                + (model.Spec?.TargetModels is { Count: > 0 } ? "; targetModels has no equivalent (use an InferenceModelRewrite) and was left out" : string.Empty),
                "preset:inferenceModel");
        }

        @base ??= new InferenceObjective();
        var recorder = context.NewRecorder();
        var overlay = new InferenceObjective
        {
            Metadata = context.ForcedMetadata(context.Names.InferenceObjective),
            Spec = new InferenceObjectiveSpec
            {
                PoolRef = new PoolObjectReference { Group = PoolGroup, Kind = InferencePool.KubeKind, Name = context.Names.InferencePool },
            },
        };
        var objective = OperatorOverlay.Merge(recorder, @base, overlay, InferenceObjective.KubeGroup + "/" + InferenceObjective.KubeApiVersion, InferenceObjective.KubeKind);
        return new ChildDraft(ChildRole.InferenceObjective, objective, objective.Metadata!, objective.ApiVersion!, objective.Kind!, recorder);
    }

    /// <summary>
    /// v1alpha2 mode (compat): the InferenceModel as the original wrote it: name = the ModelService's, labels = the common
    /// labels, spec.modelName = routing.modelName, spec.poolRef.name = the pool, the preset's other fields kept.
    /// </summary>
    public static ChildDraft Model(RenderContext context)
    {
        var preset = context.Preset;
        var @base = preset.InferenceModel;
        if (@base is null && preset.InferenceObjective is { } objective)
        {
            @base = LegacyApiConversion.ToInferenceModel(objective);
            context.Diagnostics.Warning(
                RenderReasons.LegacyApiConverted,
                $"the preset's inferenceObjective was converted to an InferenceModel for --pool-api v1alpha2: priority {(objective.Spec?.Priority?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset")} became criticality {@base.Spec?.Criticality}",
                "preset:inferenceObjective");
        }

        @base ??= new InferenceModel();
        var recorder = context.NewRecorder();
        var overlay = new InferenceModel
        {
            Metadata = context.ForcedMetadata(context.Names.InferenceModel),
            Spec = new V1Alpha2.InferenceModelSpec
            {
                ModelName = context.Spec.Routing.ModelName,
                PoolRef = new V1Alpha2.PoolObjectReference { Name = context.Names.InferencePool },
            },
        };
        var model = OperatorOverlay.Merge(recorder, @base, overlay, InferenceModel.KubeGroup + "/" + InferenceModel.KubeApiVersion, InferenceModel.KubeKind);

        // Compat: the original replaced the InferenceModel's labels (im.Labels = common labels); the preset's are dropped.
        model.Metadata!.Labels = new Dictionary<string, string>(overlay.Metadata.Labels!, StringComparer.Ordinal);
        return new ChildDraft(ChildRole.InferenceModel, model, model.Metadata!, model.ApiVersion!, model.Kind!, recorder);
    }
}
