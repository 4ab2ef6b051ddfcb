using Keel.ApiServer.Storage;

namespace Keel.ApiServer.Controllers;

/// <summary>A controller built into the server (garbage collector, namespace and CRD controllers, workload simulation).</summary>
public interface IClusterController
{
    /// <summary>Handles one committed change; runs on the controller loop, one event at a time, in commit order.</summary>
    void Handle(StoreEvent e);
}
