namespace Keel.Model.Rendering;

/// <summary>Whether a diagnostic stops the render.</summary>
public enum RenderSeverity
{
    /// <summary>Reported (in the <c>Rendered</c> condition's message and by the render command); the children are still produced.</summary>
    Warning,

    /// <summary>The render produces no children; the reconcile stops before any write.</summary>
    Error,
}

/// <summary>
/// One thing the render wants a person to know: a value, never an exception. <see cref="Message"/> is one
/// line that names where the problem is (preset key and line, or ModelService field path) and reads well
/// in a Kubernetes condition, e.g.
/// <c>preset ConfigMap models/pd-preset, key decodeDeployment, line 12, column 9: unknown field "imagePullPolicyy" dropped</c>.
/// </summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="Reason">A CamelCase reason for a condition (<see cref="RenderReasons"/>).</param>
/// <param name="Message">The whole message, location included.</param>
/// <param name="Location">Where, for tools: <c>preset:decodeDeployment</c>, <c>spec.decode.containers[0].args[1]</c>; null when nowhere in particular.</param>
public sealed record RenderDiagnostic(RenderSeverity Severity, string Reason, string Message, string? Location = null)
{
    /// <summary>The ModelService condition this diagnostic speaks for (<see cref="RenderReasons.ConditionOf"/>).</summary>
    public string Condition => RenderReasons.ConditionOf(Reason);

    public bool IsError => Severity == RenderSeverity.Error;

    public override string ToString() => (IsError ? "error: " : "warning: ") + Message;

    public static RenderDiagnostic Error(string reason, string message, string? location = null) =>
        new(RenderSeverity.Error, reason, message, location);

    public static RenderDiagnostic Warning(string reason, string message, string? location = null) =>
        new(RenderSeverity.Warning, reason, message, location);
}
