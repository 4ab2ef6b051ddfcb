using System.Text.Json.Nodes;
using Keel.Model.Serialization;
using Keel.Model.Topology;

namespace Keel.Model.Tests.Api;

/// <summary>The generated CRDs declare what the spec (section 1) requires, and the checked-in YAML is current.</summary>
public sealed class CrdSchemaTests
{
    private static JsonObject Crd(string name) =>
        JsonNode.Parse((CrdCatalog.Find(name) ?? throw new InvalidOperationException(name + " not generated")).Json)!.AsObject();

    private static JsonObject Version(string name) => Crd(name)["spec"]!["versions"]![0]!.AsObject();

    private static JsonObject Schema(string name) => Version(name)["schema"]!["openAPIV3Schema"]!.AsObject();

    private static JsonNode At(JsonNode schema, string path)
    {
        var node = schema;
        foreach (var segment in path.Split('.'))
        {
            node = segment == "[]" ? node["items"]! : node["properties"]![segment]!;
        }

        return node;
    }

    private static JsonObject ModelService(string path) => At(Schema("modelservices.llm-d.ai"), path).AsObject();

    private static List<string?> RuleMessages(JsonNode schema) =>
        schema["x-kubernetes-validations"]?.AsArray().Select(r => r!["message"]?.GetValue<string>()).ToList() ?? [];

    [Theory]
    [InlineData("modelservices.llm-d.ai")]
    [InlineData("baseconfigs.llm-d.ai")]
    public void The_checked_in_CRD_is_what_the_generator_emits(string name)
    {
        // build/import-crds.sh writes src/Crds; this catches a type change without a regeneration.
        var document = CrdCatalog.Find(name)!;
        var checkedIn = File.ReadAllText(Repository.PathOf("src", "Crds", document.FileName));
        Assert.True(checkedIn == document.ToYaml(), $"src/Crds/{document.FileName} is out of date: run build/import-crds.sh");
    }

    [Fact]
    public void ModelService_identity_matches_the_original()
    {
        var spec = Crd("modelservices.llm-d.ai")["spec"]!;
        Assert.Equal("llm-d.ai", spec["group"]!.GetValue<string>());
        Assert.Equal("Namespaced", spec["scope"]!.GetValue<string>());
        JsonAssertNames(spec["names"]!, kind: "ModelService", listKind: "ModelServiceList", plural: "modelservices", singular: "modelservice");
        Assert.Equal(["msvc"], spec["names"]!["shortNames"]!.AsArray().Select(n => n!.GetValue<string>()));
        var version = Version("modelservices.llm-d.ai");
        Assert.Equal("v1alpha1", version["name"]!.GetValue<string>());
        Assert.NotNull(version["subresources"]!["status"]);
    }

    [Fact]
    public void Printer_columns_keep_the_original_order_with_Ready_before_Age()
    {
        var columns = Version("modelservices.llm-d.ai")["additionalPrinterColumns"]!.AsArray()
            .Select(c => (c!["name"]!.GetValue<string>(), c["type"]!.GetValue<string>(), c["jsonPath"]!.GetValue<string>()));
        Assert.Equal(
        [
            ("Decouple Scaling", "boolean", ".spec.decoupleScaling"),
            ("Prefill READY", "string", ".status.prefillReady"),
            ("Prefill AVAIL", "integer", ".status.prefillAvailable"),
            ("Decode READY", "string", ".status.decodeReady"),
            ("Decode AVAIL", "integer", ".status.decodeAvailable"),
            ("Ready", "string", ".status.conditions[?(@.type==\"Ready\")].status"),
            ("Age", "date", ".metadata.creationTimestamp"),
        ], columns);
    }

    [Theory]
    [InlineData("spec.decode.replicas", "1")]
    [InlineData("spec.prefill.replicas", "1")]
    [InlineData("spec.endpointPicker.replicas", "1")]
    [InlineData("spec.decode.parallelism.tensor", "1")]
    [InlineData("spec.prefill.parallelism.tensor", "1")]
    [InlineData("spec.routing.gatewayRefs.[].group", "\"gateway.networking.k8s.io\"")]
    [InlineData("spec.routing.gatewayRefs.[].kind", "\"Gateway\"")]
    public void Defaults_match_the_original(string path, string json)
    {
        Assert.Equal(json, ModelService(path)["default"]!.ToJsonString());
    }

    [Fact]
    public void Replicas_are_nullable_int32_with_minimum_zero()
    {
        var replicas = ModelService("spec.decode.replicas");
        Assert.Equal("integer", replicas["type"]!.GetValue<string>());
        Assert.Equal("int32", replicas["format"]!.GetValue<string>());
        Assert.Equal(0, replicas["minimum"]!.GetValue<double>());
        Assert.True(replicas["nullable"]!.GetValue<bool>());
    }

    [Fact]
    public void ModelName_is_required_at_most_256_long_and_immutable()
    {
        Assert.Contains("modelName", ModelService("spec.routing")["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        var modelName = ModelService("spec.routing.modelName");
        Assert.Equal(256, modelName["maxLength"]!.GetValue<int>());
        var rule = Assert.Single(modelName["x-kubernetes-validations"]!.AsArray())!;
        Assert.Equal("self == oldSelf", rule["rule"]!.GetValue<string>());
        Assert.Equal("modelName is immutable", rule["message"]!.GetValue<string>());
    }

    [Fact]
    public void Routing_ports_are_a_map_list_by_name_with_minimum_port_1()
    {
        var ports = ModelService("spec.routing.ports");
        Assert.Equal("map", ports["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal(["name"], ports["x-kubernetes-list-map-keys"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["name", "port"], ports["items"]!["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(1, ports["items"]!["properties"]!["port"]!["minimum"]!.GetValue<double>());
    }

    [Fact]
    public void Gateway_refs_follow_the_Gateway_API_ParentReference()
    {
        var refs = ModelService("spec.routing.gatewayRefs");
        Assert.Equal(32, refs["maxItems"]!.GetValue<int>());
        var item = refs["items"]!;
        Assert.Equal(["name"], item["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        var p = item["properties"]!;
        Assert.Equal("^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", p["group"]!["pattern"]!.GetValue<string>());
        Assert.Equal(253, p["group"]!["maxLength"]!.GetValue<int>());
        Assert.Equal("^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$", p["kind"]!["pattern"]!.GetValue<string>());
        Assert.Equal(63, p["kind"]!["maxLength"]!.GetValue<int>());
        Assert.Equal("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", p["namespace"]!["pattern"]!.GetValue<string>());
        Assert.Equal(63, p["namespace"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(253, p["name"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(253, p["sectionName"]!["maxLength"]!.GetValue<int>());
        Assert.Equal(1, p["port"]!["minimum"]!.GetValue<double>());
        Assert.Equal(65535, p["port"]!["maximum"]!.GetValue<double>());
    }

    [Fact]
    public void Accelerator_types_need_a_key_and_at_least_one_value()
    {
        var accelerators = ModelService("spec.decode.acceleratorTypes");
        Assert.Equal(["labelKey", "labelValues"], accelerators["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(1, accelerators["properties"]!["labelKey"]!["minLength"]!.GetValue<int>());
        Assert.Equal(1, accelerators["properties"]!["labelValues"]!["minItems"]!.GetValue<int>());
    }

    [Fact]
    public void Containers_have_the_topology_of_section_1_4()
    {
        var container = ModelService("spec.decode.containers.[]");
        Assert.Equal(
            ["args", "command", "env", "envFrom", "image", "mountModelVolume", "name", "resources"],
            container["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("atomic", container["properties"]!["command"]!["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("atomic", container["properties"]!["args"]!["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("map", container["properties"]!["env"]!["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("map", ModelService("spec.decode.containers")["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("map", ModelService("spec.endpointPicker.initContainers")["x-kubernetes-list-type"]!.GetValue<string>());
    }

    [Fact]
    public void The_model_uri_has_a_rule_per_scheme_and_one_for_unknown_schemes()
    {
        Assert.Equal(
        [
            "uri must start with hf://, pvc:// or oci:// (for example hf://facebook/opt-125m)",
            "an hf:// uri names a repository and a model: hf://<repo>/<model>",
            "a pvc:// uri names a claim and a path in it: pvc://<claim>/<path>",
            "an oci:// uri names an image: oci://<image reference>",
        ], RuleMessages(ModelService("spec.modelArtifacts.uri")));
    }

    [Fact]
    public void At_most_one_preset_reference()
    {
        Assert.Contains(
            "set at most one preset reference: baseConfigMapRef (a ConfigMap) or baseConfigRef (a BaseConfig)",
            RuleMessages(ModelService("spec")));
        Assert.Equal("atomic", ModelService("spec.baseConfigMapRef")["x-kubernetes-map-type"]!.GetValue<string>());
    }

    [Fact]
    public void Status_keeps_every_original_field_and_adds_the_new_ones()
    {
        var status = ModelService("status")["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        string[] original =
        [
            "prefillDeploymentRef", "decodeDeploymentRef", "eppDeploymentRef", "httpRouteRef", "inferenceModelRef",
            "inferencePoolRef", "prefillServiceAccountRef", "decodeServiceAccountRef", "eppRoleBinding", "configMapNames",
            "prefillReady", "prefillAvailable", "decodeReady", "decodeAvailable", "eppReady", "eppAvailable", "conditions",
        ];
        Assert.Empty(original.Except(status));
        Assert.Empty(new[] { "observedGeneration", "appliedConfigs", "inferenceObjectiveRef" }.Except(status));
        Assert.Equal("map", ModelService("status.conditions")["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal(["type"], ModelService("status.conditions")["x-kubernetes-list-map-keys"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void BaseConfig_parts_accept_template_strings_where_the_kind_wants_integers_or_booleans()
    {
        var baseConfig = Schema("baseconfigs.llm-d.ai");
        Assert.Equal("Namespaced", Crd("baseconfigs.llm-d.ai")["spec"]!["scope"]!.GetValue<string>());
        var container = At(baseConfig, "spec.decodeDeployment.spec.template.spec.containers.[]");
        var containerPort = At(container, "ports.[].containerPort");
        Assert.True(containerPort["x-kubernetes-int-or-string"]!.GetValue<bool>());
        var privileged = At(container, "securityContext.allowPrivilegeEscalation");
        Assert.Null(privileged["type"]);
        Assert.True(privileged["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        var servicePort = At(baseConfig, "spec.decodeService.spec.ports.[].port");
        Assert.True(servicePort["x-kubernetes-int-or-string"]!.GetValue<bool>());
        var poolPort = At(baseConfig, "spec.inferencePool.spec.targetPorts.[].number");
        Assert.True(poolPort["x-kubernetes-int-or-string"]!.GetValue<bool>());
    }

    [Fact]
    public void BaseConfig_template_parts_are_known_fields_each_typed_or_raw()
    {
        var templates = At(Schema("baseconfigs.llm-d.ai"), "spec.templates");
        Assert.Equal(
            ["configMaps", "decodeDeployment", "decodeService", "eppDeployment", "eppService", "httpRoute", "inferenceModel", "inferenceObjective", "inferencePool", "prefillDeployment", "prefillService"],
            templates["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(10, RuleMessages(At(Schema("baseconfigs.llm-d.ai"), "spec")).Count);
    }

    [Fact]
    public void Every_typed_BaseConfig_part_has_its_own_typed_or_template_rule()
    {
        // The ten rules are written by hand, one per part: each must name its own part in the rule, the field path
        // and the message (a copy-paste slip would let a part be given twice, or blame the wrong field).
        var spec = At(Schema("baseconfigs.llm-d.ai"), "spec");
        var parts = spec["properties"]!.AsObject().Select(p => p.Key).Where(k => k != "templates").ToList();
        Assert.Equal(10, parts.Count);
        var rules = spec["x-kubernetes-validations"]!.AsArray().Select(r => r!.AsObject()).ToList();
        foreach (var part in parts)
        {
            var rule = Assert.Single(rules, r => r["fieldPath"]?.GetValue<string>() == ".templates." + part);
            Assert.Equal($"!has(self.templates) || !has(self.templates.{part}) || !has(self.{part})", rule["rule"]!.GetValue<string>());
            Assert.Equal(part + " is given both as a typed part and under templates: keep one", rule["message"]!.GetValue<string>());
        }
    }

    private static void JsonAssertNames(JsonNode names, string kind, string listKind, string plural, string singular)
    {
        Assert.Equal(kind, names["kind"]!.GetValue<string>());
        Assert.Equal(listKind, names["listKind"]!.GetValue<string>());
        Assert.Equal(plural, names["plural"]!.GetValue<string>());
        Assert.Equal(singular, names["singular"]!.GetValue<string>());
    }

    [Fact]
    public void The_CRD_yaml_reads_back_as_the_same_JSON()
    {
        // The checked-in YAML and the generator's JSON are one document.
        var document = CrdCatalog.Find("modelservices.llm-d.ai")!;
        Serialization.JsonAssert.Equivalent(JsonNode.Parse(document.Json), KeelYaml.ParseSingle(document.ToYaml()).Root);
    }
}
