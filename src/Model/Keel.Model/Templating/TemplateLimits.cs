namespace Keel.Model.Templating;

/// <summary>
/// Bounds on the work one untrusted template may do. Exceeding any of them is a
/// <see cref="TemplateErrorKind.LimitExceeded"/> error, never a hang or an out-of-memory.
/// The defaults are generous for presets (a few hundred lines of YAML) and small for an attacker.
/// </summary>
public sealed record TemplateLimits
{
    public static TemplateLimits Default { get; } = new();

    /// <summary>Longest template text accepted by Parse, in characters.</summary>
    public int MaxTemplateLength { get; init; } = 1024 * 1024;

    /// <summary>Deepest nesting of control structures and parentheses the parser accepts.</summary>
    public int MaxParseDepth { get; init; } = 100;

    /// <summary>Largest rendered output, in characters.</summary>
    public int MaxOutputLength { get; init; } = 1024 * 1024;

    /// <summary>Total iterations over all <c>range</c> actions of one execution.</summary>
    public int MaxRangeIterations { get; init; } = 100_000;

    /// <summary>Deepest chain of <c>template</c>/<c>block</c> calls (recursion depth).</summary>
    public int MaxTemplateCallDepth { get; init; } = 64;

    /// <summary>Total evaluation steps (actions, commands and function calls) of one execution.</summary>
    public int MaxSteps { get; init; } = 1_000_000;

    /// <summary>Largest string or collection one function call may build (characters or elements).</summary>
    public int MaxValueSize { get; init; } = 1024 * 1024;

    /// <summary>Total characters and elements all function calls of one execution may build.</summary>
    public int MaxAllocatedSize { get; init; } = 32 * 1024 * 1024;

    /// <summary>Time one regular expression match may take.</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);
}
