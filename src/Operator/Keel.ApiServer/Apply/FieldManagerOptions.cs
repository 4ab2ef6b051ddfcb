namespace Keel.ApiServer.Apply;

/// <summary>Per-kind settings of a <see cref="FieldManager"/>.</summary>
public sealed class FieldManagerOptions
{
    public static FieldManagerOptions Default { get; } = new();

    /// <summary>
    /// The kind has a status subresource. Then, as on a real API server, writes to the main resource
    /// (subresource null) keep <c>.status</c> from the live object (a create starts without status) and
    /// nobody gains ownership of it, while writes with subresource <c>"status"</c> change only <c>.status</c>
    /// and own nothing else. The caller therefore need not strip these fields itself.
    /// </summary>
    public bool StatusSubresource { get; init; }

    /// <summary>Update entries kept before the oldest merge into <c>ancient-changes</c> (the API server keeps 10).</summary>
    public int MaxUpdateManagers { get; init; } = 10;
}
