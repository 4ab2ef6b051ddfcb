using System.Text.Json.Nodes;

namespace Keel.Model.Presets;

/// <summary>One part of a preset as written, before rendering.</summary>
/// <param name="Key">The ConfigMap key or BaseConfig field it came from.</param>
public abstract record PartContent(string Key);

/// <summary>
/// A template whose rendering is the YAML of the part: a ConfigMap preset's data value, or an entry of a
/// BaseConfig's <c>spec.templates</c>.
/// </summary>
public sealed record TemplateTextPart(string Key, string Text) : PartContent(Key);

/// <summary>
/// A BaseConfig typed part: JSON of the part's kind (a list of ConfigMaps for <c>configMaps</c>) whose string
/// values may be templates, including where the type wants an integer or a boolean.
/// </summary>
public sealed record TypedJsonPart(string Key, JsonNode Value) : PartContent(Key);
