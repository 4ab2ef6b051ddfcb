using System.Text.RegularExpressions;
using Keel.ApiServer.Auth;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.EndToEnd;

/// <summary>The permissions documented in docs/user-guide/operator.md are enough, on an API server that enforces RBAC.</summary>
public sealed partial class RbacTests
{
    [Fact]
    public async Task The_documented_cluster_role_lets_the_operator_serve_every_kind_of_child_without_a_single_forbidden_request()
    {
        await using var cluster = await TestCluster.StartAsync(configure: o => o.EnableRbac = true);
        var operatorUser = UserInfo.ServiceAccount("modelservice-system", "modelservice-operator");
        await cluster.CreateAsync(DocumentedClusterRole());
        await cluster.CreateAsync("""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata:
              name: modelservice-operator
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: modelservice-operator}
            subjects:
              - {kind: ServiceAccount, name: modelservice-operator, namespace: modelservice-system}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: modelservice-epp
            rules:
              - apiGroups: [""]
                resources: ["pods"]
                verbs: ["get", "list", "watch"]
              - apiGroups: ["inference.networking.k8s.io"]
                resources: ["inferencepools"]
                verbs: ["get", "list", "watch"]
            """);
        await cluster.CreateSampleAsync("pd-disaggregation", "preset-baseconfig.yaml");
        await cluster.CreateSampleAsync("pd-disaggregation", "modelservice.yaml");
        await cluster.CreateSampleAsync("oci-legacy-preset", "preset-configmap.yaml");
        await cluster.CreateSampleAsync("oci-legacy-preset", "modelservice.yaml");
        await using var op = RunningOperator.Start(cluster, manager: RunningOperator.ManagerOptions(leaderElection: true, identity: "rbac"), user: operatorUser);

        await cluster.WaitForReadyAsync("llama-pd");
        await cluster.WaitForReadyAsync("granite-oci");
        await cluster.WaitForEventAsync("llama-pd", "Created");
        var forbidden = cluster.Server.Requests.All.Where(r => r.User == operatorUser.Name && r.StatusCode == 403).ToList();
        Assert.True(forbidden.Count == 0, string.Join("; ", forbidden.Select(r => $"{r.Verb} {r.Group}/{r.Resource}/{r.Subresource}")));
    }

    /// <summary>The ClusterRole as the user guide prints it (the YAML block marked <c># modelservice-operator-rbac</c>).</summary>
    private static string DocumentedClusterRole()
    {
        var guide = Repository.Read("docs", "user-guide", "operator.md");
        var match = RbacBlock().Match(guide);
        Assert.True(match.Success, "docs/user-guide/operator.md has the operator's ClusterRole");
        return match.Groups["yaml"].Value;
    }

    [GeneratedRegex(@"```yaml\n(?<yaml># modelservice-operator-rbac\n.*?)```", RegexOptions.Singleline)]
    private static partial Regex RbacBlock();
}
