using System.CommandLine;
using System.Text;
using Keel.Model.Rendering;
using Keel.Model.Serialization;
using Keel.Operator.Rbac;
using Keel.Runtime.Rbac;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>modelservice rbac</c>: prints the RBAC the operator needs for the given <c>run</c> flags — its ClusterRole (or,
/// with <c>--namespace</c>, a Role in that namespace), the leader-election Role, their bindings and the endpoint
/// picker's ClusterRole — generated from what the operator's code declares (docs/developer-guide/rbac.md). It builds the
/// operator exactly as <c>run</c> does, on a client that is never called: no cluster is needed or contacted.
/// <c>build/gen-deploy.sh</c> writes <c>deploy/</c> and the Helm chart's rules with it.
/// </summary>
public static class RbacCommand
{
    public const string DefaultOperatorNamespace = "modelservice-system";

    public const string DefaultName = "modelservice-operator";

    public static Command Create()
    {
        var ns = new Option<string?>("--namespace", "-n") { Description = "The one namespace the operator watches (run --namespace): a Role there instead of a ClusterRole." };
        var operatorNamespace = new Option<string>("--operator-namespace") { Description = "Where the operator runs: its ServiceAccount and Lease.", DefaultValueFactory = _ => DefaultOperatorNamespace };
        var serviceAccount = new Option<string>("--service-account") { Description = "The operator's ServiceAccount (in --operator-namespace).", DefaultValueFactory = _ => DefaultName };
        var roleName = new Option<string>("--role-name") { Description = "Name of the operator's role and binding (the leader-election role adds -leader-election).", DefaultValueFactory = _ => DefaultName };
        var leaderElect = new Option<bool>("--leader-elect") { Description = "Leader election on (run's default against a cluster): include the Lease's Role.", DefaultValueFactory = _ => true };
        var leaderElectionId = new Option<string>("--leader-election-id") { Description = "Name of the Lease.", DefaultValueFactory = _ => RunOptions.DefaultLeaseName };
        var leaderElectionNamespace = new Option<string?>("--leader-election-namespace") { Description = "Namespace of the Lease (default: --operator-namespace)." };
        var eppClusterRole = new Option<string>("--epp-cluster-role") { Description = "The ClusterRole the endpoint picker's RoleBindings grant: the operator may bind it.", DefaultValueFactory = _ => RenderSettings.DefaultEppClusterRole };
        var withoutEppRole = new Option<bool>("--without-epp-role") { Description = "Leave out the endpoint picker's ClusterRole (when the cluster brings its own)." };
        var format = new Option<string>("--format") { Description = "yaml (manifests), or helm (the chart's generated rule templates).", DefaultValueFactory = _ => "yaml", Hidden = true };
        format.AcceptOnlyFromAmong("yaml", "helm");

        var command = new Command("rbac", "Print the RBAC roles and bindings the operator needs, generated from its code (no cluster needed).")
        {
            ns, operatorNamespace, serviceAccount, roleName, leaderElect, leaderElectionId, leaderElectionNamespace, eppClusterRole, withoutEppRole, format,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var run = new RunOptions
            {
                Namespace = parse.GetValue(ns),
                OperatorNamespace = parse.GetValue(operatorNamespace),
                LeaderElect = parse.GetValue(leaderElect),
                LeaderElectionId = parse.GetValue(leaderElectionId) ?? RunOptions.DefaultLeaseName,
                LeaderElectionNamespace = parse.GetValue(leaderElectionNamespace),
                EppClusterRole = parse.GetValue(eppClusterRole) ?? RenderSettings.DefaultEppClusterRole,
                MetricsBindAddress = "0",
                HealthProbeBindAddress = "0",
            };
            var permissions = Describe(run);
            var layout = new RbacLayout
            {
                RoleName = parse.GetValue(roleName) ?? DefaultName,
                ServiceAccountName = parse.GetValue(serviceAccount) ?? DefaultName,
                OperatorNamespace = run.OperatorNamespace ?? DefaultOperatorNamespace,
                LeaseNamespace = run.LeaderElectionNamespace,
                WatchNamespace = run.Namespace,
                Labels = Labels(),
            };
            var eppRole = parse.GetValue(withoutEppRole) ? null : run.EppClusterRole;
            var text = parse.GetValue(format) == "helm"
                ? HelmRules(permissions, run.EppClusterRole)
                : RbacYaml.Write(OperatorRbac.Manifests(permissions, layout, eppRole), Header);
            await parse.InvocationConfiguration.Output.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    /// <summary>The labels of every object the installation creates (deploy/ and the chart's defaults).</summary>
    public static IReadOnlyDictionary<string, string> Labels() => new Dictionary<string, string>
    {
        ["app.kubernetes.io/name"] = DefaultName,
        ["app.kubernetes.io/instance"] = DefaultName,
    };

    /// <summary>What the operator built from <paramref name="run"/> declares (see <see cref="OperatorRbac.Describe"/>).</summary>
    internal static PermissionSet Describe(RunOptions run)
    {
        using var offline = OperatorRbac.OfflineClient();
        var modelServiceOperator = RunOperatorHost.Build(offline, run, embedded: false, new Keel.Runtime.Metrics.RuntimeMetrics(), NullLoggerFactory.Instance);
        try
        {
            return OperatorRbac.Describe(modelServiceOperator);
        }
        finally
        {
            modelServiceOperator.Discovery.Dispose();
        }
    }

    private const string Header =
        "Generated by `modelservice rbac` from what the operator's code declares (build/gen-deploy.sh). Do not edit:\n"
        + "change the code and regenerate. docs/developer-guide/rbac.md explains how the rules are derived.";

    /// <summary>
    /// The chart's generated rule templates: one <c>define</c> per role holding its <c>rules</c> as a YAML sequence with
    /// the reasons as comments; the chart's hand-written templates place them into the ClusterRole or Role.
    /// </summary>
    private static string HelmRules(PermissionSet permissions, string eppClusterRole)
    {
        // The chart puts the operator's rules in a Role when it watches one namespace, where a cluster-scoped permission
        // would grant nothing; should the operator ever need one, the chart must grow a ClusterRole for it first.
        if (permissions.Permissions.FirstOrDefault(p => p.Scope == PermissionScope.Cluster) is { } cluster)
        {
            throw new InvalidOperationException($"The chart has no cluster-scoped role for {cluster}; extend charts/modelservice-operator/templates/rbac.yaml.");
        }

        var text = new StringBuilder();
        text.Append("{{/* ").Append(Header.Replace("\n", " ", StringComparison.Ordinal)).Append(" */}}\n");
        Define(text, "modelservice-operator.rules.operator", permissions.Where(p => p.Scope != PermissionScope.OperatorNamespace));
        Define(text, "modelservice-operator.rules.leaderElection", permissions.Where(p => p.Scope == PermissionScope.OperatorNamespace));
        Define(text, "modelservice-operator.rules.epp", EndpointPickerPermissions.Create());
        return text.ToString().Replace(eppClusterRole, "{{ include \"modelservice-operator.eppClusterRoleName\" . }}", StringComparison.Ordinal);
    }

    private static void Define(StringBuilder text, string name, PermissionSet grants)
    {
        text.Append("{{- define \"").Append(name).Append("\" }}\n");
        foreach (var line in RbacYaml.Explain(grants))
        {
            text.Append("# ").Append(line).Append('\n');
        }

        text.Append(KeelYaml.SerializeNode(RbacRoles.Rules(grants.Permissions)));
        text.Append("{{- end }}\n");
    }
}
