using System.Diagnostics;
using System.Globalization;
using k8s;
using k8s.Models;
using Keel.Model.Api;
using Keel.Runtime.Cache;
using Keel.Runtime.Hosting;
using Keel.Runtime.Informers;
using Keel.Runtime.LeaderElection;
using Keel.Runtime.Resources;

namespace Keel.Operator.Scale;

/// <summary>
/// The scale run: populate the cluster, start the operator, and measure (1) the time until every ModelService is Ready,
/// (2) the operator's API requests per ModelService, (3) the writes of a full resync once converged (target: zero),
/// (4) a preset edit fanning out to every ModelService that uses it, (5) the operator's peak memory.
/// </summary>
internal static class ScaleRun
{
    public static async Task<int> RunAsync(ScaleOptions options)
    {
        Console.WriteLine($"Scale run: {options.Count} ModelServices in {options.Namespaces} namespaces, {options.Concurrency} concurrent reconciles, {Environment.ProcessorCount} cores");
        var (server, kubeconfig) = await ApiServerProcess.StartAsync(options.Repository).ConfigureAwait(false);
        try
        {
            var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig);
            using var admin = new Kubernetes(config);
            var clock = Stopwatch.StartNew();
            var keys = await Population.CreateAsync(admin, options).ConfigureAwait(false);
            Console.WriteLine($"  created in {clock.Elapsed.TotalSeconds:0.0} s (before the operator starts)");

            var counter = new RequestCounter();
            using var client = new Kubernetes(config, counter);
            var manager = new ControllerManager(client, new ManagerOptions
            {
                Name = ModelServiceOperatorOptions.FieldManager,
                FieldManager = ModelServiceOperatorOptions.FieldManager,
                MetricsBindAddress = "0",
                HealthProbeBindAddress = "0",
                LeaderElection = new LeaderElectionOptions { Enabled = false },
                Cache = new CacheOptions { Informer = new InformerOptions { ResyncPeriod = null } },
            });
            var op = new ModelServiceOperator(manager, new ModelServiceOperatorOptions { MaxConcurrentReconciles = options.Concurrency });
            using var memory = new MemorySampler();
            using var stop = new CancellationTokenSource();
            GC.Collect();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            clock.Restart();
            var running = Task.Run(() => op.RunAsync(stop.Token));
            var modelServices = manager.GetCache<ModelService>();
            await WaitAsync(() => keys.All(k => IsReady(modelServices.Peek(k))), options.Timeout, "every ModelService Ready").ConfigureAwait(false);
            var converged = clock.Elapsed;
            var atReady = counter.Snapshot();
            await SettleAsync(op).ConfigureAwait(false);
            var settled = counter.Snapshot();
            var reconciles = op.Reconciler.Completed;

            // A full resync once converged: every ModelService reconciled again.
            var before = op.Reconciler.Completed;
            clock.Restart();
            manager.Cache.GetInformer<ModelService>().Resync();
            await WaitAsync(() => op.Reconciler.Completed >= before + options.Count, options.Timeout, "the resync").ConfigureAwait(false);
            var resyncTime = clock.Elapsed;
            await SettleAsync(op).ConfigureAwait(false);
            var afterResync = counter.Snapshot();

            // A preset edit: the single-node BaseConfig's image changes in every namespace.
            var singleNode = keys.Where((_, i) => i % Population.Scenarios.Length == 0).ToList();
            var edited = File.ReadAllText(Path.Combine(options.Repository, "samples", "single-node-hf", "preset-baseconfig.yaml")).Replace("v0.11.2", "v0.12.0", StringComparison.Ordinal);
            var deployments = manager.GetCache<V1Deployment>();
            clock.Restart();
            for (var n = 0; n < options.Namespaces; n++)
            {
                await Population.ApplyAsync(admin, Population.Manifest(edited), $"scale-{n}").ConfigureAwait(false);
            }

            await WaitAsync(() => singleNode.All(k => deployments.Peek(new ObjectKey(k.Namespace, k.Name + "-decode"))?.Spec?.Template?.Spec?.Containers?[0].Image == "vllm/vllm-openai:v0.12.0"),
                options.Timeout, "the preset edit reaches every user").ConfigureAwait(false);
            var fanOut = clock.Elapsed;
            await SettleAsync(op).ConfigureAwait(false);
            var afterEdit = counter.Snapshot();

            var peak = memory.Peak;
            var serverPeak = await ApiServerProcess.PeakMemoryAsync(server).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            await running.ConfigureAwait(false);

            var children = manager.Cache.Informers.Where(i => i.ObjectType != typeof(ModelService) && i.ObjectType != typeof(BaseConfig)).Sum(i => i.Stats.Events);
            Console.WriteLine();
            Console.WriteLine("| measure | result |");
            Console.WriteLine("|---|---|");
            Row("ModelServices (children)", $"{options.Count} ({CountChildren(op, keys)})");
            Row("time to converge (operator start → every ModelService Ready)", $"{converged.TotalSeconds:0.0} s ({options.Count / converged.TotalSeconds:0} ModelServices/s)");
            Row("reconciles until quiet", $"{reconciles} ({(double)reconciles / options.Count:0.0} per ModelService)");
            Row("API requests until Ready, per ModelService", $"{(double)(atReady.Reads + atReady.Watches + atReady.Writes) / options.Count:0.0} (writes {(double)atReady.Writes / options.Count:0.0}, of which Events {(double)atReady.EventWrites / options.Count:0.0}; reads {atReady.Reads}, watches {atReady.Watches} in all)");
            Row("API requests until quiet, per ModelService", $"{(double)(settled.Reads + settled.Watches + settled.Writes) / options.Count:0.0} (writes {(double)settled.Writes / options.Count:0.0})");
            Row("full resync once converged: writes", $"{afterResync.Writes - settled.Writes} (reads {afterResync.Reads - settled.Reads}; {options.Count} reconciles in {resyncTime.TotalSeconds:0.0} s)");
            Row($"preset edit reaching its {singleNode.Count} ModelServices", $"{fanOut.TotalSeconds:0.0} s, {afterEdit.Writes - afterResync.Writes} writes");
            Row("operator peak memory (working set / managed heap)", $"{peak.WorkingSet / 1048576.0:0} MiB / {peak.Managed / 1048576.0:0} MiB (managed before start {baseline / 1048576.0:0} MiB)");
            Row("API server process peak working set (for reference)", $"{serverPeak / 1048576.0:0} MiB");
            return 0;
        }
        finally
        {
            server.StandardInput.Close();
            await server.WaitForExitAsync().ConfigureAwait(false);
            server.Dispose();
        }
    }

    private static void Row(string measure, string result) => Console.WriteLine($"| {measure} | {result} |");

    private static int CountChildren(ModelServiceOperator op, IReadOnlyList<ObjectKey> keys)
    {
        var modelServices = op.Manager.GetCache<ModelService>();
        return keys.Sum(k => modelServices.Peek(k) is { } ms ? op.Kinds.All.Sum(kind => kind.ControlledBy(ms.Metadata.Uid).Count) : 0);
    }

    private static bool IsReady(ModelService? ms) =>
        ms?.Status?.Conditions?.FirstOrDefault(c => c.Type == ModelServiceConditions.Ready) is { Status: "True" } ready
        && ready.ObservedGeneration == ms.Metadata.Generation;

    private static async Task WaitAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s waiting for {what}");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the controller has been idle for a while: the echoes of its own writes are handled.</summary>
    private static async Task SettleAsync(ModelServiceOperator op)
    {
        for (var quiet = 0; quiet < 3;)
        {
            var before = op.Reconciler.Completed;
            await Task.Delay(200).ConfigureAwait(false);
            quiet = op.Reconciler.Completed == before && op.Controller.QueueDepth == 0 && op.Reconciler.InFlight == 0 ? quiet + 1 : 0;
        }
    }

    /// <summary>Samples the process's working set and managed heap for their peaks.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private long _workingSet;
        private long _managed;

        public MemorySampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

        public (long WorkingSet, long Managed) Peak
        {
            get
            {
                Sample();
                using var self = Process.GetCurrentProcess();
                return (Math.Max(Interlocked.Read(ref _workingSet), self.PeakWorkingSet64), Interlocked.Read(ref _managed));
            }
        }

        public void Dispose() => _timer.Dispose();

        private void Sample()
        {
            InterlockedMax(ref _workingSet, Environment.WorkingSet);
            InterlockedMax(ref _managed, GC.GetTotalMemory(false));
        }

        private static void InterlockedMax(ref long target, long value)
        {
            long current;
            while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
