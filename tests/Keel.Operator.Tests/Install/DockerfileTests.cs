using System.Globalization;
using System.Xml.Linq;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.Install;

/// <summary>
/// The Dockerfile cannot be built here (no container runtime); these tests hold it to deploy/30-deployment.yaml so the
/// image and the Deployment that runs it cannot drift apart: the same command, a non-root user the pod's security
/// context accepts, the ports the probes and the metrics Service use.
/// </summary>
public sealed class DockerfileTests
{
    private readonly DockerfileInstructions _dockerfile = DockerfileInstructions.Read();
    private readonly DeployManifests _deploy = DeployManifests.Read();

    [Fact]
    public void Builds_with_the_sdk_and_runs_on_a_chiselled_runtime_image()
    {
        Assert.True(_dockerfile.Stages.Count >= 2, "a multi-stage build: the SDK only in the build stage");
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", DockerfileInstructions.BaseImage(_dockerfile.Stages[0]), StringComparison.Ordinal);

        // The operator's probe and metrics server is Kestrel (Keel.Runtime references ASP.NET Core), so the ASP.NET
        // Core runtime; chiselled: no shell, no package manager.
        var runtime = DockerfileInstructions.BaseImage(_dockerfile.Final);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0", runtime, StringComparison.Ordinal);
        Assert.Contains("chiseled", runtime, StringComparison.Ordinal);
        Assert.Contains("Microsoft.AspNetCore.App", Repository.Read("src", "Operator", "Keel.Runtime", "Keel.Runtime.csproj"), StringComparison.Ordinal);

        // The build publishes the CLI project, framework-dependent (the base image brings the runtime).
        var publish = Assert.Single(_dockerfile.Stages[0], i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("src/Operator/Keel.Cli/Keel.Cli.csproj", publish.Arguments, StringComparison.Ordinal);
        Assert.Contains("--self-contained false", publish.Arguments, StringComparison.Ordinal);
        Assert.Contains("-c Release", publish.Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void Copies_only_files_that_exist_and_that_the_dockerignore_keeps()
    {
        var ignored = File.ReadAllLines(Repository.Path(".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        foreach (var copy in _dockerfile.Stages[0].Where(i => i.Keyword == "COPY"))
        {
            var sources = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1];
            Assert.All(sources, source =>
            {
                Assert.True(File.Exists(Repository.Path(source)) || Directory.Exists(Repository.Path(source)), $"COPY {source}: no such file in the repository");
                Assert.DoesNotContain(source, ignored);
                Assert.DoesNotContain(source.TrimEnd('/') + "/", ignored);
            });
        }

        // Local build output must not reach the build context: it would overwrite what the SDK restores and builds.
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains(".git/", ignored);
    }

    [Fact]
    public void Runs_modelservice_run_with_the_arguments_of_the_deployment()
    {
        // The Deployment sets no command, so the image's ENTRYPOINT runs; its args replace the image's CMD.
        Assert.Null(_deploy.Container["command"]);
        var assemblyName = XDocument.Load(Repository.Path("src", "Operator", "Keel.Cli", "Keel.Cli.csproj")).Descendants("AssemblyName").Single().Value;
        var workdir = _dockerfile.Single("WORKDIR").Arguments;
        Assert.Equal([$"{workdir}/{assemblyName}"], _dockerfile.Single("ENTRYPOINT").ExecForm());
        Assert.Contains(_dockerfile.Final, i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=build /app", StringComparison.Ordinal));
        Assert.Contains(_dockerfile.Stages[0], i => i.Keyword == "RUN" && i.Arguments.EndsWith("-o /app", StringComparison.Ordinal));

        // `docker run <image>` starts the operator as the Deployment does.
        Assert.Equal(_deploy.Args, _dockerfile.Single("CMD").ExecForm());
    }

    [Fact]
    public void The_user_is_the_non_root_uid_and_gid_the_pod_security_context_runs_as()
    {
        var user = _dockerfile.Single("USER").Arguments.Split(':');
        var uid = int.Parse(user[0], CultureInfo.InvariantCulture); // numeric, or the kubelet cannot verify runAsNonRoot
        var gid = int.Parse(user[1], CultureInfo.InvariantCulture);
        Assert.NotEqual(0, uid);
        Assert.NotEqual(0, gid);

        var pod = _deploy.Deployment["spec"]!["template"]!["spec"]!["securityContext"]!;
        Assert.True((bool)pod["runAsNonRoot"]!);
        Assert.Equal(uid, (int)pod["runAsUser"]!);
        Assert.Equal(gid, (int)pod["runAsGroup"]!);
        Assert.True((bool)_deploy.Container["securityContext"]!["runAsNonRoot"]!);
        Assert.Null(_deploy.Container["securityContext"]!["runAsUser"]); // the pod's user, not a second one
    }

    [Fact]
    public void Exposes_exactly_the_ports_of_the_probes_and_the_metrics_service()
    {
        var exposed = _dockerfile.Single("EXPOSE").Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.Parse(p.Split('/')[0], CultureInfo.InvariantCulture)).Order().ToList();
        var containerPorts = _deploy.Container["ports"]!.AsArray().Select(p => (int)p!["containerPort"]!).Order().ToList();
        Assert.Equal(containerPorts, exposed);

        // And those are the ports the operator binds with the Deployment's flags.
        var bound = new[] { "--metrics-bind-address", "--health-probe-bind-address" }
            .Select(f => _deploy.Flag(f)!).Select(a => int.Parse(a[(a.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(bound, exposed);
    }
}
