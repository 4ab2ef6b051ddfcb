namespace Keel.Runtime.Apply;

public enum ApplyOutcome
{
    /// <summary>The live object already matched: no request was sent.</summary>
    Unchanged,

    /// <summary>An apply request was sent (create or update).</summary>
    Applied,
}

/// <summary>What <see cref="ObjectWriter"/> did. <see cref="Object"/> is the server's answer when a request went out.</summary>
public sealed record ApplyResult<T>(ApplyOutcome Outcome, T? Object, string? Reason)
    where T : class;

public enum DeleteOutcome
{
    Deleted,

    /// <summary>It was already gone.</summary>
    NotFound,

    /// <summary>The precondition failed: the name now belongs to a different object (other uid), which was left alone.</summary>
    PreconditionFailed,
}

/// <summary>How dependents of a deleted object go (the API's <c>propagationPolicy</c>).</summary>
public enum PropagationPolicy
{
    Background,
    Foreground,
    Orphan,
}
