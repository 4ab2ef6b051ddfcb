using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Runtime.Cache;
using Keel.Runtime.Resources;

namespace Keel.Operator.Presets;

/// <summary>
/// Reads a ModelService's preset from the shared cache (spec 2.1, 2.4), honouring the trust rule (spec 2.2): a preset
/// in another namespace that the operator does not trust is never read; the render gets only its identity, so it
/// reports the refusal (<c>PresetNamespaceNotAllowed</c>) without the operator having looked at the content. Also the
/// index of ModelServices by the preset they name, which turns a preset's change into reconciles (spec 2.3).
/// </summary>
public sealed class PresetLookup
{
    /// <summary>The ModelService index: <c>"&lt;Kind&gt; &lt;namespace&gt;/&lt;name&gt;"</c> of the preset it names.</summary>
    public const string IndexName = "llm-d.ai/preset";

    private readonly IObjectCache<V1ConfigMap> _configMaps;
    private readonly IObjectCache<BaseConfig> _baseConfigs;
    private readonly PresetTrust _trust;

    public PresetLookup(IObjectCache<V1ConfigMap> configMaps, IObjectCache<BaseConfig> baseConfigs, PresetTrust trust)
    {
        _configMaps = configMaps ?? throw new ArgumentNullException(nameof(configMaps));
        _baseConfigs = baseConfigs ?? throw new ArgumentNullException(nameof(baseConfigs));
        _trust = trust ?? throw new ArgumentNullException(nameof(trust));
    }

    /// <summary>The index values of a ModelService (none when it names no preset).</summary>
    public static IEnumerable<string> IndexValues(ModelService modelService) =>
        PresetReference.For(modelService) is { } reference ? [reference.ToString()] : [];

    /// <summary>The index value a preset object answers to.</summary>
    public static string IndexValue(string kind, string? @namespace, string name) =>
        new PresetReference(kind, @namespace ?? string.Empty, name).ToString();

    /// <summary>
    /// The preset <paramref name="modelService"/> names, for the render: the cached object itself (no copy: the render
    /// never modifies its inputs), a metadata-only stand-in when its namespace is not trusted, or null when it names
    /// none or it does not exist.
    /// </summary>
    public PresetSource? Find(ModelService modelService, out PresetReference? reference)
    {
        ArgumentNullException.ThrowIfNull(modelService);
        reference = PresetReference.For(modelService);
        if (reference is null)
        {
            return null;
        }

        var key = new ObjectKey(reference.Namespace, reference.Name);
        var ownNamespace = modelService.Metadata?.NamespaceProperty ?? string.Empty;
        var isConfigMap = reference.Kind == AppliedConfigKinds.ConfigMap;
        if (!reference.IsTrusted(ownNamespace, _trust))
        {
            var identity = new V1ObjectMeta { Name = reference.Name, NamespaceProperty = reference.Namespace };
            return isConfigMap ? PresetSource.From(new V1ConfigMap { Metadata = identity }) : PresetSource.From(new BaseConfig { Metadata = identity });
        }

        if (isConfigMap)
        {
            return _configMaps.Peek(key) is { } configMap ? PresetSource.From(configMap) : null;
        }

        return _baseConfigs.Peek(key) is { } baseConfig ? PresetSource.From(baseConfig) : null;
    }
}
