using System.Text;
using k8s;
using k8s.Models;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Kubectl;

/// <summary>The real kubectl 1.33 against the server: what users and CI scripts do.</summary>
public sealed class KubectlTests
{
    private const string WidgetObjects = """
        apiVersion: test.keel.dev/v1
        kind: Widget
        metadata:
          name: small
        spec:
          size: 1
          color: blue
          owner: team-a
        ---
        apiVersion: test.keel.dev/v1
        kind: Widget
        metadata:
          name: large
        spec:
          size: 10
          color: red
        """;

    private static async Task<(ApiServerHarness Harness, Infrastructure.Kubectl Kubectl)> StartAsync()
    {
        var h = await ApiServerHarness.StartAsync();
        return (h, new Infrastructure.Kubectl(h.Server));
    }

    [Fact]
    public async Task Server_side_apply_of_a_crd_and_its_objects_then_get_by_short_name_shows_the_printer_columns()
    {
        var (h, kubectl) = await StartAsync();
        await using var _ = h;
        using var __ = kubectl;
        var crd = await kubectl.RunAsync("apply", "--server-side", "-f", kubectl.WriteFile("crd.yaml", TestCrds.Widget));
        Assert.Contains("customresourcedefinition.apiextensions.k8s.io/widgets.test.keel.dev serverside-applied", crd.EnsureSuccess("apply crd").Stdout);
        var objects = await kubectl.RunAsync("apply", "--server-side", "-f", kubectl.WriteFile("widgets.yaml", WidgetObjects));
        Assert.Contains("widget.test.keel.dev/small serverside-applied", objects.EnsureSuccess("apply widgets").Stdout);

        var get = (await kubectl.RunAsync("get", "wdg")).EnsureSuccess("get wdg").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^NAME\s+SIZE\s+COLOR\s+READY\s+AGE$", get[0]);
        // A column whose path finds nothing is a null cell, which kubectl prints blank (as for the real server).
        Assert.Matches(@"^large\s+10\s+red\s+\d+s$", get[1]);
        Assert.Matches(@"^small\s+1\s+blue\s+", get[2]);

        var wide = (await kubectl.RunAsync("get", "widgets", "-o", "wide")).EnsureSuccess("get -o wide").Stdout;
        Assert.Matches(@"NAME\s+SIZE\s+COLOR\s+READY\s+OWNER\s+AGE", wide);
        Assert.Matches(@"small\s+1\s+blue\s+team-a", wide);

        var reapply = await kubectl.RunAsync("apply", "--server-side", "-f", kubectl.WriteFile("widgets.yaml", WidgetObjects));
        reapply.EnsureSuccess("re-apply");
        var changed = await kubectl.RunAsync("apply", "--server-side", "--field-manager=other", "-f",
            kubectl.WriteFile("conflict.yaml", "apiVersion: test.keel.dev/v1\nkind: Widget\nmetadata:\n  name: small\nspec:\n  size: 2\n"));
        Assert.NotEqual(0, changed.ExitCode);
        Assert.Contains("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.size", changed.Stderr);
    }

    [Fact]
    public async Task Get_watch_prints_events_as_they_happen()
    {
        var (h, kubectl) = await StartAsync();
        await using var _ = h;
        using var __ = kubectl;
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("first"), "default");
        using var watch = kubectl.Start(["get", "configmaps", "--watch", "--output-watch-events"]);
        var output = new StringBuilder();
        var reader = Task.Run(async () =>
        {
            while (await watch.StandardOutput.ReadLineAsync() is { } line)
            {
                lock (output)
                {
                    output.AppendLine(line);
                }
            }
        });
        string Text()
        {
            lock (output)
            {
                return output.ToString();
            }
        }

        await Eventually.ReturnsAsync(() => Task.FromResult(Text()), t => t.Contains("first", StringComparison.Ordinal), "the initial listing");
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("second"), "default");
        await h.Client.CoreV1.DeleteNamespacedConfigMapAsync("first", "default");
        var text = await Eventually.ReturnsAsync(() => Task.FromResult(Text()), t => t.Contains("DELETED", StringComparison.Ordinal), "the watch events");
        watch.Kill(entireProcessTree: true);
        await reader;
        Assert.Matches(@"EVENT\s+NAME\s+DATA\s+AGE", text);
        Assert.Matches(@"ADDED\s+second\s+1\s+", text);
        Assert.Matches(@"DELETED\s+first\s+1\s+", text);
    }

    [Fact]
    public async Task Delete_cascades_in_the_foreground_and_orphans_on_request()
    {
        var (h, kubectl) = await StartAsync();
        await using var _ = h;
        using var __ = kubectl;
        foreach (var name in new[] { "web", "api" })
        {
            var owner = await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Objects.Deployment(name), "default");
            owner.ApiVersion = "apps/v1";
            owner.Kind = "Deployment";
            var dependent = Objects.ConfigMap($"{name}-config");
            dependent.Metadata.OwnerReferences = [Objects.OwnerOf(owner)];
            await h.Client.CoreV1.CreateNamespacedConfigMapAsync(dependent, "default");
        }

        (await kubectl.RunAsync("delete", "deployment", "web", "--cascade=foreground")).EnsureSuccess("delete --cascade=foreground");
        (await kubectl.RunAsync("delete", "deployment", "api", "--cascade=orphan")).EnsureSuccess("delete --cascade=orphan");
        await h.Server.WaitForGarbageCollectionAsync();
        var left = (await kubectl.RunAsync("get", "configmaps,deployments", "-o", "name")).EnsureSuccess("get").Stdout;
        Assert.Equal("configmap/api-config", left.Trim());
        var orphan = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("api-config", "default");
        Assert.Null(orphan.Metadata.OwnerReferences);
    }

    [Fact]
    public async Task Explain_describes_crd_fields_from_the_openapi_schema()
    {
        var (h, kubectl) = await StartAsync();
        await using var _ = h;
        using var __ = kubectl;
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        var explain = (await kubectl.RunAsync("explain", "wdg.spec")).EnsureSuccess("explain").Stdout;
        Assert.Contains("KIND:       Widget", explain);
        Assert.Contains("What the widget should be.", explain);
        Assert.Matches(@"size\s+<integer>", explain);
        Assert.Contains("How big.", explain);
    }

    [Fact]
    public async Task Patch_edits_a_deployment_with_strategic_merge_and_scale_changes_its_replicas()
    {
        var (h, kubectl) = await StartAsync();
        await using var _ = h;
        using var __ = kubectl;
        await h.Client.AppsV1.CreateNamespacedDeploymentAsync(Objects.Deployment("web"), "default");
        var patch = """{"spec":{"template":{"spec":{"containers":[{"name":"main","image":"nginx:1.27"}]}}}}""";
        (await kubectl.RunAsync("patch", "deployment", "web", "-p", patch)).EnsureSuccess("patch");
        var image = (await kubectl.RunAsync("get", "deployment", "web", "-o", "jsonpath={.spec.template.spec.containers[0].image}")).EnsureSuccess("get").Stdout;
        Assert.Equal("nginx:1.27", image);
        var d = await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default");
        Assert.Contains(d.Metadata.ManagedFields, m => m.Manager == "kubectl-patch" && m.Operation == "Update");
        Assert.Equal(2, d.Metadata.Generation);

        (await kubectl.RunAsync("scale", "deployment", "web", "--replicas=4")).EnsureSuccess("scale");
        Assert.Equal(4, (await h.Client.AppsV1.ReadNamespacedDeploymentAsync("web", "default")).Spec.Replicas);
    }

    [Fact]
    public async Task Create_get_json_and_client_side_apply_round_trip()
    {
        var (h, kubectl) = await StartAsync();
        await using var _ = h;
        using var __ = kubectl;
        var manifest = kubectl.WriteFile("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    app: web\ndata:\n  mode: fast\n");
        (await kubectl.RunAsync("create", "-f", manifest)).EnsureSuccess("create");
        var json = System.Text.Json.Nodes.JsonNode.Parse((await kubectl.RunAsync("get", "cm", "settings", "-o", "json")).EnsureSuccess("get -o json").Stdout)!;
        Assert.Equal("fast", (string?)json["data"]!["mode"]);
        var updated = kubectl.WriteFile("cm2.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    app: web\ndata:\n  mode: slow\n");
        (await kubectl.RunAsync("apply", "-f", updated)).EnsureSuccess("client-side apply");
        var selected = (await kubectl.RunAsync("get", "cm", "-l", "app=web", "-o", "jsonpath={.items[*].data.mode}")).EnsureSuccess("get -l").Stdout;
        Assert.Equal("slow", selected);
        (await kubectl.RunAsync("delete", "-f", updated)).EnsureSuccess("delete -f");
        Assert.Empty((await h.Client.CoreV1.ListNamespacedConfigMapAsync("default")).Items);
    }

    [Fact]
    public async Task Create_generators_that_send_protobuf_bodies_work_for_namespaces_configmaps_secrets_and_service_accounts()
    {
        var (h, kubectl) = await StartAsync();
        await using var _ = h;
        using var __ = kubectl;
        (await kubectl.RunAsync("create", "namespace", "team", "--dry-run=server")).EnsureSuccess("create namespace --dry-run=server");
        (await kubectl.RunAsync("create", "namespace", "team")).EnsureSuccess("create namespace");
        (await kubectl.RunAsync("create", "configmap", "settings", "-n", "team", "--from-literal=mode=fast", "--from-literal=level=3")).EnsureSuccess("create configmap");
        (await kubectl.RunAsync("create", "secret", "generic", "token", "-n", "team", "--from-literal=value=s3cret")).EnsureSuccess("create secret");
        (await kubectl.RunAsync("create", "serviceaccount", "operator", "-n", "team")).EnsureSuccess("create serviceaccount");

        var ns = await h.Client.CoreV1.ReadNamespaceAsync("team");
        Assert.Equal("Active", ns.Status.Phase);
        var cm = await h.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", "team");
        Assert.Equal(new Dictionary<string, string> { ["level"] = "3", ["mode"] = "fast" }, cm.Data);
        // Protobuf carries empty strings for unset fields; they must not be stored or owned (JSON omits them).
        Assert.Null(cm.Metadata.GenerateName);
        Assert.DoesNotContain("generateName", k8s.KubernetesJson.Serialize(cm.Metadata.ManagedFields), StringComparison.Ordinal);
        var secret = await h.Client.CoreV1.ReadNamespacedSecretAsync("token", "team");
        Assert.Equal("s3cret", Encoding.UTF8.GetString(secret.Data["value"]));
        Assert.Equal("Opaque", secret.Type);
        Assert.NotNull(await h.Client.CoreV1.ReadNamespacedServiceAccountAsync("operator", "team"));

        var deployment = await kubectl.RunAsync("create", "deployment", "web", "--image=nginx");
        Assert.NotEqual(0, deployment.ExitCode);
        Assert.Contains("the body of the request was in an unknown format", deployment.Stderr);
    }

    [Fact]
    public async Task Auth_can_i_and_whoami_answer_from_the_servers_rbac_for_kubectls_anonymous_user()
    {
        // client-go sends credentials only over TLS, so kubectl against this plain-HTTP server is system:anonymous.
        await using var h = await ApiServerHarness.StartAsync(o => o.EnableRbac = true);
        using var kubectl = new Infrastructure.Kubectl(h.Server);
        await h.Client.RbacAuthorizationV1.CreateClusterRoleAsync(new V1ClusterRole
        {
            // What system:discovery and system:basic-user give authenticated users on a real cluster.
            Metadata = new V1ObjectMeta { Name = "kubectl-basics" },
            Rules =
            [
                new V1PolicyRule { NonResourceURLs = ["/api", "/api/*", "/apis", "/apis/*"], Verbs = ["get"] },
                new V1PolicyRule { ApiGroups = ["authorization.k8s.io"], Resources = ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], Verbs = ["create"] },
                new V1PolicyRule { ApiGroups = ["authentication.k8s.io"], Resources = ["selfsubjectreviews"], Verbs = ["create"] },
            ],
        });
        await h.Client.RbacAuthorizationV1.CreateClusterRoleBindingAsync(new V1ClusterRoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "kubectl-basics" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "kubectl-basics" },
            Subjects = [new Rbacv1Subject { Kind = "User", Name = "system:anonymous" }],
        });
        await h.Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "reader" },
            Rules = [new V1PolicyRule { ApiGroups = ["apps"], Resources = ["deployments"], Verbs = ["get", "list"] }],
        }, "default");
        await h.Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "reader" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "reader" },
            Subjects = [new Rbacv1Subject { Kind = "User", Name = "system:anonymous" }],
        }, "default");

        var allowed = (await kubectl.RunAsync("auth", "can-i", "list", "deployments", "-n", "default")).EnsureSuccess("auth can-i list");
        Assert.Equal("yes", allowed.Stdout.Trim());
        var denied = await kubectl.RunAsync("auth", "can-i", "delete", "deployments", "-n", "default");
        Assert.Equal((1, "no"), (denied.ExitCode, denied.Stdout.Trim()));
        Assert.Equal("no", (await kubectl.RunAsync("auth", "can-i", "list", "deployments", "-n", "kube-system")).Stdout.Trim());
        var forbidden = await kubectl.RunAsync("delete", "deployment", "web", "-n", "default");
        Assert.Contains("cannot delete resource \"deployments\" in API group \"apps\" in the namespace \"default\"", forbidden.Stderr, StringComparison.Ordinal);

        var list = (await kubectl.RunAsync("auth", "can-i", "--list", "-n", "default")).EnsureSuccess("auth can-i --list");
        Assert.Contains(list.Stdout.Split('\n'), line => line.StartsWith("deployments.apps ", StringComparison.Ordinal) && line.TrimEnd().EndsWith("[get list]", StringComparison.Ordinal));

        var whoami = (await kubectl.RunAsync("auth", "whoami", "-o", "jsonpath={.status.userInfo.username}")).EnsureSuccess("auth whoami");
        Assert.Equal("system:anonymous", whoami.Stdout.Trim());
    }

    [Fact]
    public async Task Edit_round_trips_through_an_editor_for_built_in_and_custom_resources()
    {
        var (h, kubectl) = await StartAsync();
        await using var _ = h;
        using var __ = kubectl;
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("settings", data: new() { ["mode"] = "fast" }), "default");
        await h.Server.InstallCrdAsync(TestCrds.Widget);
        await h.Client.CustomObjects.CreateNamespacedCustomObjectAsync(Objects.Widget("w", 3), TestCrds.Group, "v1", "default", TestCrds.Plural);
        var editor = kubectl.WriteFile("editor.sh", "#!/bin/sh\nsed -i -e 's/mode: fast/mode: slow/' -e 's/size: 3/size: 4/' \"$1\"\n");
        kubectl.Environment["KUBE_EDITOR"] = "sh " + editor;

        (await kubectl.RunAsync("edit", "configmap", "settings")).EnsureSuccess("edit configmap");
        (await kubectl.RunAsync("edit", "widget", "w")).EnsureSuccess("edit widget");

        Assert.Equal("slow", (await h.Client.CoreV1.ReadNamespacedConfigMapAsync("settings", "default")).Data["mode"]);
        var w = Objects.AsNode(await h.Client.CustomObjects.GetNamespacedCustomObjectAsync(TestCrds.Group, "v1", "default", TestCrds.Plural, "w"));
        Assert.Equal(4, (int?)w["spec"]!["size"]);
        Assert.Equal(2, (int?)w["metadata"]!["generation"]);
        Assert.Contains(w["metadata"]!["managedFields"]!.AsArray(), m => (string?)m!["manager"] == "kubectl-edit");
    }
}
