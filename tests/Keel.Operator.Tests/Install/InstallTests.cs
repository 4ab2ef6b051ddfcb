using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Serialization;
using Keel.Operator.Tests.Support;
using HttpRoute = Keel.Model.Upstream.Gateway.V1.HTTPRoute;
using InferenceObjective = Keel.Model.Upstream.Llmd.V1Alpha2.InferenceObjective;
using InferencePool = Keel.Model.Upstream.Inference.V1.InferencePool;

namespace Keel.Operator.Tests.Install;

/// <summary>
/// Installing the operator from deploy/ with the real kubectl onto an API server that enforces RBAC, then running the
/// real operator with the Deployment's arguments as the deploy/ ServiceAccount — so it holds exactly the generated
/// roles — against a prefill/decode sample that uses every child kind.
/// </summary>
public sealed class InstallTests : IAsyncLifetime
{
    private const string Workloads = "team-a";
    private const string OtherWorkloads = "team-b";
    private const string Sample = "llama-pd";

    private readonly DeployManifests _deploy = DeployManifests.Read();
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("keel-install-");
    private InstallCluster _cluster = null!;

    private string OperatorUser => InstallCluster.ServiceAccountUser(_deploy.Namespace, _deploy.ServiceAccountName);

    public async Task InitializeAsync() => _cluster = await InstallCluster.StartAsync();

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task Kubectl_server_side_apply_of_deploy_is_accepted_object_by_object()
    {
        var applied = (await _cluster.ApplyAsync(Repository.Path("deploy"))).EnsureSuccess("apply --server-side -f deploy/");

        Assert.NotEmpty(_deploy.Objects);
        foreach (var manifest in _deploy.Objects)
        {
            var kind = DeployManifests.Kind(manifest);
            var name = DeployManifests.Name(manifest);
            Assert.Contains($"{name} serverside-applied", applied.Stdout, StringComparison.Ordinal);
            var stored = await _cluster.GetAsync(manifest);
            Assert.True(stored is not null, $"{kind} {name} was applied but is not stored");

            // Stored as written: every label the manifest sets, under the manifest's namespace.
            foreach (var (label, value) in manifest["metadata"]?["labels"]?.AsObject() ?? [])
            {
                Assert.Equal(value!.GetValue<string>(), (string?)stored["metadata"]!["labels"]?[label]);
            }
        }

        // Our CRDs become Established, as the installation guide waits for them (the BaseConfig CRD is too large for a
        // client-side apply's last-applied annotation: server-side apply is the way).
        var crds = _deploy.Objects.Where(o => DeployManifests.Kind(o) == "CustomResourceDefinition").Select(o => "crd/" + DeployManifests.Name(o)).ToArray();
        Assert.Equal(2, crds.Length);
        (await _cluster.Kubectl.RunAsync(["wait", "--for=condition=Established", "--timeout=60s", .. crds])).EnsureSuccess("wait for the CRDs");

        // Applying again (an upgrade with nothing new) succeeds and changes nothing.
        var before = await ResourceVersionsAsync();
        (await _cluster.ApplyAsync(Repository.Path("deploy"))).EnsureSuccess("second apply");
        Assert.Equal(before, await ResourceVersionsAsync());
    }

    [Fact]
    public async Task The_operator_under_the_generated_roles_converges_prunes_and_is_never_denied()
    {
        (await _cluster.ApplyAsync(Repository.Path("deploy"))).EnsureSuccess("apply deploy/");
        await _cluster.InstallGatewayCrdsAsync();
        await CreateSampleAsync();

        var started = _cluster.Server.Requests.Mark();
        await using (var run = OperatorRun.Start(_deploy, await OperatorKubeconfigAsync()))
        {
            var ready = await WaitAsync(run, () => _cluster.WaitForConditionAsync(Workloads, Sample, ModelServiceConditions.Ready, "True"));

            // Children of every kind, each controlled by the ModelService.
            var uid = ready!.Metadata.Uid;
            await AssertControlledAsync<V1Deployment>(uid, $"{Sample}-decode", $"{Sample}-prefill", $"{Sample}-epp");
            await AssertControlledAsync<V1Service>(uid, $"{Sample}-epp-service");
            await AssertControlledAsync<V1ServiceAccount>(uid, $"{Sample}-sa", $"{Sample}-epp-sa");
            await AssertControlledAsync<V1RoleBinding>(uid, $"{Sample}-epp-rolebinding");
            await AssertControlledAsync<V1ConfigMap>(uid, $"{Sample}-epp-config");
            await AssertControlledAsync<InferencePool>(uid, $"{Sample}-inference-pool");
            await AssertControlledAsync<InferenceObjective>(uid, Sample);
            await AssertControlledAsync<HttpRoute>(uid, $"{Sample}-http-route");

            // The EPP RoleBinding grants the shipped EPP ClusterRole, which the operator could bind but does not hold.
            var binding = await _cluster.GetAsync<V1RoleBinding>(Workloads, $"{Sample}-epp-rolebinding");
            Assert.Equal(_deploy.Flag("--epp-cluster-role"), binding!.RoleRef.Name);
            Assert.NotNull(await _cluster.GetAsync(_deploy.Single("ClusterRole", binding.RoleRef.Name)));

            // Status through /status, and Events from the operator.
            Assert.NotEmpty(ready.Status!.AppliedConfigs!);
            var events = await _cluster.Admin.CoreV1.ListNamespacedEventAsync(Workloads, fieldSelector: $"involvedObject.name={Sample}");
            Assert.Contains(events.Items, e => e.Reason == OperatorEvents.Created && e.ReportingComponent == ModelServiceOperatorOptions.FieldManager);

            // Leader election on the Lease, under the leader-election Role in the operator's namespace.
            var lease = await _cluster.Admin.CoordinationV1.ReadNamespacedLeaseAsync(_deploy.Flag("--leader-election-id"), _deploy.Namespace);
            Assert.False(string.IsNullOrEmpty(lease.Spec.HolderIdentity));

            // Pruning: prefill removed from the ModelService → its Deployment is deleted by the operator.
            await _cluster.Admin.CustomObjects.PatchNamespacedCustomObjectAsync(
                new V1Patch("""{"spec":{"prefill":null}}""", V1Patch.PatchType.MergePatch), "llm-d.ai", "v1alpha1", Workloads, "modelservices", Sample);
            await WaitAsync(run, () => Eventually.TrueAsync(
                async () => await _cluster.GetAsync<V1Deployment>(Workloads, $"{Sample}-prefill") is null, "the prefill Deployment is pruned"));
            await WaitAsync(run, () => _cluster.WaitForConditionAsync(Workloads, Sample, ModelServiceConditions.Ready, "True"));

            Assert.Equal(0, await run.StopAsync());

            // The Lease was handed back on shutdown (an update under the same Role).
            lease = await _cluster.Admin.CoordinationV1.ReadNamespacedLeaseAsync(_deploy.Flag("--leader-election-id"), _deploy.Namespace);
            Assert.True(string.IsNullOrEmpty(lease.Spec.HolderIdentity), $"the lease is still held by {lease.Spec.HolderIdentity}");
        }

        // Every request of the operator was allowed: the generated roles hold everything the code does. And they were
        // its own: nothing reached the server as kubectl's anonymous installer while the operator ran.
        Assert.DoesNotContain(_cluster.Server.Requests.Since(started), r => r.User == InstallCluster.KubectlUser);
        var requests = _cluster.RequestsBy(OperatorUser);
        Assert.Contains(requests, r => r.Verb == "list" && r.Resource == "modelservices" && r.StatusCode == 200);
        Assert.Contains(requests, r => r.Verb == "patch" && r.Resource == "rolebindings" && r.StatusCode is 200 or 201);
        Assert.Contains(requests, r => r.Verb == "patch" && r.Resource == "modelservices" && r.Subresource == "status");
        Assert.Contains(requests, r => r.Verb == "delete" && r.Resource == "deployments" && r.StatusCode == 200);
        Assert.Contains(requests, r => r.Verb == "create" && r.Resource == "events");
        Assert.Contains(requests, r => r.Verb == "create" && r.Resource == "leases");
        Assert.Empty(_cluster.Denied(OperatorUser));
    }

    [Fact]
    public async Task Without_the_bind_rule_the_EPP_RoleBinding_is_refused_and_the_ModelService_says_so()
    {
        (await _cluster.ApplyAsync(Repository.Path("deploy"))).EnsureSuccess("apply deploy/");
        await _cluster.InstallGatewayCrdsAsync();

        // The generated ClusterRole minus the one rule that lets the operator bind the EPP ClusterRole.
        var binding = _deploy.Objects.Single(o => DeployManifests.Kind(o) == "ClusterRoleBinding"
            && o["subjects"]!.AsArray().Any(s => (string?)s!["name"] == _deploy.ServiceAccountName));
        var role = await _cluster.Admin.RbacAuthorizationV1.ReadClusterRoleAsync(binding["roleRef"]!["name"]!.GetValue<string>());
        var bind = Assert.Single(role.Rules, r => r.Verbs.Contains("bind"));
        role.Rules.Remove(bind);
        await _cluster.Admin.RbacAuthorizationV1.ReplaceClusterRoleAsync(role, role.Metadata.Name);
        await CreateSampleAsync();

        await using var run = OperatorRun.Start(_deploy, await OperatorKubeconfigAsync());
        var failed = await WaitAsync(run, () => _cluster.WaitForConditionAsync(Workloads, Sample, ModelServiceConditions.Ready, "False", "ApplyFailed"));
        var ready = failed!.Status!.Conditions!.Single(c => c.Type == ModelServiceConditions.Ready);
        Assert.Contains($"RoleBinding {Sample}-epp-rolebinding", ready.Message, StringComparison.Ordinal);
        Assert.Contains("not currently held", ready.Message, StringComparison.Ordinal);

        // The refusal is the API server's: 403s to the operator on rolebindings, nothing else denied.
        await Eventually.TrueAsync(() => _cluster.Denied(OperatorUser).Count > 0, "a 403 in the request log");
        Assert.All(_cluster.Denied(OperatorUser), r => Assert.Equal("rolebindings", r.Resource));

        // One refused child blocks no other: the workloads are there, and a Warning Event names the cause.
        Assert.NotNull(await _cluster.GetAsync<V1Deployment>(Workloads, $"{Sample}-decode"));
        Assert.Null(await _cluster.GetAsync<V1RoleBinding>(Workloads, $"{Sample}-epp-rolebinding"));
        var events = await Eventually.MatchesAsync(
            () => _cluster.Admin.CoreV1.ListNamespacedEventAsync(Workloads, fieldSelector: $"involvedObject.name={Sample}"),
            list => list.Items.Any(e => e.Type == "Warning" && e.Reason == OperatorEvents.ApplyFailed),
            "a Warning Event ApplyFailed");
        Assert.Contains(events.Items, e => e.Message.Contains("RoleBinding", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Uninstalling_as_the_guide_says_leaves_children_serving_until_their_ModelService_goes()
    {
        (await _cluster.ApplyAsync(Repository.Path("deploy"))).EnsureSuccess("apply deploy/");
        await _cluster.InstallGatewayCrdsAsync();
        await CreateSampleAsync(Workloads, OtherWorkloads);
        await using (var run = OperatorRun.Start(_deploy, await OperatorKubeconfigAsync()))
        {
            await WaitAsync(run, () => _cluster.WaitForConditionAsync(Workloads, Sample, ModelServiceConditions.Ready, "True"));
            await WaitAsync(run, () => _cluster.WaitForConditionAsync(OtherWorkloads, Sample, ModelServiceConditions.Ready, "True"));
            Assert.Equal(0, await run.StopAsync());
        }

        // The operator only (install.md, "Uninstall"): ModelServices and their children stay.
        (await _cluster.Kubectl.RunAsync("delete",
            "-f", Repository.Path("deploy", "31-metrics-service.yaml"), "-f", Repository.Path("deploy", "30-deployment.yaml"),
            "-f", Repository.Path("deploy", "20-rbac.yaml"), "-f", Repository.Path("deploy", "10-serviceaccount.yaml"))).EnsureSuccess("delete the operator");
        Assert.Null(await _cluster.GetAsync(_deploy.Deployment));
        foreach (var ns in new[] { Workloads, OtherWorkloads })
        {
            Assert.NotNull(await _cluster.GetAsync<ModelService>(ns, Sample));
            Assert.NotNull(await _cluster.GetAsync<V1Deployment>(ns, $"{Sample}-decode"));
            Assert.NotNull(await _cluster.GetAsync<InferencePool>(ns, $"{Sample}-inference-pool"));
        }

        // A ModelService, with no operator running: the garbage collector removes its children; presets stay.
        (await _cluster.Kubectl.RunAsync("delete", "modelservice", Sample, "--namespace", OtherWorkloads)).EnsureSuccess("delete a ModelService");
        await Eventually.TrueAsync(async () => await ChildrenLeftAsync(OtherWorkloads) == 0, "the deleted ModelService's children are collected");
        Assert.Equal(6, await ChildrenLeftAsync(Workloads));
        Assert.NotNull(await _cluster.GetAsync(SamplePreset()));

        // Everything, in the guide's order: the remaining ModelServices (their children go with them), then deploy/ with
        // the CRDs, which take every BaseConfig.
        (await _cluster.Kubectl.RunAsync("delete", "modelservices", "--all", "--all-namespaces")).EnsureSuccess("delete every ModelService");
        await Eventually.TrueAsync(async () => await ChildrenLeftAsync(Workloads) == 0, "the children of every ModelService are collected");
        (await _cluster.Kubectl.RunAsync("delete", "-f", Repository.Path("deploy"), "--ignore-not-found")).EnsureSuccess("delete -f deploy/");
        foreach (var crd in _deploy.Objects.Where(o => DeployManifests.Kind(o) == "CustomResourceDefinition"))
        {
            Assert.Null(await _cluster.GetAsync(crd));
        }

        Assert.Null(await _cluster.GetAsync(SamplePreset()));
    }

    /// <summary>How many of the sample's children of six kinds are in <paramref name="ns"/>.</summary>
    private async Task<int> ChildrenLeftAsync(string ns)
    {
        var found = new[]
        {
            await _cluster.GetAsync<V1Deployment>(ns, $"{Sample}-decode") is not null,
            await _cluster.GetAsync<V1Deployment>(ns, $"{Sample}-epp") is not null,
            await _cluster.GetAsync<V1Service>(ns, $"{Sample}-epp-service") is not null,
            await _cluster.GetAsync<V1RoleBinding>(ns, $"{Sample}-epp-rolebinding") is not null,
            await _cluster.GetAsync<InferencePool>(ns, $"{Sample}-inference-pool") is not null,
            await _cluster.GetAsync<HttpRoute>(ns, $"{Sample}-http-route") is not null,
        };
        return found.Count(f => f);
    }

    /// <summary>The sample's BaseConfig as created in the operator's namespace.</summary>
    private JsonObject SamplePreset()
    {
        var preset = (JsonObject)KeelYaml.ParseAll(Repository.Read("samples", "pd-disaggregation", "preset-baseconfig.yaml"), "preset").Single().Root!;
        preset["metadata"]!["namespace"] = _deploy.Namespace;
        return preset;
    }

    private async Task<IReadOnlyList<string>> ResourceVersionsAsync()
    {
        var versions = new List<string>();
        foreach (var manifest in _deploy.Objects)
        {
            var stored = await _cluster.GetAsync(manifest);
            versions.Add($"{DeployManifests.Kind(manifest)}/{DeployManifests.Name(manifest)}@{(string?)stored!["metadata"]!["resourceVersion"]}");
        }

        return versions;
    }

    /// <summary>The pd-disaggregation sample: its BaseConfig preset in the operator's namespace (usable from every namespace), the ModelService in each of <paramref name="namespaces"/> (team-a when none).</summary>
    private async Task CreateSampleAsync(params string[] namespaces)
    {
        await _cluster.CreateAsync(Repository.Read("samples", "pd-disaggregation", "preset-baseconfig.yaml"), _deploy.Namespace);
        foreach (var ns in namespaces.DefaultIfEmpty(Workloads))
        {
            await _cluster.CreateNamespaceAsync(ns);
            await _cluster.CreateAsync(Repository.Read("samples", "pd-disaggregation", "modelservice.yaml"), ns,
                ms => ms["spec"]!["baseConfigRef"]!["namespace"] = _deploy.Namespace);
        }
    }

    private Task<string> OperatorKubeconfigAsync() =>
        _cluster.WriteServiceAccountKubeconfigAsync(_deploy.Namespace, _deploy.ServiceAccountName, _work.FullName);

    private async Task AssertControlledAsync<T>(string uid, params string[] names)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        foreach (var name in names)
        {
            var child = await _cluster.GetAsync<T>(Workloads, name);
            Assert.True(child is not null, $"{typeof(T).Name} {name} is missing");
            Assert.Contains(child.Metadata.OwnerReferences ?? [], o => o.Uid == uid && o.Controller == true);
        }
    }

    /// <summary>Awaits <paramref name="wait"/>; if it times out, says what the operator printed and which requests were denied.</summary>
    private async Task<T> WaitAsync<T>(OperatorRun run, Func<Task<T>> wait)
    {
        try
        {
            return await wait();
        }
        catch (TimeoutException e)
        {
            var denied = string.Join("\n", _cluster.Denied(OperatorUser).Take(20).Select(r => $"  403 {r.Verb} {r.Group}/{r.Resource}/{r.Subresource} {r.Namespace}/{r.Name}"));
            throw new TimeoutException($"{e.Message}\noperator exited: {run.Exit.IsCompleted}\n{run.Error}\ndenied:\n{denied}", e);
        }
    }

    private Task WaitAsync(OperatorRun run, Func<Task> wait) => WaitAsync(run, async () =>
    {
        await wait();
        return true;
    });
}
