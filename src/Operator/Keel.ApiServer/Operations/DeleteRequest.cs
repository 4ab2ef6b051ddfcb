namespace Keel.ApiServer.Operations;

public enum PropagationPolicy
{
    Background,
    Foreground,
    Orphan,
}

/// <summary>DeleteOptions: propagation, preconditions and dry run (grace periods are accepted and ignored: nothing runs).</summary>
public sealed record DeleteRequest(PropagationPolicy? Propagation, string? PreconditionUid, string? PreconditionResourceVersion, bool DryRun)
{
    public static readonly DeleteRequest Default = new(null, null, null, false);
}

/// <summary>The finalizers the garbage collector owns.</summary>
public static class GcFinalizers
{
    public const string Orphan = "orphan";
    public const string ForegroundDeletion = "foregroundDeletion";
}
