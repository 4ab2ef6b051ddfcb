using Keel.ApiServer.Apply.Fields;

namespace Keel.ApiServer.Apply.Managed;

/// <summary>One manager's owned fields: the decoded form of a <c>managedFields</c> entry.</summary>
internal sealed record ManagedEntry(ManagerKey Key, FieldSet Fields, string ApiVersion, DateTimeOffset? Time);
