namespace Keel.Runtime.Apply;

/// <summary>Which part of an object an apply writes: the object itself, or its <c>/status</c> subresource.</summary>
public enum ApplyScope
{
    Main,
    Status,
}
