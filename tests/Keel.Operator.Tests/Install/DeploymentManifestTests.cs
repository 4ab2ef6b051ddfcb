using System.CommandLine;
using System.Text.Json.Nodes;
using Keel.Cli.Commands;

namespace Keel.Operator.Tests.Install;

/// <summary>The operator's Deployment in deploy/: what a cluster administrator (and the restricted Pod Security Standard) expects of it.</summary>
public sealed class DeploymentManifestTests
{
    private readonly DeployManifests _deploy = DeployManifests.Read();

    [Fact]
    public void Two_replicas_with_leader_election_and_arguments_the_run_command_accepts()
    {
        Assert.Equal(2, (int)_deploy.Deployment["spec"]!["replicas"]!);
        Assert.Equal("run", _deploy.Args[0]);
        Assert.Equal("true", _deploy.Flag("--leader-elect"));
        var parse = new RootCommand { RunCommand.Create() }.Parse([.. _deploy.Args]);
        Assert.Empty(parse.Errors);

        // The Lease the generated leader-election Role names is the one the operator is told to use.
        var leaseRole = _deploy.Single("Role");
        Assert.Contains(leaseRole["rules"]!.AsArray(), r => r!["resourceNames"]?.AsArray().Any(n => (string?)n == _deploy.Flag("--leader-election-id")) == true);
        Assert.Equal(_deploy.Namespace, (string?)leaseRole["metadata"]!["namespace"]);
    }

    [Fact]
    public void The_pod_meets_the_restricted_pod_security_standard()
    {
        var pod = _deploy.Deployment["spec"]!["template"]!["spec"]!;
        var container = _deploy.Container;
        Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!);
        Assert.NotEqual(0, (int)pod["securityContext"]!["runAsUser"]!);
        Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
        var security = container["securityContext"]!;
        Assert.False((bool)security["allowPrivilegeEscalation"]!);
        Assert.True((bool)security["readOnlyRootFilesystem"]!);
        Assert.Equal(["ALL"], security["capabilities"]!["drop"]!.AsArray().Select(c => (string)c!));
        Assert.Null(security["capabilities"]!["add"]);
        Assert.Null(pod["hostNetwork"]);
        Assert.All(pod["volumes"]!.AsArray(), v => Assert.NotNull(v!["emptyDir"])); // no hostPath

        // Requests and limits for both resources.
        foreach (var bound in new[] { "requests", "limits" })
        {
            Assert.NotNull(container["resources"]![bound]!["cpu"]);
            Assert.NotNull(container["resources"]![bound]!["memory"]);
        }
    }

    [Fact]
    public void Probes_and_the_metrics_service_point_at_the_ports_the_operator_binds()
    {
        var ports = _deploy.Container["ports"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => (int)p!["containerPort"]!);
        Assert.Equal(Port(_deploy.Flag("--health-probe-bind-address")), ports["health"]);
        Assert.Equal(Port(_deploy.Flag("--metrics-bind-address")), ports["metrics"]);
        Assert.Equal("/healthz", (string?)_deploy.Container["livenessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("/readyz", (string?)_deploy.Container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.Equal("health", (string?)_deploy.Container["livenessProbe"]!["httpGet"]!["port"]);
        Assert.Equal("health", (string?)_deploy.Container["readinessProbe"]!["httpGet"]!["port"]);

        var service = _deploy.Single("Service");
        Assert.Equal("metrics", (string?)service["spec"]!["ports"]![0]!["targetPort"]);
        var podLabels = _deploy.Deployment["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        Assert.All(service["spec"]!["selector"]!.AsObject(), s => Assert.Equal((string?)s.Value, (string?)podLabels[s.Key]));
    }

    private static int Port(string? address)
    {
        Assert.NotNull(address);
        return int.Parse(address[(address.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
