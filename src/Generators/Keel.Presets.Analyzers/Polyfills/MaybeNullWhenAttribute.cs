namespace System.Diagnostics.CodeAnalysis;

/// <summary>netstandard2.0 lacks the nullable-analysis attributes the shared sources use.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class MaybeNullWhenAttribute(bool returnValue) : Attribute
{
    public bool ReturnValue { get; } = returnValue;
}

/// <summary>netstandard2.0 lacks the nullable-analysis attributes the shared sources use.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class NotNullWhenAttribute(bool returnValue) : Attribute
{
    public bool ReturnValue { get; } = returnValue;
}
