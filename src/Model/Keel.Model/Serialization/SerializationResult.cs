using System.Diagnostics.CodeAnalysis;

namespace Keel.Model.Serialization;

/// <summary>A value read from text, or the error that prevented it.</summary>
public readonly record struct SerializationResult<T>
{
    private SerializationResult(T? value, SerializationError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public SerializationError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static SerializationResult<T> Success(T value) => new(value, null);

    public static SerializationResult<T> Failure(SerializationError error) => new(default, error);
}
