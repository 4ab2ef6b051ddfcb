namespace Keel.Model.Templating.Execution;

/// <summary>
/// Raised inside the engine and turned into a <see cref="TemplateError"/> at the Parse/Execute
/// boundary, where the template name, line, column and action are attached. Never escapes.
/// </summary>
internal sealed class TemplateRuntimeException : Exception
{
    public TemplateRuntimeException(string message, TemplateErrorKind kind = TemplateErrorKind.Execution)
        : base(message)
    {
        Kind = kind;
    }

    public TemplateErrorKind Kind { get; }

    public static TemplateRuntimeException Limit(string message) => new(message, TemplateErrorKind.LimitExceeded);
}
