using System.Text.Json.Nodes;
using Keel.ApiServer.Apply.Fields;
using Keel.ApiServer.Apply.Json;

namespace Keel.ApiServer.Apply.Managed;

/// <summary>
/// What a write through one endpoint may change (the API server's "reset fields"). With a status
/// subresource, the main resource cannot change <c>.status</c> (it keeps the live value; a create starts
/// without status) and the <c>status</c> subresource changes nothing but <c>.status</c>; nobody gains
/// ownership of fields the endpoint cannot change.
/// </summary>
internal sealed class ResetScope
{
    private static readonly PathElement Status = PathElement.Field("status");
    private static readonly FieldSet StatusOnly = FieldSet.Of(FieldPath.Of("status"));

    private readonly Mode mode;

    private ResetScope(Mode mode) => this.mode = mode;

    private enum Mode
    {
        Everything,
        AllButStatus,
        OnlyStatus,
    }

    public static ResetScope For(bool statusSubresource, string? subresource) =>
        !statusSubresource ? new ResetScope(Mode.Everything)
        : subresource == "status" ? new ResetScope(Mode.OnlyStatus)
        : string.IsNullOrEmpty(subresource) ? new ResetScope(Mode.AllButStatus)
        : new ResetScope(Mode.Everything);

    /// <summary>Removes the fields this endpoint cannot own.</summary>
    public FieldSet Ignore(FieldSet fields) => mode switch
    {
        Mode.AllButStatus => fields.RecursiveDifference(StatusOnly),
        Mode.OnlyStatus => fields.OnlyUnder(Status),
        _ => fields,
    };

    /// <summary>The object this endpoint actually writes, given the live object and the proposed one.</summary>
    public JsonObject Restrict(JsonObject? live, JsonObject proposed)
    {
        switch (mode)
        {
            case Mode.AllButStatus:
            {
                var result = (JsonObject)proposed.DeepClone();
                if (live is not null && live.TryGetPropertyValue("status", out var status))
                {
                    result["status"] = JsonValues.Clone(status);
                }
                else
                {
                    result.Remove("status");
                }
                return result;
            }
            case Mode.OnlyStatus when live is not null:
            {
                var result = (JsonObject)live.DeepClone();
                if (proposed.TryGetPropertyValue("status", out var status))
                {
                    result["status"] = JsonValues.Clone(status);
                }
                else
                {
                    result.Remove("status");
                }
                return result;
            }
            default:
                return (JsonObject)proposed.DeepClone();
        }
    }
}
