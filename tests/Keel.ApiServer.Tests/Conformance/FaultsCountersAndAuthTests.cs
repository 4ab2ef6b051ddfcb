using System.Net;
using System.Threading.Channels;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Keel.ApiServer.Auth;
using Keel.ApiServer.Faults;
using Keel.ApiServer.Tests.Infrastructure;

namespace Keel.ApiServer.Tests.Conformance;

public sealed class FaultsCountersAndAuthTests
{
    [Theory]
    [InlineData(409, "Conflict")]
    [InlineData(429, "TooManyRequests")]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task Injected_status_faults_hit_the_chosen_requests_the_chosen_number_of_times(int code, string reason)
    {
        await using var h = await ApiServerHarness.StartAsync();
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "default");
        var fault = h.Server.Faults.Add(new FaultRule(FaultAction.Status(code)) { Verb = "get", Resource = "configmaps", Name = "a", Times = 1 });
        var first = await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default/configmaps/a");
        Assert.Equal((HttpStatusCode)code, first.Status);
        Assert.Equal(reason, (string?)first.Json!["reason"]);
        Assert.Equal(HttpStatusCode.OK, (await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default/configmaps/a")).Status);
        Assert.Equal(1, fault.Hits);
        if (code == 429)
        {
            Assert.Equal("1", first.Headers.RetryAfter?.ToString());
        }
    }

    [Fact]
    public async Task Probabilistic_faults_repeat_exactly_under_the_same_seed()
    {
        async Task<string> PatternAsync()
        {
            await using var h = await ApiServerHarness.StartAsync(o => o.Seed = 42);
            h.Server.Faults.Add(new FaultRule(FaultAction.Status(500)) { Verb = "list", Probability = 0.5 });
            var results = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                results.Add((int)(await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default/configmaps")).Status);
            }

            return string.Join(",", results);
        }

        var first = await PatternAsync();
        Assert.Equal(first, await PatternAsync());
        Assert.Contains("500", first);
        Assert.Contains("200", first);
    }

    [Fact]
    public async Task Closing_watches_ends_the_client_stream()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var closed = new TaskCompletionSource();
        using var watcher = h.Client.CoreV1.WatchListNamespacedConfigMap("default", onEvent: (_, _) => { }, onClosed: () => closed.TrySetResult());
        await Eventually.ReturnsAsync(() => Task.FromResult(h.Server.Core.Store.WatcherCount(new Resources.GroupResource("", "configmaps"))), n => n == 1, "the watch to register");
        Assert.Equal(1, h.Server.Faults.CloseWatches(resource: "configmaps"));
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_watch_fault_closes_the_stream_after_the_chosen_number_of_events()
    {
        await using var h = await ApiServerHarness.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap($"c{i}"), "default");
        }

        h.Server.Faults.Add(new FaultRule(FaultAction.CloseWatchAfter(2)) { Verb = "watch", Times = 1 });
        var raw = await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default/configmaps?watch=true");
        Assert.Equal(2, raw.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Delays_hold_a_request_and_then_serve_it()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var fault = h.Server.Faults.Add(new FaultRule(FaultAction.Delay(TimeSpan.FromMilliseconds(50))) { Verb = "list", Times = 1 });
        Assert.Equal(HttpStatusCode.OK, (await RawHttp.GetAsync(h.Server, "/api/v1/namespaces/default/configmaps")).Status);
        Assert.Equal(1, fault.Hits);
    }

    [Fact]
    public async Task Request_counters_count_writes_per_user()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var operatorToken = h.Server.IssueToken(UserInfo.ServiceAccount("system", "operator"));
        using var operatorClient = ApiServerHarness.ClientFor(h.Server, operatorToken);
        var mark = h.Server.Requests.Mark();
        await operatorClient.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("a"), "default");
        await operatorClient.CoreV1.ListNamespacedConfigMapAsync("default");
        await h.Client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("b"), "default");
        var writes = h.Server.Requests.WritesSince(mark, "system:serviceaccount:system:operator");
        var write = Assert.Single(writes);
        Assert.Equal(("create", "configmaps", 201), (write.Verb, write.Resource, write.StatusCode));
        Assert.Equal(1, h.Server.Requests.Count("list", "configmaps", "system:serviceaccount:system:operator"));
    }

    [Fact]
    public async Task Unknown_tokens_are_401()
    {
        await using var h = await ApiServerHarness.StartAsync();
        var raw = await RawHttp.GetAsync(h.Server, "/api/v1/namespaces", token: "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, raw.Status);
    }

    [Fact]
    public async Task Rbac_allows_exactly_what_roles_grant_and_names_the_denied_request()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o.EnableRbac = true);
        await h.Client.RbacAuthorizationV1.CreateNamespacedRoleAsync(new V1Role
        {
            Metadata = new V1ObjectMeta { Name = "cm-reader" },
            Rules = [new V1PolicyRule { ApiGroups = [""], Resources = ["configmaps"], Verbs = ["get", "list"] },
                     new V1PolicyRule { ApiGroups = ["apps"], Resources = ["deployments/status"], Verbs = ["update"], ResourceNames = ["web"] }],
        }, "default");
        await h.Client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(new V1RoleBinding
        {
            Metadata = new V1ObjectMeta { Name = "operator-reads" },
            RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = "cm-reader" },
            Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = "operator", NamespaceProperty = "system" }],
        }, "default");
        var token = h.Server.IssueToken(UserInfo.ServiceAccount("system", "operator"));
        using var client = ApiServerHarness.ClientFor(h.Server, token);

        await client.CoreV1.ListNamespacedConfigMapAsync("default");
        var denied = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.CreateNamespacedConfigMapAsync(Objects.ConfigMap("x"), "default"));
        Assert.Equal(HttpStatusCode.Forbidden, denied.Response.StatusCode);
        var status = System.Text.Json.Nodes.JsonNode.Parse(denied.Response.Content)!;
        Assert.Equal("configmaps is forbidden: User \"system:serviceaccount:system:operator\" cannot create resource \"configmaps\" in API group \"\" in the namespace \"default\"", (string?)status["message"]);
        var otherNamespace = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ListNamespacedConfigMapAsync("kube-system"));
        Assert.Equal(HttpStatusCode.Forbidden, otherNamespace.Response.StatusCode);

        var rbac = new RbacAuthorizer(h.Server.Core.Store);
        var user = UserInfo.ServiceAccount("system", "operator");
        Assert.True(rbac.Authorize(new AuthorizationAttributes(user, "update", true, "apps", "v1", "deployments", "status", "default", "web", "")).Allowed);
        Assert.False(rbac.Authorize(new AuthorizationAttributes(user, "update", true, "apps", "v1", "deployments", "status", "default", "other", "")).Allowed);
        Assert.False(rbac.Authorize(new AuthorizationAttributes(user, "update", true, "apps", "v1", "deployments", "", "default", "web", "")).Allowed);
        Assert.True(rbac.Authorize(new AuthorizationAttributes(user, "get", false, "", "", "", "", "", "", "/apis")).Allowed);
    }

    [Fact]
    public async Task Anonymous_requests_are_denied_under_rbac()
    {
        await using var h = await ApiServerHarness.StartAsync(o => o.EnableRbac = true);
        var raw = await RawHttp.GetAsync(h.Server, "/api/v1/namespaces", token: null);
        Assert.Equal(HttpStatusCode.Forbidden, raw.Status);
        Assert.Contains("User \"system:anonymous\" cannot list resource \"namespaces\"", (string?)raw.Json!["message"]);
    }
}
