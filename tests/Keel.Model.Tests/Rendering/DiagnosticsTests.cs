using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Model.Rendering;
using static Keel.Model.Tests.Rendering.RenderKit;

namespace Keel.Model.Tests.Rendering;

/// <summary>Errors and warnings are values with a location; an error means no children; conditions say what to do.</summary>
public sealed class DiagnosticsTests
{
    [Fact]
    public void A_modelservice_arg_template_error_names_the_field_path()
    {
        var result = Render(ModelServiceWith("decode:\n  containers:\n    - name: vllm\n      args: [a, '{{ .HFModelName | nope }}']"), ConfigMap(("decodeDeployment", Parts.DecodeDeployment)));
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderReasons.TemplateError, error.Reason);
        Assert.Equal("spec.decode.containers[0].args[1]", error.Location);
        Assert.StartsWith("ModelService field spec.decode.containers[0].args[1]: template spec.decode.containers[0].args[1]:1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("function \"nope\" not defined", error.Message, StringComparison.Ordinal);
        Assert.Empty(result.Children);
    }

    [Fact]
    public void A_missing_preset_is_PresetNotFound_and_renders_nothing()
    {
        var result = Render(ModelService(), preset: null);
        var error = Assert.Single(result.Errors);
        Assert.Equal(RenderReasons.PresetNotFound, error.Reason);
        Assert.Equal("ModelService team/ms references ConfigMap team/preset, which does not exist: create it, or fix spec.baseConfigMapRef", error.Message);
        Assert.Equal(new PresetReference(AppliedConfigKinds.ConfigMap, "team", "preset"), result.PresetReference);
        Assert.Empty(result.Children);
    }

    [Fact]
    public void A_configmap_preset_without_data_is_PresetEmpty()
    {
        var preset = PresetSource.From(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "preset", NamespaceProperty = "team" } });
        Assert.Equal(RenderReasons.PresetEmpty, Assert.Single(Render(ModelService(), preset).Errors).Reason);
    }

    [Fact]
    public void A_part_of_the_wrong_shape_is_a_parse_error_naming_the_key()
    {
        var error = Assert.Single(Render(ModelService(), ConfigMap(("decodeDeployment", "- a\n- b\n"))).Errors);
        Assert.Equal("preset ConfigMap team/preset, key decodeDeployment, line 1, column 1: the value must be a YAML mapping (one object), found a list", error.Message);

        error = Assert.Single(Render(ModelService(), ConfigMap(("decodeDeployment", "spec:\n  replicas: many\n"))).Errors);
        Assert.StartsWith("preset ConfigMap team/preset, key decodeDeployment, line 2, column 13: spec.replicas: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_epp_role_binding_needs_the_cluster_role_setting()
    {
        var error = Assert.Single(Render(ModelService(), ConfigMap(("eppDeployment", Parts.EppDeployment)), RenderSettings.Default).Errors);
        Assert.Equal(RenderReasons.MissingSetting, error.Reason);
    }

    [Fact]
    public void A_container_without_an_image_is_reported_before_anything_is_written()
    {
        var error = Assert.Single(Render(ModelServiceWith("prefill: {containers: [{name: vllm}]}"), ConfigMap(("decodeDeployment", Parts.DecodeDeployment))).Errors);
        Assert.Equal(RenderReasons.InvalidChild, error.Reason);
        Assert.Contains("container \"vllm\" has no image", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_modelservice_with_missing_parts_is_an_error_value_not_an_exception()
    {
        var empty = new ModelService { Spec = null! };
        Assert.Contains(Render(empty, preset: null).Errors, e => e.Location == "spec");
        var noRouting = new ModelService { Metadata = new V1ObjectMeta { Name = "x" }, Spec = new ModelServiceSpec { Routing = null!, ModelArtifacts = null! } };
        var result = Render(noRouting, preset: null);
        Assert.Contains(result.Errors, e => e.Location == "spec.routing");
        Assert.Contains(result.Errors, e => e.Location == "spec.modelArtifacts");
        Assert.DoesNotContain(result.Errors, e => e.Reason == RenderReasons.InternalError);
    }

    [Fact]
    public void Conditions_carry_the_first_error_with_its_reason()
    {
        var conditions = RenderConditions.For(Render(ModelService(), ConfigMap(("decodeDeployment", "{{ .Nope }}"))), observedGeneration: 4);
        var rendered = Assert.Single(conditions, c => c.Type == ModelServiceConditions.Rendered);
        Assert.Equal(("False", RenderReasons.TemplateError, 4L), (rendered.Status, rendered.Reason, rendered.ObservedGeneration));
        Assert.StartsWith("preset ConfigMap team/preset: template decodeDeployment:1:4", rendered.Message, StringComparison.Ordinal);
        Assert.Equal("True", Assert.Single(conditions, c => c.Type == ModelServiceConditions.PresetsResolved).Status);
        Assert.Equal("True", Assert.Single(conditions, c => c.Type == ModelServiceConditions.DeprecatedPreset).Status);

        var missing = RenderConditions.For(Render(ModelService(), preset: null), 1);
        Assert.Equal(("False", RenderReasons.PresetNotFound), (missing[0].Status, missing[0].Reason));
        Assert.Equal(("False", RenderConditions.ReasonNotRendered), (missing[1].Status, missing[1].Reason));

        var ok = RenderConditions.For(Ok(ModelService(), ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("x", "y"))), 1);
        Assert.Equal(("True", RenderConditions.ReasonRenderedWithWarnings), (ok[1].Status, ok[1].Reason));
        Assert.Contains("key x names no preset part", ok[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_references_and_applied_configs_describe_the_children()
    {
        var result = Ok(ModelService(), ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("configMaps", "- metadata: {name: cfg-a}\n- metadata: {name: cfg-b}\n  data: {k: v}\n")));
        Assert.Equal("ms-decode", result.References.DecodeDeploymentRef);
        Assert.Equal(["cfg-a", "cfg-b"], result.References.ConfigMapNames);
        Assert.Equal(new Dictionary<string, string> { ["decodeDeploymentRef"] = "ms-decode", ["decodeServiceAccountRef"] = "ms-sa" }, result.References.ByFieldName());
        var status = new ModelServiceStatus { EppDeploymentRef = "stale" };
        result.References.ApplyTo(status);
        Assert.Null(status.EppDeploymentRef);
        var applied = Assert.Single(result.AppliedConfigs);
        Assert.Equal(("ConfigMap", "team", "preset", "42", (long?)null), (applied.Kind, applied.Namespace, applied.Name, applied.ResourceVersion, applied.Generation));
    }

    [Fact]
    public void Children_come_in_apply_order_with_owner_references()
    {
        var result = Ok(ModelServiceWith("prefill: {}"),
            ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("prefillDeployment", Parts.PrefillDeployment), ("decodeService", Parts.Service),
                ("eppDeployment", Parts.EppDeployment), ("eppService", Parts.Service), ("inferencePool", Parts.InferencePool),
                ("inferenceModel", Parts.InferenceModel), ("httpRoute", Parts.HttpRoute), ("configMaps", "- metadata: {name: cfg}\n")));
        Assert.Equal(
            [
                ChildRole.WorkloadServiceAccount, ChildRole.EppServiceAccount, ChildRole.PresetConfigMap, ChildRole.EppRoleBinding,
                ChildRole.DecodeService, ChildRole.EppService, ChildRole.DecodeDeployment, ChildRole.PrefillDeployment, ChildRole.EppDeployment,
                ChildRole.InferencePool, ChildRole.InferenceObjective, ChildRole.HttpRoute,
            ],
            result.Children.Select(c => c.Role).ToArray());
        Assert.All(result.Children, c =>
        {
            Assert.True(c.HasOwnerReference, c.ToString());
            var owner = Assert.Single(c.ToJson()["metadata"]!["ownerReferences"]!.AsArray());
            Assert.Equal(
                """{"apiVersion":"llm-d.ai/v1alpha1","blockOwnerDeletion":true,"controller":true,"kind":"ModelService","name":"ms","uid":"6f1c2e2a-0000-4000-8000-000000000001"}""",
                owner!.ToJsonString());
            Assert.Equal("ms", c.Labels[ChildLabels.ModelService]);
            Assert.Equal(ChildLabels.ManagedByValue, c.Labels[ChildLabels.ManagedBy]);
        });
    }

    [Fact]
    public void Every_child_kind_the_render_produces_is_listed_for_watches_and_pruning()
    {
        var kinds = ChildKinds.All.ToHashSet();
        foreach (var api in new[] { InferencePoolApi.V1, InferencePoolApi.V1Alpha2 })
        {
            var result = Ok(ModelServiceWith("prefill: {}"),
                ConfigMap(("decodeDeployment", Parts.DecodeDeployment), ("prefillDeployment", Parts.PrefillDeployment), ("decodeService", Parts.Service),
                    ("eppDeployment", Parts.EppDeployment), ("eppService", Parts.Service), ("inferencePool", Parts.InferencePool),
                    ("inferenceModel", Parts.InferenceModel), ("httpRoute", Parts.HttpRoute), ("configMaps", "- metadata: {name: cfg}\n")),
                Settings with { PoolApi = api });
            Assert.All(result.Children, c => Assert.Contains((c.ApiVersion, c.Kind), kinds));
        }
    }
}
