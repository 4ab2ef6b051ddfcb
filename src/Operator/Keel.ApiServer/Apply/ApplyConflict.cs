using System.Text;
using Keel.ApiServer.Apply.Json;
using Keel.ApiServer.Apply.Managed;

namespace Keel.ApiServer.Apply;

/// <summary>
/// A field an apply would change that another manager owns. <see cref="FieldPath"/> is printed as the
/// API server prints it: <c>.spec.replicas</c>, <c>.spec.template.spec.containers[name="vllm"].image</c>.
/// </summary>
public sealed record ApplyConflict(string Manager, string FieldPath)
{
    /// <summary>The owning entry's operation: <c>Apply</c> or <c>Update</c>.</summary>
    public string Operation { get; init; } = ManagerKey.ApplyOperation;

    /// <summary>The owning entry's API version; set for Update entries (the server names it in the message).</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The subresource the owning entry wrote through, if any.</summary>
    public string? Subresource { get; init; }

    /// <summary>
    /// The owner as the API server describes it: <c>"hpa" using apps/v1</c> for an update,
    /// <c>"other-applier"</c> for an applier, with <c>with subresource "status"</c> when it wrote a subresource.
    /// </summary>
    public string ManagerDescription
    {
        get
        {
            var description = GoJson.Quote(Manager);
            if (!string.IsNullOrEmpty(Subresource))
            {
                description += " with subresource " + GoJson.Quote(Subresource);
            }
            return Operation == ManagerKey.UpdateOperation ? $"{description} using {ApiVersion}" : description;
        }
    }

    /// <summary>The message of this conflict's Status cause (type <c>FieldManagerConflict</c>, field <see cref="FieldPath"/>).</summary>
    public string CauseMessage => "conflict with " + ManagerDescription;

    /// <summary>The cause type the API server puts on each conflict in the 409 Status.</summary>
    public const string CauseType = "FieldManagerConflict";

    /// <summary>
    /// The 409 Status message, exactly as the API server writes it:
    /// <c>Apply failed with 1 conflict: conflict with "hpa" using apps/v1: .spec.replicas</c>, or with
    /// several conflicts, <c>Apply failed with 2 conflicts: conflicts with "a" using apps/v1:\n- .spec.x\n- .spec.y</c>
    /// grouped by manager (managers in the server's order, paths in the given order).
    /// </summary>
    public static string FormatMessage(IReadOnlyList<ApplyConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(conflicts);
        if (conflicts.Count == 0)
        {
            throw new ArgumentException("there are no conflicts to describe", nameof(conflicts));
        }
        if (conflicts.Count == 1)
        {
            return $"Apply failed with 1 conflict: {conflicts[0].CauseMessage}: {conflicts[0].FieldPath}";
        }
        var builder = new StringBuilder($"Apply failed with {conflicts.Count} conflicts: ");
        var first = true;
        foreach (var group in conflicts.GroupBy(c => c.Identifier).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!first)
            {
                builder.Append('\n');
            }
            first = false;
            builder.Append("conflicts with ").Append(group.First().ManagerDescription).Append(':');
            foreach (var conflict in group)
            {
                builder.Append("\n- ").Append(conflict.FieldPath);
            }
        }
        return builder.ToString();
    }

    /// <summary>The owner's identity as the server keys entries (and orders conflict groups).</summary>
    internal string Identifier => Operation == ManagerKey.UpdateOperation
        ? ManagerKey.ForUpdate(Manager, ApiVersion, Subresource).Identifier
        : ManagerKey.ForApply(Manager, Subresource).Identifier;
}
