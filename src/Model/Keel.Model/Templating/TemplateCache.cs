using System.Collections.Concurrent;
using Keel.Model.Templating.Functions;

namespace Keel.Model.Templating;

/// <summary>
/// Parses each distinct (name, text) once and hands out the shared, immutable result — parse
/// errors included, so a broken preset is not re-parsed on every reconcile. Thread-safe and bounded.
/// </summary>
public sealed class TemplateCache
{
    private readonly ConcurrentDictionary<(string Name, string Text), TemplateResult<GoTemplate>> entries = new();
    private readonly TemplateFunctions functions;
    private readonly TemplateLimits limits;
    private readonly int capacity;

    public TemplateCache(int capacity = 4096, TemplateFunctions? functions = null, TemplateLimits? limits = null)
    {
        this.capacity = capacity;
        this.functions = functions ?? TemplateFunctions.Default;
        this.limits = limits ?? TemplateLimits.Default;
    }

    public int Count => entries.Count;

    public TemplateResult<GoTemplate> GetOrParse(string name, string text)
    {
        var key = (name, text);
        if (entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var parsed = GoTemplate.Parse(name, text, functions, limits);
        if (entries.Count >= capacity)
        {
            entries.Clear(); // simple and bounded; presets change rarely, so a refill is cheap
        }

        return entries.GetOrAdd(key, parsed);
    }
}
