using System.Text.Json.Nodes;
using Keel.ApiServer.Admission;

namespace Keel.ApiServer.Operations;

/// <summary>Options shared by every write: <c>dryRun</c>, <c>fieldManager</c>, <c>fieldValidation</c>.</summary>
public sealed record WriteRequest(bool DryRun, string FieldManager, FieldValidationDirective Validation)
{
    /// <summary>The caller; null for the server's own controllers (which no write guard restricts).</summary>
    public Auth.UserInfo? User { get; init; }

    /// <summary>Writes made by the server's own controllers (garbage collector, namespace and CRD controllers).</summary>
    public static WriteRequest Internal(string manager) => new(false, manager, FieldValidationDirective.Ignore);
}

/// <summary>What a write did: the resulting object (at the storage version), and how it got there.</summary>
public sealed record WriteResult(JsonObject Object, WriteEffect Effect, IReadOnlyList<string> Warnings);

public enum WriteEffect
{
    Created,
    Updated,
    /// <summary>Nothing changed: resource version kept, no watch event.</summary>
    Unchanged,
    /// <summary>The write removed the last finalizer of an object being deleted, which deleted it.</summary>
    Deleted,
    /// <summary>Delete accepted but deferred by finalizers: the object now carries a deletionTimestamp.</summary>
    DeletionPending,
}
