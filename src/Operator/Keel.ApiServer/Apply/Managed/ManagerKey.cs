using System.Text;
using Keel.ApiServer.Apply.Json;

namespace Keel.ApiServer.Apply.Managed;

/// <summary>
/// The identity of a <c>managedFields</c> entry, as the API server builds it: entries merge per
/// (manager, operation, subresource), and update entries also per API version (an applier keeps one
/// entry whatever version it applies with).
/// </summary>
internal sealed record ManagerKey(string Manager, bool IsApply, string? ApiVersion, string? Subresource)
{
    public const string ApplyOperation = "Apply";
    public const string UpdateOperation = "Update";

    public static ManagerKey ForApply(string manager, string? subresource) =>
        new(manager, true, null, NullIfEmpty(subresource));

    public static ManagerKey ForUpdate(string manager, string? apiVersion, string? subresource) =>
        new(manager, false, NullIfEmpty(apiVersion), NullIfEmpty(subresource));

    public string Operation => IsApply ? ApplyOperation : UpdateOperation;

    /// <summary>
    /// The identifier the API server keys entries by and sorts conflicts by: the entry's JSON without
    /// time and fields (and without apiVersion for appliers), in Go field order.
    /// </summary>
    public string Identifier
    {
        get
        {
            var builder = new StringBuilder("{");
            builder.Append("\"manager\":");
            GoJson.WriteString(builder, Manager);
            builder.Append(",\"operation\":");
            GoJson.WriteString(builder, Operation);
            if (ApiVersion is not null)
            {
                builder.Append(",\"apiVersion\":");
                GoJson.WriteString(builder, ApiVersion);
            }
            if (Subresource is not null)
            {
                builder.Append(",\"subresource\":");
                GoJson.WriteString(builder, Subresource);
            }
            return builder.Append('}').ToString();
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
