using Keel.ApiServer.Auth;
using Keel.ApiServer.Resources;
using Microsoft.Extensions.Logging;

namespace Keel.ApiServer.Hosting;

/// <summary>How the local API server is started. Defaults suit tests: loopback, an ephemeral port, no RBAC.</summary>
public sealed class LocalApiServerOptions
{
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0: pick a free port.</summary>
    public int Port { get; set; }

    /// <summary>Events kept for watch resumption and exact-version lists; older versions answer 410.</summary>
    public int EventHistoryLimit { get; set; } = 10_000;

    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a watch without <c>timeoutSeconds</c> stays open.</summary>
    public TimeSpan DefaultWatchTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Events a watcher may fall behind before the server closes its stream.</summary>
    public int WatchBufferSize { get; set; } = 1_000;

    /// <summary>When set, state is loaded from this file at start and written back on stop (and periodically).</summary>
    public string? SnapshotPath { get; set; }

    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Marks Deployments ready after <see cref="WorkloadReadyDelay"/> (the embedded demo; off in tests).</summary>
    public bool SimulateWorkloads { get; set; }

    public TimeSpan WorkloadReadyDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Enforce the Roles, ClusterRoles and bindings stored in the server (otherwise everything is allowed).</summary>
    public bool EnableRbac { get; set; }

    /// <summary>A custom authorizer; overrides <see cref="EnableRbac"/>.</summary>
    public IAuthorizer? Authorizer { get; set; }

    /// <summary>Requests without a bearer token act as <c>system:anonymous</c>; otherwise they get 401.</summary>
    public bool AllowAnonymous { get; set; } = true;

    /// <summary>Static bearer tokens.</summary>
    public IDictionary<string, UserInfo> Tokens { get; } = new Dictionary<string, UserInfo>(StringComparer.Ordinal);

    /// <summary>Seeds uids, generated names and probabilistic faults, so runs are repeatable.</summary>
    public int Seed { get; set; } = 1;

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Kinds to serve besides the built-in ones.</summary>
    public IList<ResourceDefinition> AdditionalResources { get; } = [];

    /// <summary>Namespaces that exist from the start (the real server creates these four).</summary>
    public IList<string> InitialNamespaces { get; } = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public ILoggerFactory? LoggerFactory { get; set; }
}
