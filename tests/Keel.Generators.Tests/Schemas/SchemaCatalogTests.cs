using System.Reflection;
using System.Text.Json.Nodes;
using k8s.Models;
using Keel.Generators.Tests.Generator;
using Keel.Generators.Tests.Infrastructure;
using Keel.Model.Topology;

namespace Keel.Generators.Tests.Schemas;

/// <summary>The schema catalog: every built-in root is there, every schema is structural, and schema and merge agree on topology.</summary>
public sealed class SchemaCatalogTests
{
    public static TheoryData<string, string> Kinds()
    {
        var data = new TheoryData<string, string>();
        foreach (var kind in SchemaCatalog.All)
        {
            data.Add(kind.ApiVersion, kind.Kind);
        }

        return data;
    }

    [Theory]
    [InlineData("apps/v1", "Deployment", "deployments", true)]
    [InlineData("apps/v1", "StatefulSet", "statefulsets", true)]
    [InlineData("v1", "Service", "services", true)]
    [InlineData("v1", "ServiceAccount", "serviceaccounts", true)]
    [InlineData("v1", "ConfigMap", "configmaps", true)]
    [InlineData("v1", "Secret", "secrets", true)]
    [InlineData("v1", "Namespace", "namespaces", false)]
    [InlineData("v1", "Pod", "pods", true)]
    [InlineData("v1", "Event", "events", true)]
    [InlineData("events.k8s.io/v1", "Event", "events", true)]
    [InlineData("rbac.authorization.k8s.io/v1", "Role", "roles", true)]
    [InlineData("rbac.authorization.k8s.io/v1", "RoleBinding", "rolebindings", true)]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole", "clusterroles", false)]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "clusterrolebindings", false)]
    [InlineData("coordination.k8s.io/v1", "Lease", "leases", true)]
    [InlineData("apps/v1", "ReplicaSet", "replicasets", true)]
    [InlineData("batch/v1", "Job", "jobs", true)]
    [InlineData("v1", "PersistentVolumeClaim", "persistentvolumeclaims", true)]
    [InlineData("autoscaling/v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true)]
    [InlineData("policy/v1", "PodDisruptionBudget", "poddisruptionbudgets", true)]
    public void Catalog_has_every_built_in_root(string apiVersion, string kind, string plural, bool namespaced)
    {
        var schema = SchemaCatalog.Find(apiVersion, kind);
        Assert.NotNull(schema);
        Assert.Equal(plural, schema.Plural);
        Assert.Equal(namespaced, schema.Namespaced);
        Assert.Equal(apiVersion, schema.ApiVersion);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_catalog_schema_is_structural(string apiVersion, string kind)
    {
        var schema = JsonNode.Parse(SchemaCatalog.Find(apiVersion, kind)!.OpenApiV3SchemaJson)!;
        var violations = StructuralSchema.Violations(schema, crdRoot: false);
        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Schema_and_merge_agree_on_topology(string apiVersion, string kind)
    {
        var schema = JsonNode.Parse(SchemaCatalog.Find(apiVersion, kind)!.OpenApiV3SchemaJson)!.AsObject();
        var root = RootType(apiVersion, kind);
        var problems = new List<string>();
        TopologyAgreement.Compare(root, schema, kind, problems, new HashSet<Type>());
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
    }

    [Fact]
    public void Deployment_schema_carries_kubernetes_list_extensions()
    {
        var schema = JsonNode.Parse(SchemaCatalog.Find("apps/v1", "Deployment")!.OpenApiV3SchemaJson)!;
        var pod = schema["properties"]!["spec"]!["properties"]!["template"]!["properties"]!["spec"]!["properties"]!;
        Assert.Equal("map", pod["containers"]!["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("name", pod["containers"]!["x-kubernetes-list-map-keys"]![0]!.GetValue<string>());
        var ports = pod["containers"]!["items"]!["properties"]!["ports"]!;
        Assert.Equal(["containerPort", "protocol"], ports["x-kubernetes-list-map-keys"]!.AsArray().Select(k => k!.GetValue<string>()));
        Assert.Equal("TCP", ports["items"]!["properties"]!["protocol"]!["default"]!.GetValue<string>());
        Assert.Equal("atomic", pod["tolerations"]!["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("atomic", pod["nodeSelector"]!["x-kubernetes-map-type"]!.GetValue<string>());
        Assert.Equal("atomic", schema["properties"]!["spec"]!["properties"]!["selector"]!["x-kubernetes-map-type"]!.GetValue<string>());
        Assert.True(pod["containers"]!["items"]!["properties"]!["resources"]!["properties"]!["limits"]!["additionalProperties"]!["x-kubernetes-int-or-string"]!.GetValue<bool>());
        Assert.True(schema["properties"]!["metadata"]!["properties"]!["managedFields"]!["items"]!["properties"]!["fieldsV1"]!["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        Assert.Equal("set", schema["properties"]!["metadata"]!["properties"]!["finalizers"]!["x-kubernetes-list-type"]!.GetValue<string>());
    }

    [Fact]
    public void Service_schema_keys_ports_by_port_and_protocol_for_server_side_apply()
    {
        var schema = JsonNode.Parse(SchemaCatalog.Find("v1", "Service")!.OpenApiV3SchemaJson)!;
        var ports = schema["properties"]!["spec"]!["properties"]!["ports"]!;
        Assert.Equal(["port", "protocol"], ports["x-kubernetes-list-map-keys"]!.AsArray().Select(k => k!.GetValue<string>()));
    }

    [Theory]
    [InlineData(nameof(Scenarios.Widget), "Crd_widgets_demo_keel_dev")]
    [InlineData(nameof(Scenarios.Workload), "Crd_workloads_demo_keel_dev")]
    public void Generated_crds_satisfy_the_structural_rules(string scenario, string constant)
    {
        var source = (string)typeof(Scenarios).GetField(scenario)!.GetValue(null)!;
        var result = GeneratorHarness.Run(source);
        result.AssertCompilesCleanly();
        var crd = JsonNode.Parse(GoldenTests.CrdJson(result, constant))!;
        var versions = crd["spec"]!["versions"]!.AsArray();
        Assert.Single(versions, v => v!["storage"]!.GetValue<bool>());
        foreach (var version in versions)
        {
            var violations = StructuralSchema.Violations(version!["schema"]!["openAPIV3Schema"]!, crdRoot: true);
            Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)));
        }

        // And the local API server's CustomResourceDefinition validation (the apiextensions rules) accepts it.
        var defaulted = crd.AsObject();
        Keel.ApiServer.Schema.CustomResourceDefinitionDefaults.Apply(defaulted);
        var errors = Keel.ApiServer.Schema.CustomResourceDefinitionValidation.Validate(defaulted);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void Workload_crd_embeds_the_pod_spec_with_its_topology()
    {
        var result = GeneratorHarness.Run(Scenarios.Workload);
        var crd = JsonNode.Parse(GoldenTests.CrdJson(result, "Crd_workloads_demo_keel_dev"))!;
        var versions = crd["spec"]!["versions"]!.AsArray();
        Assert.Equal(["v1", "v1beta1"], versions.Select(v => v!["name"]!.GetValue<string>()));
        Assert.True(versions[1]!["deprecated"]!.GetValue<bool>());
        var spec = versions[0]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!;

        var template = spec["template"]!["properties"]!;
        Assert.Equal(["annotations", "finalizers", "labels", "name", "namespace"], template["metadata"]!["properties"]!.AsObject().Select(p => p.Key));
        var containers = template["spec"]!["properties"]!["containers"]!;
        Assert.Equal("map", containers["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Contains("name", containers["items"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));

        // The templatable copy accepts a template string where the typed pod spec wants an int32 or a boolean,
        // and keeps map lists only where the keys stay strings.
        var preset = spec["presetPod"]!["properties"]!;
        var presetContainer = preset["containers"]!["items"]!["properties"]!;
        Assert.True(presetContainer["ports"]!["items"]!["properties"]!["containerPort"]!["x-kubernetes-int-or-string"]!.GetValue<bool>());
        Assert.Equal("atomic", presetContainer["ports"]!["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.Equal("map", preset["containers"]!["x-kubernetes-list-type"]!.GetValue<string>());
        Assert.True(presetContainer["stdin"]!["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        Assert.Null(presetContainer["stdin"]!["type"]);

        Assert.True(spec["extra"]!["x-kubernetes-embedded-resource"]!.GetValue<bool>());
    }

    private static Type RootType(string apiVersion, string kind)
    {
        foreach (var topology in TopologyCatalog.All)
        {
            var entity = topology.ClrType.GetCustomAttribute<KubernetesEntityAttribute>();
            if (entity is not null && entity.Kind == kind && (entity.Group.Length == 0 ? entity.ApiVersion : entity.Group + "/" + entity.ApiVersion) == apiVersion)
            {
                return topology.ClrType;
            }
        }

        throw new InvalidOperationException($"no registered type for {apiVersion} {kind}");
    }
}
