using Keel.ApiServer.Selectors;

namespace Keel.ApiServer.Operations;

/// <summary>The list options of a request (also the filter of a watch).</summary>
public sealed record ListRequest(
    LabelSelector Labels,
    FieldSelector Fields,
    long Limit,
    string? Continue,
    string? ResourceVersion,
    string? ResourceVersionMatch)
{
    public static readonly ListRequest All = new(LabelSelector.Everything, FieldSelector.Everything, 0, null, null, null);
}
