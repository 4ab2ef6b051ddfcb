using System.Text.Json.Nodes;
using Keel.Model.Rendering;

namespace Keel.Model.Authoring.Testing;

/// <summary>The outcome of rendering a preset for one ModelService: the children, warnings and errors.</summary>
public sealed class PresetRender
{
    internal PresetRender(RenderResult result, string modelService, PresetForm form)
    {
        Result = result;
        ModelService = modelService;
        Form = form;
    }

    /// <summary>The full result of the render pipeline (children, diagnostics, status references, applied presets).</summary>
    public RenderResult Result { get; }

    /// <summary>Which ModelService was rendered (its file or name).</summary>
    public string ModelService { get; }

    /// <summary>The form the preset was exported in and read back from.</summary>
    public PresetForm Form { get; }

    public bool Succeeded => Result.Succeeded;

    /// <summary>The children in apply order (none when the render failed).</summary>
    public IReadOnlyList<RenderedChild> Children => Result.Children;

    /// <summary>The error messages (empty on success).</summary>
    public IReadOnlyList<string> Errors => Result.Errors.Select(e => e.Message).ToList();

    /// <summary>The warning messages (unknown fields, dangling references...).</summary>
    public IReadOnlyList<string> Warnings => Result.Warnings.Select(e => e.Message).ToList();

    /// <summary>Throws with every error when the render failed; returns this render otherwise.</summary>
    public PresetRender EnsureSuccess()
    {
        if (!Succeeded)
        {
            throw new InvalidOperationException($"rendering {ModelService} against the preset ({Form} form) failed:\n  " + string.Join("\n  ", Errors));
        }

        return this;
    }

    /// <summary>The child with <paramref name="role"/>; throws naming the children there are when it is missing.</summary>
    public RenderedChild Child(ChildRole role) =>
        Result.Child(role) ?? throw new InvalidOperationException(
            $"rendering {ModelService} gave no {role} child; children: {string.Join(", ", Children.Select(c => c.Role))}");

    /// <summary>The typed object of the child with <paramref name="role"/> (V1Deployment, V1Service, InferencePool...).</summary>
    public T Get<T>(ChildRole role)
        where T : class =>
        Child(role).Object as T ?? throw new InvalidOperationException($"the {role} child is a {Child(role).Object.GetType().Name}, not a {typeof(T).Name}");

    /// <summary>The child with <paramref name="role"/> as JSON (what the operator applies).</summary>
    public JsonObject Json(ChildRole role) => Child(role).ToJson();

    /// <summary>The children as the YAML stream the render command prints.</summary>
    public string ToYaml() => RenderYaml.Write(Children);
}
