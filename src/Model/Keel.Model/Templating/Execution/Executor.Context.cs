using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Keel.Model.Templating.Functions;

namespace Keel.Model.Templating.Execution;

/// <summary>What functions may ask of the execution: budgets, ports and compiled regular expressions.</summary>
internal sealed partial class Executor : IFunctionContext
{
    private const int RegexCacheCapacity = 512;
    private static readonly ConcurrentDictionary<(string Pattern, TimeSpan Timeout), GoRegexp> RegexCache = new();

    public TemplateLimits Limits => limits;

    public void Charge(long size)
    {
        if (size > limits.MaxValueSize)
        {
            throw TemplateRuntimeException.Limit($"a function built a value of {size} elements or characters, over the limit of {limits.MaxValueSize}");
        }

        allocated += size;
        if (allocated > limits.MaxAllocatedSize)
        {
            throw TemplateRuntimeException.Limit($"functions built more than the limit of {limits.MaxAllocatedSize} elements or characters in total");
        }
    }

    public int? LookupPort(string name)
    {
        foreach (var port in ports)
        {
            if (port.Key == name)
            {
                return port.Value;
            }
        }

        return null;
    }

    public GoRegexp Regex(string pattern)
    {
        var key = (pattern, limits.RegexTimeout);
        if (RegexCache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        GoRegexp regex;
        try
        {
            var (translated, names) = SprigRegex.Translate(pattern);
            regex = new GoRegexp(new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, limits.RegexTimeout), names);
        }
        catch (ArgumentException e)
        {
            throw new FunctionException($"regexp: Compile({Formatting.GoQuote.Quote(pattern)}): error parsing regexp: {e.Message}");
        }
        catch (NotSupportedException e)
        {
            throw new FunctionException($"regexp: Compile({Formatting.GoQuote.Quote(pattern)}): error parsing regexp: {e.Message}");
        }

        if (RegexCache.Count < RegexCacheCapacity)
        {
            RegexCache.TryAdd(key, regex);
        }

        return regex;
    }
}
