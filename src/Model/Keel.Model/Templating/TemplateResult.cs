using System.Diagnostics.CodeAnalysis;

namespace Keel.Model.Templating;

/// <summary>A value or the <see cref="TemplateError"/> that prevented it; the engine never throws.</summary>
public readonly struct TemplateResult<T>
    where T : class
{
    private TemplateResult(T? value, TemplateError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public TemplateError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static TemplateResult<T> Success(T value) => new(value, null);

    public static TemplateResult<T> Failure(TemplateError error) => new(null, error);

    public bool TryGetValue([NotNullWhen(true)] out T? value, [NotNullWhen(false)] out TemplateError? error)
    {
        value = Value;
        error = Error;
        return Error is null;
    }

    public static implicit operator TemplateResult<T>(TemplateError error) => Failure(error);

    public override string ToString() => IsSuccess ? Value.ToString() ?? string.Empty : Error.ToString();
}
