using System.Text.Json.Nodes;
using Keel.ApiServer.Admission;
using Keel.ApiServer.Auth;
using Keel.ApiServer.Controllers;
using Keel.ApiServer.Faults;
using Keel.ApiServer.Http;
using Keel.ApiServer.Observability;
using Keel.ApiServer.Operations;
using Keel.ApiServer.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Keel.ApiServer.Hosting;

/// <summary>
/// The local Kubernetes API server, in process on Kestrel. Start it, point KubernetesClient or kubectl
/// at <see cref="BaseAddress"/> (or a kubeconfig from <see cref="CreateKubeconfig"/>), and dispose it to stop.
/// <code>
/// await using var server = await LocalApiServer.StartAsync(new LocalApiServerOptions(), ct);
/// var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(server.CreateKubeconfig())));
/// </code>
/// </summary>
public sealed class LocalApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ApiServerCore _core;
    private readonly ControllerLoop _controllers;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _snapshots;
    private int _stopped;

    private LocalApiServer(WebApplication app, ApiServerCore core, ControllerLoop controllers, TokenAuthenticator authenticator,
        FaultInjector faults, RequestRecorder requests, Uri baseAddress)
    {
        _app = app;
        _core = core;
        _controllers = controllers;
        Authenticator = authenticator;
        Faults = faults;
        Requests = requests;
        BaseAddress = baseAddress;
        AdminToken = authenticator.Issue(UserInfo.Admin());
        _snapshots = core.Options.SnapshotPath is null ? Task.CompletedTask : Task.Run(() => SnapshotLoopAsync(_stopping.Token));
    }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A token for a <c>system:masters</c> user, used by <see cref="CreateKubeconfig"/> by default.</summary>
    public string AdminToken { get; }

    public TokenAuthenticator Authenticator { get; }

    public FaultInjector Faults { get; }

    public RequestRecorder Requests { get; }

    public ApiServerCore Core => _core;

    public static async Task<LocalApiServer> StartAsync(LocalApiServerOptions options, CancellationToken ct)
    {
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var core = new ApiServerCore(options);
        foreach (var definition in BuiltInResources.All.Concat(options.AdditionalResources))
        {
            core.Registry.Register(ResourceMachinery.ForBuiltIn(definition));
        }

        var controllers = new ControllerLoop(core.Store, loggerFactory.CreateLogger("Keel.ApiServer.Controllers"));
        var crds = new CrdController(core.Store, core.Registry, core.Writer, core.Deleter);
        if (options.SnapshotPath is { } snapshot && await Snapshot.LoadAsync(core.Store, snapshot, ct))
        {
            core.Writer.Reseed(HashCode.Combine(options.Seed, core.Store.CurrentResourceVersion));
            crds.RegisterAll();
        }

        controllers.Add(crds);
        controllers.Add(new NamespaceController(core.Store, core.Registry, core.Writer, core.Deleter));
        controllers.Add(new GarbageCollector(core.Store, core.Registry, core.Writer, core.Deleter));
        if (options.SimulateWorkloads)
        {
            controllers.Add(new WorkloadSimulator(core.Store, core.Registry, core.Writer, controllers, options.WorkloadReadyDelay, core.Clock));
        }

        controllers.Resync(core.Store);
        controllers.Start();
        EnsureNamespaces(core, options.InitialNamespaces);

        var authenticator = new TokenAuthenticator { AllowAnonymous = options.AllowAnonymous };
        foreach (var (token, user) in options.Tokens)
        {
            authenticator.Add(token, user);
        }

        IAuthorizer authorizer = AllowAllAuthorizer.Instance;
        if (options.Authorizer is { } custom)
        {
            authorizer = custom;
        }
        else if (options.EnableRbac)
        {
            var rbac = new RbacAuthorizer(core.Store);
            core.Writer.Guards.Add(new RbacEscalationGuard(rbac, core.Store));
            authorizer = rbac;
        }
        var faults = new FaultInjector(options.Seed, core.Store);
        var requests = new RequestRecorder();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedHostLifetime>();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Parse(options.Host), options.Port);
            k.Limits.MaxRequestBodySize = 4 * 1024 * 1024;
        });
        var app = builder.Build();
        var pipeline = new ApiPipeline(core, authenticator, authorizer, faults, requests, loggerFactory.CreateLogger("Keel.ApiServer"));
        app.Run(pipeline.InvokeAsync);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalApiServer(app, core, controllers, authenticator, faults, requests, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    /// <summary>A kubeconfig (YAML) for this server with a token for <paramref name="user"/> (default: an admin).</summary>
    public string CreateKubeconfig(UserInfo? user = null, string ns = "default") =>
        Kubeconfig.Render(BaseAddress, user is null ? AdminToken : Authenticator.Issue(user), ns: ns);

    public async Task WriteKubeconfigAsync(string path, UserInfo? user = null, CancellationToken ct = default) =>
        await File.WriteAllTextAsync(path, CreateKubeconfig(user), ct);

    /// <summary>Issues a bearer token for a user or service account.</summary>
    public string IssueToken(UserInfo user) => Authenticator.Issue(user);

    /// <summary>Waits until the garbage collector and the other built-in controllers have handled every change so far.</summary>
    public Task WaitForGarbageCollectionAsync(CancellationToken ct = default) => _controllers.WhenIdleAsync(ct);

    /// <summary>Creates or replaces a CRD (JSON or YAML) and waits until it is Established.</summary>
    public async Task InstallCrdAsync(string crdJsonOrYaml, CancellationToken ct = default)
    {
        var crd = (YamlJson.Parse(crdJsonOrYaml) as JsonObject) ?? throw new ArgumentException("not a CRD object", nameof(crdJsonOrYaml));
        var resource = _core.Registry.StorageVersion(CrdController.Crds)!;
        var name = Meta.Str(crd, "name");
        var request = WriteRequest.Internal("keel-local-api-server");
        if (_core.Store.Get(CrdController.Crds, "", name) is null)
        {
            _core.Writer.Create(resource, "", crd, request);
        }
        else
        {
            _core.Writer.Mutate(resource, "", name, null, request, current =>
            {
                Meta.Of(crd)["resourceVersion"] = current.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return (JsonObject)crd.DeepClone();
            });
        }

        await WaitForGarbageCollectionAsync(ct);
    }

    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _core.Store.CloseWatches(null, Storage.WatchCloseReason.Shutdown);
        await _stopping.CancelAsync();
        await _app.StopAsync(ct);
        await _snapshots;
        await _controllers.DisposeAsync();
        if (_core.Options.SnapshotPath is { } path)
        {
            await Snapshot.SaveAsync(_core.Store, path, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task SnapshotLoopAsync(CancellationToken ct)
    {
        var saved = _core.Store.CurrentResourceVersion;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_core.Options.SnapshotInterval, _core.Clock, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var current = _core.Store.CurrentResourceVersion;
            if (current != saved)
            {
                await Snapshot.SaveAsync(_core.Store, _core.Options.SnapshotPath!, ct);
                saved = current;
            }
        }
    }

    private static void EnsureNamespaces(ApiServerCore core, IEnumerable<string> names)
    {
        var namespaces = core.Registry.StorageVersion(new GroupResource("", "namespaces"))!;
        foreach (var name in names)
        {
            if (core.Store.Get(namespaces.GroupResource, "", name) is null)
            {
                core.Writer.Create(namespaces, "", new JsonObject
                {
                    ["apiVersion"] = "v1",
                    ["kind"] = "Namespace",
                    ["metadata"] = new JsonObject { ["name"] = name },
                }, WriteRequest.Internal("keel-local-api-server"));
            }
        }
    }
}
