using Keel.ApiServer.Operations;
using Keel.ApiServer.Resources;
using Keel.ApiServer.Storage;

namespace Keel.ApiServer.Hosting;

/// <summary>The server's parts, wired once: storage, registry, the write/read operations and the clock.</summary>
public sealed class ApiServerCore
{
    public ApiServerCore(LocalApiServerOptions options)
    {
        Options = options;
        Clock = options.Clock;
        Store = new ObjectStore(options.EventHistoryLimit);
        Registry = new ResourceRegistry();
        Writer = new ObjectWriter(Store, Registry, Clock, options.Seed);
        Deleter = new ObjectDeleter(Writer);
        Lister = new ObjectLister(Store);
    }

    public LocalApiServerOptions Options { get; }
    public TimeProvider Clock { get; }
    public ObjectStore Store { get; }
    public ResourceRegistry Registry { get; }
    public ObjectWriter Writer { get; }
    public ObjectDeleter Deleter { get; }
    public ObjectLister Lister { get; }
}
