using Keel.ApiServer.Hosting;
using Keel.ApiServer.LoadTest;

if (args is ["serve", ..])
{
    var port = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 0;
    await using var server = await LocalApiServer.StartAsync(new LocalApiServerOptions { Port = port, SimulateWorkloads = true }, CancellationToken.None);
    var path = Path.Combine(Path.GetTempPath(), "keel-local.kubeconfig");
    await server.WriteKubeconfigAsync(path);
    Console.WriteLine($"serving on {server.BaseAddress}; kubeconfig: {path}; press Ctrl+C to stop");
    var stop = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
    using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
    await stop.Task;
    return 0;
}

return await LoadTest.RunAsync(args);
