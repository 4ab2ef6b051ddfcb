namespace Keel.Model.Authoring;

/// <summary>
/// Declares a routing port (spec.routing.ports[].name) the ModelService must define for this preset: what its
/// templates read with <c>getPort</c>. The presets analyzer checks that every port a preset reads is declared, and
/// that the project's sample ModelServices define it; the export lists the ports in the YAML's header comment.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class RequiresRoutingPortAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>What the port is for (shown in the exported YAML's header).</summary>
    public string? Description { get; init; }
}

/// <summary>
/// Marks a class that builds parts for presets (shared containers, helpers): the presets analyzer checks its
/// strings as templates, as it does for every <see cref="Preset"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PresetComponentAttribute : Attribute
{
}

/// <summary>Marks a string parameter that takes Go template text: the presets analyzer parses constant arguments.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class GoTemplateAttribute : Attribute
{
}
