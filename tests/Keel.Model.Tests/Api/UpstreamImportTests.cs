using System.Reflection;
using System.Text.Json.Nodes;
using Keel.Annotations;
using Keel.Model.Topology;
using Gateway = Keel.Model.Upstream.Gateway.V1;
using Inference = Keel.Model.Upstream.Inference.V1;

namespace Keel.Model.Tests.Api;

/// <summary>The import carried each schema keyword over as the attribute (or rule) the generator rebuilds it from.</summary>
public sealed class UpstreamImportTests
{
    private static T Attribute<T>(Type type, string property) where T : Attribute =>
        type.GetProperty(property)!.GetCustomAttribute<T>() ?? throw new InvalidOperationException($"{type.Name}.{property} has no {typeof(T).Name}");

    [Fact]
    public void Kinds_carry_their_resource_identity()
    {
        var resource = typeof(Inference.InferencePool).GetCustomAttribute<CustomResourceAttribute>()!;
        Assert.Equal(("inference.networking.k8s.io", "v1", "InferencePool", "inferencepools"), (resource.Group, resource.Version, resource.Kind, resource.Plural));
        Assert.Equal(["infpool"], resource.ShortNames!);
        Assert.NotNull(typeof(Inference.InferencePool).GetCustomAttribute<StatusSubresourceAttribute>());
        var columns = typeof(Gateway.HTTPRoute).GetCustomAttributes<PrinterColumnAttribute>().Select(c => c.Name);
        Assert.Equal(["Hostnames", "Age"], columns);
    }

    [Fact]
    public void List_topology_and_keys_are_attributes()
    {
        Assert.Equal(ListTopology.Map, Attribute<ListTypeAttribute>(typeof(Gateway.HTTPRouteMatch), nameof(Gateway.HTTPRouteMatch.Headers)).Topology);
        Assert.Equal("name", Attribute<ListMapKeyAttribute>(typeof(Gateway.HTTPRouteMatch), nameof(Gateway.HTTPRouteMatch.Headers)).JsonName);
        Assert.Equal(ListTopology.Set, Attribute<ListTypeAttribute>(typeof(Gateway.HTTPHeaderFilter), nameof(Gateway.HTTPHeaderFilter.Remove)).Topology);
        Assert.Equal(ListTopology.Atomic, Attribute<ListTypeAttribute>(typeof(Inference.InferencePoolSpec), nameof(Inference.InferencePoolSpec.TargetPorts)).Topology);
        Assert.Equal(MapTopology.Atomic, typeof(Inference.LabelSelector).GetCustomAttribute<StructTypeAttribute>()!.Topology);
    }

    [Fact]
    public void Validations_defaults_and_enums_are_attributes()
    {
        Assert.Equal(8, Attribute<MaxItemsAttribute>(typeof(Inference.InferencePoolSpec), nameof(Inference.InferencePoolSpec.TargetPorts)).Value);
        Assert.Equal(65535, Attribute<MaximumAttribute>(typeof(Inference.Port), nameof(Inference.Port.Number)).Value);
        Assert.Equal("\"FailClose\"", Attribute<DefaultAttribute>(typeof(Inference.EndpointPickerRef), nameof(Inference.EndpointPickerRef.FailureMode)).Json);
        Assert.Equal(["FailOpen", "FailClose"], Attribute<EnumValuesAttribute>(typeof(Inference.EndpointPickerRef), nameof(Inference.EndpointPickerRef.FailureMode)).Values);
        Assert.Equal("self in [301, 302]", Attribute<CelRuleAttribute>(typeof(Gateway.HTTPRequestRedirectFilter), nameof(Gateway.HTTPRequestRedirectFilter.StatusCode)).Rule);
        Assert.Equal("port number must be unique", Attribute<CelRuleAttribute>(typeof(Inference.InferencePoolSpec), nameof(Inference.InferencePoolSpec.TargetPorts)).Message);
    }

    [Fact]
    public void Item_constraints_become_rules_over_the_list()
    {
        var rules = typeof(Gateway.HTTPRouteSpec).GetProperty(nameof(Gateway.HTTPRouteSpec.Hostnames))!.GetCustomAttributes<CelRuleAttribute>().Select(r => r.Rule).ToList();
        Assert.Contains("self.all(x, size(x) <= 253)", rules);
        Assert.Contains(rules, r => r.StartsWith("self.all(x, x.matches(", StringComparison.Ordinal));
    }

    [Fact]
    public void Required_keys_stay_required_and_other_required_fields_become_class_rules()
    {
        Assert.NotNull(typeof(Gateway.HTTPHeaderMatch).GetProperty(nameof(Gateway.HTTPHeaderMatch.Name))!.GetCustomAttribute<RequiredAttribute>());
        Assert.Null(typeof(Inference.InferencePoolSpec).GetProperty(nameof(Inference.InferencePoolSpec.Selector))!.GetCustomAttribute<RequiredAttribute>());
        var rule = typeof(Inference.InferencePoolSpec).GetCustomAttributes<CelRuleAttribute>().Single(r => r.Rule == "has(self.selector)");
        Assert.Equal(("selector is required", "FieldValueRequired", ".selector"), (rule.Message, rule.Reason, rule.FieldPath));
    }

    [Fact]
    public void Every_generated_class_keeps_unknown_fields()
    {
        var generated = typeof(Inference.InferencePool).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Keel.Model.Upstream", StringComparison.Ordinal) == true && t.IsClass && !t.Name.EndsWith("JsonContext", StringComparison.Ordinal) && !t.IsNested)
            .ToList();
        Assert.True(generated.Count > 40);
        Assert.All(generated, t =>
        {
            Assert.NotNull(t.GetCustomAttribute<PreserveUnknownFieldsAttribute>());
            Assert.NotNull(t.GetProperty("ExtensionData")!.GetCustomAttribute<System.Text.Json.Serialization.JsonExtensionDataAttribute>());
        });
    }

    [Fact]
    public void The_generator_merges_extension_data_by_key()
    {
        var @base = new Inference.Port { Number = 8000, ExtensionData = new Dictionary<string, System.Text.Json.JsonElement> { ["a"] = Json("1"), ["b"] = Json("1") } };
        var overlay = new Inference.Port { ExtensionData = new Dictionary<string, System.Text.Json.JsonElement> { ["b"] = Json("2"), ["c"] = Json("3") } };
        var merged = Keel.Model.Merging.ObjectMerger.Merge(@base, overlay)!;
        Assert.Equal(8000, merged.Number);
        Assert.Equal(["1", "2", "3"], new[] { "a", "b", "c" }.Select(k => merged.ExtensionData![k].GetRawText()));
    }

    [Fact]
    public void Upstream_kinds_are_in_the_schema_catalog()
    {
        var kinds = SchemaCatalog.All.Select(s => (s.ApiVersion, s.Kind)).ToHashSet();
        Assert.Contains(("inference.networking.k8s.io/v1", "InferencePool"), kinds);
        Assert.Contains(("inference.networking.x-k8s.io/v1alpha2", "InferencePool"), kinds);
        Assert.Contains(("llm-d.ai/v1alpha2", "InferenceObjective"), kinds);
        Assert.Contains(("gateway.networking.k8s.io/v1", "HTTPRoute"), kinds);
        Assert.Contains(("leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet"), kinds);
        Assert.Contains(("llm-d.ai/v1alpha1", "ModelService"), kinds);
        Assert.Contains(("llm-d.ai/v1alpha1", "BaseConfig"), kinds);
    }

    private static System.Text.Json.JsonElement Json(string text) => System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
}
