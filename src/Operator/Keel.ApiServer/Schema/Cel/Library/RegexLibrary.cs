using Cel;
using Keel.ApiServer.Schema.Model;

namespace Keel.ApiServer.Schema.Cel.Library;

/// <summary>The Kubernetes CEL regex library: <c>find</c> and <c>findAll</c> with RE2 semantics.</summary>
internal static class RegexLibrary
{
    public static void Register(CelEnvironment environment)
    {
        environment.RegisterFunction("find", [typeof(object), typeof(object)], a =>
        {
            var match = Compile(CelArgs.String(a[1], "find")).Match(CelArgs.String(a[0], "find"));
            return match.Success ? match.Value : "";
        });
        environment.RegisterFunction("findAll", [typeof(object), typeof(object)], a =>
            FindAll(CelArgs.String(a[0], "findAll"), CelArgs.String(a[1], "findAll"), -1));
        environment.RegisterFunction("findAll", [typeof(object), typeof(object), typeof(object)], a =>
            FindAll(CelArgs.String(a[0], "findAll"), CelArgs.String(a[1], "findAll"), CelArgs.Int(a[2], "findAll")));
    }

    private static object?[] FindAll(string text, string pattern, long limit)
    {
        if (limit == 0)
        {
            return [];
        }

        var matches = Compile(pattern).Matches(text).Select(m => (object?)m.Value);
        return (limit > 0 ? matches.Take((int)Math.Min(limit, int.MaxValue)) : matches).ToArray();
    }

    private static System.Text.RegularExpressions.Regex Compile(string pattern) =>
        Re2Regex.TryCompile(pattern, out var regex, out var error) ? regex! : throw new CelEvaluationException(error ?? "invalid regular expression");
}
