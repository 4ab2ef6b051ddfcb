using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Merging;

namespace Keel.Model.Rendering;

/// <summary>The containers one section of the ModelService asks for, as Kubernetes containers with rendered args.</summary>
/// <param name="Containers">spec.&lt;section&gt;.containers, or null when unset.</param>
/// <param name="InitContainers">spec.&lt;section&gt;.initContainers, or null when unset.</param>
/// <param name="ModelMounts">Names of the containers (and init containers) with <c>mountModelVolume: true</c>, in order.</param>
internal sealed record SectionContainers(IList<V1Container>? Containers, IList<V1Container>? InitContainers, IReadOnlyList<string> ModelMounts)
{
    public static SectionContainers Empty { get; } = new(null, null, []);
}

/// <summary>The rendered containers of decode, prefill and the endpoint picker.</summary>
internal sealed record RenderedContainers(SectionContainers Decode, SectionContainers Prefill, SectionContainers EndpointPicker)
{
    public static RenderedContainers None { get; } = new(SectionContainers.Empty, SectionContainers.Empty, SectionContainers.Empty);

    /// <summary>
    /// Converts the ModelService's container sections, rendering every arg that holds a template (spec 3: decode,
    /// prefill and — a fix — endpointPicker). Errors name the field path, e.g. <c>spec.decode.containers[0].args[1]</c>.
    /// </summary>
    public static RenderedContainers From(RenderContext context) => new(
        Section(context, "spec.decode", context.Spec.Decode?.Containers, context.Spec.Decode?.InitContainers),
        Section(context, "spec.prefill", context.Spec.Prefill?.Containers, context.Spec.Prefill?.InitContainers),
        Section(context, "spec.endpointPicker", context.Spec.EndpointPicker?.Containers, context.Spec.EndpointPicker?.InitContainers));

    private static SectionContainers Section(RenderContext context, string path, IList<ContainerSpec>? containers, IList<ContainerSpec>? initContainers)
    {
        var mounts = new List<string>();
        var main = Convert(context, path + ".containers", containers, mounts);
        var init = Convert(context, path + ".initContainers", initContainers, mounts);
        return main is null && init is null ? SectionContainers.Empty : new SectionContainers(main, init, mounts);
    }

    private static List<V1Container>? Convert(RenderContext context, string path, IList<ContainerSpec>? specs, List<string> mounts)
    {
        if (specs is null)
        {
            return null;
        }

        var result = new List<V1Container>(specs.Count);
        for (var i = 0; i < specs.Count; i++)
        {
            var spec = specs[i];
            var itemPath = $"{path}[{i}]";
            if (spec is null || string.IsNullOrEmpty(spec.Name))
            {
                context.Diagnostics.Error(RenderReasons.InvalidModelService, $"ModelService field {itemPath}.name: a container needs a name", itemPath + ".name");
                continue;
            }

            if (result.Any(c => string.Equals(c.Name, spec.Name, StringComparison.Ordinal)))
            {
                context.Diagnostics.Error(RenderReasons.InvalidModelService, $"ModelService field {itemPath}.name: container name \"{spec.Name}\" is used twice", itemPath + ".name");
                continue;
            }

            if (spec.MountModelVolume == true)
            {
                mounts.Add(spec.Name);
            }

            result.Add(new V1Container
            {
                Name = spec.Name,
                Image = spec.Image,
                Command = spec.Command is null ? null : [.. spec.Command],
                Args = RenderArgs(context, itemPath + ".args", spec.Args),
                Env = spec.Env?.Select(e => ObjectMerger.Clone(e)!).ToList(),
                EnvFrom = spec.EnvFrom?.Select(e => ObjectMerger.Clone(e)!).ToList(),
                Resources = ObjectMerger.Clone(spec.Resources),
            });
        }

        return result;
    }

    private static List<string>? RenderArgs(RenderContext context, string path, IList<string>? args)
    {
        if (args is null)
        {
            return null;
        }

        var result = new List<string>(args.Count);
        for (var j = 0; j < args.Count; j++)
        {
            var arg = args[j] ?? string.Empty;
            if (!arg.Contains("{{", StringComparison.Ordinal))
            {
                result.Add(arg); // no action: rendering would give the text back unchanged
                continue;
            }

            var name = $"{path}[{j}]";
            var parsed = context.Cache.Templates.GetOrParse(name, arg);
            var rendered = parsed.TryGetValue(out var template, out var parseError) ? template.Execute(context.Variables) : parseError;
            if (rendered.TryGetValue(out var value, out var error))
            {
                result.Add(value);
            }
            else
            {
                context.Diagnostics.Error(RenderReasons.TemplateError, $"ModelService field {name}: {error}", name);
                result.Add(arg);
            }
        }

        return result;
    }
}
