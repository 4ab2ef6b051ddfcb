using System.Text.Json.Nodes;
using Keel.ApiServer.Resources;

namespace Keel.ApiServer.Operations;

/// <summary>A check on a write that depends on who makes it; throws an <see cref="Http.ApiException"/> to refuse.</summary>
public interface IWriteGuard
{
    void Check(ServedResource resource, JsonObject obj, JsonObject? old, WriteRequest request);
}
