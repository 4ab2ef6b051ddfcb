using System.Collections;
using Cel;
using Google.Protobuf;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Cel.Library;

/// <summary>
/// Replacements for standard functions whose Cel package behaviour differs from CEL as Kubernetes runs it:
/// <c>has()</c> tests presence (not proto3 non-emptiness), <c>size()</c> returns an int, <c>matches()</c> uses RE2
/// semantics with a cache.
/// </summary>
internal static class CoreFunctions
{
    public static void Register(CelEnvironment environment)
    {
        environment.RegisterFunction("has", [typeof(object)], args => !CelArgs.IsAbsentField(args[0]));
        environment.RegisterFunction("size", [typeof(object)], args => Size(args[0]));
        environment.RegisterFunction("matches", [typeof(object), typeof(object)], args =>
            Matches(CelArgs.String(args[0], "matches"), CelArgs.String(args[1], "matches")));
    }

    public static long Size(object? value) => value switch
    {
        string s => s.EnumerateRunes().LongCount(),
        ByteString b => b.Length,
        IDictionary d => d.Count,
        IList l => l.Count,
        _ => throw CelArgs.NoOverload("size", value),
    };

    public static bool Matches(string text, string pattern)
    {
        if (!Re2Regex.TryCompile(pattern, out var regex, out var error))
        {
            throw new CelEvaluationException(error ?? "invalid regular expression");
        }

        return regex!.IsMatch(text);
    }
}
