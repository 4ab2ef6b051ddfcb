using System.CommandLine;
using System.Text.Json.Nodes;
using Keel.Cli.Commands;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.Install;

/// <summary>
/// Each value of charts/modelservice-operator reaches the object it configures (build/check-chart.sh only proves the
/// defaults equal deploy/ and that other values render at all): the image, the replicas, every operator flag (and the
/// rendered arguments parse as <c>modelservice run</c>), the preset namespaces, the resources, and the RBAC placement.
/// </summary>
public sealed class HelmChartValuesTests
{
    [Fact]
    public async Task Image_values_set_the_container_image_and_pull_policy()
    {
        var chart = await HelmChart.RenderAsync("""
            image:
              repository: registry.example.com/team/modelservice-operator
              tag: 1.2.3-rc.1
              pullPolicy: Always
            imagePullSecrets: [{ name: registry-cred }]
            """);

        Assert.Equal("registry.example.com/team/modelservice-operator:1.2.3-rc.1", (string?)chart.Container["image"]);
        Assert.Equal("Always", (string?)chart.Container["imagePullPolicy"]);
        Assert.Equal("registry-cred", (string?)PodSpec(chart)["imagePullSecrets"]![0]!["name"]);
    }

    [Fact]
    public async Task Without_a_tag_the_image_is_the_charts_app_version()
    {
        var chart = await HelmChart.RenderAsync("image: { repository: registry.example.com/op }");
        var appVersion = Repository.Read("charts", "modelservice-operator", "Chart.yaml").Split('\n')
            .Single(l => l.StartsWith("appVersion:", StringComparison.Ordinal))["appVersion:".Length..].Trim().Trim('"');

        Assert.Equal($"registry.example.com/op:{appVersion}", (string?)chart.Container["image"]);
    }

    [Fact]
    public async Task Replicas_set_the_deployment_replicas()
    {
        var chart = await HelmChart.RenderAsync("replicas: 3");

        Assert.Equal(3, (int)chart.Deployment["spec"]!["replicas"]!);
    }

    [Fact]
    public async Task Every_operator_flag_value_becomes_its_argument_and_the_arguments_parse_as_the_run_command()
    {
        var chart = await HelmChart.RenderAsync("""
            leaderElection: { enabled: false }
            poolApi: v1alpha2
            eppClusterRole: { name: platform-epp, create: false }
            pdPullSecrets: [registry-a, registry-b]
            eppPullSecrets: [registry-c]
            presetNamespaces: [platform-presets, shared-presets]
            maxConcurrentReconciles: 9
            logLevel: debug
            logFormat: console
            metrics: { port: 9090 }
            healthProbe: { port: 9091 }
            extraArgs: [--graceful-shutdown-seconds=20]
            """);

        Assert.Equal("false", chart.Flag("--leader-elect"));
        Assert.Equal("v1alpha2", chart.Flag("--pool-api"));
        Assert.Equal("platform-epp", chart.Flag("--epp-cluster-role"));
        Assert.Equal("registry-a,registry-b", chart.Flag("--pd-pull-secrets"));
        Assert.Equal("registry-c", chart.Flag("--epp-pull-secrets"));
        Assert.Equal("platform-presets,shared-presets", chart.Flag("--preset-namespaces"));
        Assert.Equal("9", chart.Flag("--max-concurrent-reconciles"));
        Assert.Equal("debug", chart.Flag("--log-level"));
        Assert.Equal("console", chart.Flag("--log-format"));
        Assert.Equal(":9090", chart.Flag("--metrics-bind-address"));
        Assert.Equal(":9091", chart.Flag("--health-probe-bind-address"));
        Assert.Equal("20", chart.Flag("--graceful-shutdown-seconds"));

        var parsed = new RootCommand { RunCommand.Create() }.Parse([.. chart.Args]);
        Assert.Empty(parsed.Errors);

        // The ports the flags move are the ones the probes and the metrics Service reach.
        var ports = chart.Container["ports"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => (int)p!["containerPort"]!);
        Assert.Equal(9090, ports["metrics"]);
        Assert.Equal(9091, ports["health"]);
    }

    [Fact]
    public async Task Default_flags_parse_as_the_run_command()
    {
        var chart = await HelmChart.RenderAsync("{}");

        Assert.Empty(new RootCommand { RunCommand.Create() }.Parse([.. chart.Args]).Errors);
        Assert.Null(chart.Flag("--preset-namespaces"));
        Assert.Null(chart.Flag("--namespace"));
    }

    [Fact]
    public async Task Resources_set_the_container_resources()
    {
        var chart = await HelmChart.RenderAsync("""
            resources:
              requests: { cpu: 250m, memory: 256Mi }
              limits: { cpu: "2", memory: 1Gi }
            """);

        var resources = chart.Container["resources"]!;
        Assert.Equal("250m", (string?)resources["requests"]!["cpu"]);
        Assert.Equal("256Mi", (string?)resources["requests"]!["memory"]);
        Assert.Equal("2", (string?)resources["limits"]!["cpu"]);
        Assert.Equal("1Gi", (string?)resources["limits"]!["memory"]);
    }

    [Fact]
    public async Task A_watched_namespace_turns_the_operator_role_into_a_role_there()
    {
        var chart = await HelmChart.RenderAsync("watchNamespace: team-a");

        Assert.Equal("team-a", chart.Flag("--namespace"));
        Assert.DoesNotContain(chart.Objects, o => DeployManifests.Kind(o) == "ClusterRole" && DeployManifests.Name(o) == HelmChart.Release);
        Assert.Equal("team-a", DeployManifests.NamespaceOf(chart.Single("Role", HelmChart.Release)));
        var binding = chart.Single("RoleBinding", HelmChart.Release);
        Assert.Equal("team-a", DeployManifests.NamespaceOf(binding));
        Assert.Equal("Role", (string?)binding["roleRef"]!["kind"]);
        Assert.Equal(HelmChart.Namespace, (string?)binding["subjects"]![0]!["namespace"]);
    }

    [Fact]
    public async Task A_preset_namespace_other_than_the_watched_one_is_refused_because_it_would_never_be_read()
    {
        var refused = await HelmChart.TemplateAsync("""
            watchNamespace: team-a
            presetNamespaces: [team-a, platform-presets]
            """);
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("presetNamespaces: platform-presets is not the watched namespace team-a", refused.Stderr, StringComparison.Ordinal);

        var watched = await HelmChart.RenderAsync("""
            watchNamespace: team-a
            presetNamespaces: [team-a]
            """);
        Assert.Equal("team-a", watched.Flag("--preset-namespaces"));
    }

    [Fact]
    public async Task The_epp_role_name_is_the_one_shipped_bound_and_passed_and_create_false_ships_none()
    {
        var created = await HelmChart.RenderAsync("eppClusterRole: { name: platform-epp }");
        Assert.NotNull(created.Single("ClusterRole", "platform-epp"));
        Assert.Equal(["platform-epp"], BindableRoles(created));

        var external = await HelmChart.RenderAsync("eppClusterRole: { name: platform-epp, create: false }");
        Assert.DoesNotContain(external.Objects, o => DeployManifests.Name(o) == "platform-epp");
        Assert.Equal(["platform-epp"], BindableRoles(external));
    }

    [Fact]
    public async Task Leader_election_off_ships_no_lease_role_and_the_metrics_service_can_be_turned_off()
    {
        var chart = await HelmChart.RenderAsync("""
            leaderElection: { enabled: false }
            metrics: { service: { enabled: false } }
            """);

        Assert.DoesNotContain(chart.Objects, o => DeployManifests.Kind(o) == "Role");
        Assert.DoesNotContain(chart.Objects, o => DeployManifests.Kind(o) == "Service");
    }

    private static JsonNode PodSpec(DeployManifests chart) => chart.Deployment["spec"]!["template"]!["spec"]!;

    /// <summary>The ClusterRole names the operator's role lets it <c>bind</c>.</summary>
    private static List<string> BindableRoles(DeployManifests chart) =>
    [
        .. chart.Single("ClusterRole", HelmChart.Release)["rules"]!.AsArray()
            .Where(r => r!["verbs"]!.AsArray().Any(v => (string?)v == "bind"))
            .SelectMany(r => r!["resourceNames"]!.AsArray().Select(n => (string)n!)),
    ];
}
