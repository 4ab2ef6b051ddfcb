using Keel.Model.Templating;
using Keel.Model.Templating.Values;

namespace Keel.Model.Tests.Templating;

/// <summary>Parse + execute helpers shared by the template tests.</summary>
internal static class TemplateTestKit
{
    public static readonly IReadOnlyList<KeyValuePair<string, int>> Ports =
    [
        new("app_port", 8000),
        new("internal", 8200),
        new("app_port", 9999), // duplicate: the first wins (compat)
    ];

    /// <summary>Test data: a map with a few typed entries, as a preset author's dictionary would be.</summary>
    public static TemplateValue Data() => TemplateValueConverter.FromObject(new Dictionary<string, object?>
    {
        ["Name"] = "llama",
        ["Empty"] = string.Empty,
        ["Zero"] = 0,
        ["One"] = 1,
        ["Pi"] = 3.5,
        ["True"] = true,
        ["False"] = false,
        ["Nil"] = null,
        ["List"] = new object?[] { "a", "b", "c" },
        ["Ints"] = new object?[] { 3, 1, 2 },
        ["EmptyList"] = Array.Empty<object?>(),
        ["Map"] = new Dictionary<string, object?> { ["b"] = 2, ["a"] = 1, ["c"] = 3 },
        ["Nested"] = new Dictionary<string, object?> { ["Inner"] = new Dictionary<string, object?> { ["Leaf"] = "leaf" } },
        ["Html"] = "<a href=\"x\">'&'</a>",
    });

    public static TemplateVariables Variables() => TemplateVariables.From(
        "my-llama", "team-a", "meta-llama/Llama-3.2-3B-Instruct", "hf://meta-llama/Llama-3.2-3B-Instruct", "hf-token", Ports);

    public static string Render(string text, TemplateValue? data = null, TemplateLimits? limits = null)
    {
        var parsed = GoTemplate.Parse("test", text, limits: limits);
        Assert.True(parsed.IsSuccess, parsed.Error?.ToString());
        var result = parsed.Value!.Execute(data ?? Data(), limits, Ports);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value!;
    }

    public static TemplateError Fail(string text, TemplateValue? data = null, TemplateLimits? limits = null)
    {
        var parsed = GoTemplate.Parse("test", text, limits: limits);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var result = parsed.Value.Execute(data ?? Data(), limits, Ports);
        Assert.False(result.IsSuccess, "expected an error, rendered: " + result.Value);
        return result.Error!;
    }
}
