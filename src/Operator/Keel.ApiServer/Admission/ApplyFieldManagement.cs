using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;
using Keel.ApiServer.Http;

namespace Keel.ApiServer.Admission;

/// <summary>Field management backed by the Apply module, with one kind's merge topology.</summary>
public sealed class ApplyFieldManagement : IFieldManagement
{
    private readonly MergeTopology _topology;
    private readonly FieldManager _manager;

    public ApplyFieldManagement(MergeTopology topology, bool statusSubresource)
    {
        _topology = topology;
        _manager = new FieldManager(topology, new FieldManagerOptions { StatusSubresource = statusSubresource });
    }

    public JsonObject TrackUpdate(JsonObject? oldObject, JsonObject updated, string manager, string? subresource, DateTimeOffset now) =>
        Guard(() => _manager.Update(oldObject, updated, manager, subresource, now));

    public ApplyResult Apply(JsonObject? live, JsonObject applied, string manager, bool force, string? subresource, DateTimeOffset now)
    {
        var outcome = Guard(() => _manager.Apply(live, applied, manager, force, subresource, now));
        var conflicts = outcome.Conflicts.Select(c => new ApplyConflictInfo(c.Manager, c.FieldPath, c.CauseMessage)).ToList();
        return new ApplyResult(outcome.Result, conflicts, outcome.ConflictMessage ?? "");
    }

    public JsonObject MergePatch(JsonObject target, JsonNode patch) =>
        Guard(() => Patches.JsonMerge(target, patch)) as JsonObject ?? throw ApiException.BadRequest("the merge patch does not produce an object");

    public JsonObject StrategicMergePatch(JsonObject target, JsonObject patch) => Guard(() => Patches.StrategicMerge(target, patch, _topology));

    public JsonObject JsonPatch(JsonObject target, JsonArray patch) =>
        Guard(() => Patches.JsonPatch(target, patch)) as JsonObject ?? throw ApiException.BadRequest("the JSON patch does not produce an object");

    public bool SemanticallyEqual(JsonObject a, JsonObject b) => FieldManager.SemanticallyEqual(a, b);

    private static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (PatchException e)
        {
            throw e.StatusCode == PatchException.Unprocessable
                ? new ApiException(422, "Invalid", e.Message)
                : ApiException.BadRequest(e.Message);
        }
    }
}
