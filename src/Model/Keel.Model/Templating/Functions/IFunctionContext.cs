using System.Text.RegularExpressions;
using Keel.Model.Templating.Values;

namespace Keel.Model.Templating.Functions;

/// <summary>What a function may ask of the execution that calls it: budgets, ports, regexes.</summary>
internal interface IFunctionContext
{
    TemplateLimits Limits { get; }

    /// <summary>Accounts for a value a function builds; throws a limit error past the bounds.</summary>
    void Charge(long size);

    /// <summary>The port of the routing port with that name (the first, if several), or null.</summary>
    int? LookupPort(string name);

    /// <summary>A compiled regular expression with the execution's timeout; throws FunctionException when invalid.</summary>
    GoRegexp Regex(string pattern);
}

/// <summary>A function's own error; the executor reports it as "error calling NAME: message".</summary>
internal sealed class FunctionException(string message) : Exception(message);

/// <summary>A compiled RE2 pattern: the .NET regex (all groups unnamed) and Go's group names by number.</summary>
internal sealed record GoRegexp(Regex Regex, IReadOnlyList<string?> GroupNames);
