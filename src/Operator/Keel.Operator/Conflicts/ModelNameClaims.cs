using Keel.Model.Api;
using Keel.Runtime.Cache;

namespace Keel.Operator.Conflicts;

/// <summary>
/// The model-name rule (spec 6): two ModelServices in one namespace that claim the same <c>routing.modelName</c>
/// would both route the same OpenAI <c>model</c> value, so the older keeps the name and the newer is not served
/// (it gets <c>ModelNameConflict</c> and no children). "Older" is the earlier <c>creationTimestamp</c>, ties broken by
/// name, so every operator instance decides the same way. A ModelService being deleted no longer claims anything, so
/// the next one in line takes over at once. Each ModelService gets its own InferencePool, so the namespace is the
/// scope in which two claims meet (the gateway routes both).
/// </summary>
public static class ModelNameClaims
{
    /// <summary>The ModelService index: <c>"&lt;namespace&gt;/&lt;modelName&gt;"</c>.</summary>
    public const string IndexName = "llm-d.ai/model-name";

    public static IEnumerable<string> IndexValues(ModelService modelService) =>
        Claim(modelService) is { } claim ? [claim] : [];

    public static string? Claim(ModelService modelService)
    {
        ArgumentNullException.ThrowIfNull(modelService);
        var modelName = modelService.Spec?.Routing?.ModelName;
        return string.IsNullOrEmpty(modelName) ? null : $"{modelService.Metadata?.NamespaceProperty}/{modelName}";
    }

    /// <summary>The ModelService that holds <paramref name="modelService"/>'s model name before it, or null when it holds the name itself.</summary>
    public static ModelService? Holder(ModelService modelService, IObjectCache<ModelService> cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (Claim(modelService) is not { } claim || modelService.Metadata.DeletionTimestamp is not null)
        {
            return null;
        }

        return cache.ByIndex(IndexName, claim)
            .Where(other => other.Metadata.DeletionTimestamp is null && other.Metadata.Uid != modelService.Metadata.Uid)
            .Where(other => IsOlder(other, modelService))
            .OrderBy(other => other.Metadata.CreationTimestamp ?? DateTime.MaxValue)
            .ThenBy(other => other.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>Whether <paramref name="a"/> claimed first: earlier creation, then the smaller name.</summary>
    public static bool IsOlder(ModelService a, ModelService b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var ta = a.Metadata.CreationTimestamp ?? DateTime.MaxValue;
        var tb = b.Metadata.CreationTimestamp ?? DateTime.MaxValue;
        return ta != tb ? ta < tb : string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name) < 0;
    }
}
