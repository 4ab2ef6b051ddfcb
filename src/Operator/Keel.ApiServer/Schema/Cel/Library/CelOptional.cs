using System.Collections;
using Cel;
using Google.Protobuf;

namespace Keel.ApiServer.Schema.Cel.Library;

/// <summary>
/// CEL optionals, enough for <c>optionalOldSelf</c> rules: <c>oldSelf.hasValue()</c>, <c>oldSelf.value()</c>,
/// <c>oldSelf.orValue(x)</c>, <c>a.or(b)</c>, <c>optional.of(x)</c>, <c>optional.none()</c>,
/// <c>optional.ofNonZeroValue(x)</c>. Optional selection syntax (<c>.?</c>) is rejected by the checker.
/// </summary>
internal sealed class CelOptional
{
    public static readonly CelOptional None = new(false, null);

    private CelOptional(bool hasValue, object? value)
    {
        HasValue = hasValue;
        Value = value;
    }

    public bool HasValue { get; }
    public object? Value { get; }

    public static CelOptional Of(object? value) => new(true, value);

    public static void Register(CelEnvironment environment)
    {
        environment.RegisterFunction("hasValue", [typeof(object)], a => Optional(a[0], "hasValue").HasValue);
        environment.RegisterFunction("value", [typeof(object)], a =>
        {
            var optional = Optional(a[0], "value");
            return optional.HasValue ? optional.Value : throw new CelEvaluationException("optional.none() dereference");
        });
        environment.RegisterFunction("orValue", [typeof(object), typeof(object)], a =>
        {
            var optional = Optional(a[0], "orValue");
            return optional.HasValue ? optional.Value : a[1];
        });
        environment.RegisterFunction("or", [typeof(object), typeof(object)], a =>
        {
            var optional = Optional(a[0], "or");
            return optional.HasValue ? optional : Optional(a[1], "or");
        });
        environment.RegisterFunction("of", [typeof(object), typeof(object)], a => Namespace(a[0], "of") ? Of(a[1]) : null);
        environment.RegisterFunction("none", [typeof(object)], a => Namespace(a[0], "none") ? None : null);
        environment.RegisterFunction("ofNonZeroValue", [typeof(object), typeof(object)], a =>
            Namespace(a[0], "ofNonZeroValue") && !IsZero(a[1]) ? Of(a[1]) : None);
    }

    private static CelOptional Optional(object? value, string function) => value as CelOptional ?? throw CelArgs.NoOverload(function, value);

    private static bool Namespace(object? value, string function) =>
        value is OptionalNamespace ? true : throw CelArgs.NoOverload(function, value);

    private static bool IsZero(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        long l => l == 0,
        ulong u => u == 0,
        double d => d == 0,
        bool b => !b,
        ByteString bytes => bytes.Length == 0,
        ICollection collection => collection.Count == 0,
        _ => false,
    };

    /// <summary>The value bound to the identifier <c>optional</c>, so <c>optional.of(x)</c> resolves as a call on it.</summary>
    public sealed class OptionalNamespace
    {
        public static readonly OptionalNamespace Instance = new();
    }
}
