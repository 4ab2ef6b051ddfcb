using System.Collections.Concurrent;
using Keel.Model.Templating;

namespace Keel.Model.Rendering;

/// <summary>
/// What a render may reuse across calls: parsed templates (preset values, ModelService args) and preset values
/// already read from their rendered YAML into typed objects. Sharing one cache across reconciles makes a
/// re-render of an unchanged ModelService cheap; results are identical with or without it. Thread-safe and
/// bounded (a full cache is cleared, presets change rarely). Cached objects are never modified by the render.
/// </summary>
public sealed class RenderCache
{
    private readonly ConcurrentDictionary<PartKey, object> parts = new();
    private readonly int capacity;

    public RenderCache(int capacity = 4096, TemplateCache? templates = null)
    {
        this.capacity = capacity;
        Templates = templates ?? new TemplateCache(capacity);
    }

    /// <summary>Parsed templates, keyed by name and text.</summary>
    public TemplateCache Templates { get; }

    /// <summary>Number of preset values held as typed objects.</summary>
    public int PartCount => parts.Count;

    internal T GetOrAdd<T>(string source, string key, string renderedText, Func<T> create)
        where T : class
    {
        var partKey = new PartKey(source, key, renderedText);
        if (parts.TryGetValue(partKey, out var cached))
        {
            return (T)cached;
        }

        var value = create();
        if (parts.Count >= capacity)
        {
            parts.Clear();
        }

        return (T)parts.GetOrAdd(partKey, value);
    }

    private readonly record struct PartKey(string Source, string Key, string Text);
}
