using k8s.Models;
using Keel.Runtime.Cache;

namespace Keel.Runtime.Tests.Cache;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["app"] = "vllm", ["role"] = "decode", ["tier"] = "gpu" };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=vllm", true)]
    [InlineData("app==vllm,role=decode", true)]
    [InlineData("app!=vllm", false)]
    [InlineData("missing!=x", true)]
    [InlineData("role in (prefill, decode)", true)]
    [InlineData("role notin (decode)", false)]
    [InlineData("tier", true)]
    [InlineData("!tier", false)]
    [InlineData("!missing,app=vllm", true)]
    public void Parses_and_matches_the_string_form(string selector, bool matches)
        => Assert.Equal(matches, LabelSelector.Parse(selector).Matches(Labels));

    [Theory]
    [InlineData("=x")]
    [InlineData("role in decode")]
    [InlineData("a,,b")]
    public void Rejects_malformed_selectors_with_the_selector_in_the_message(string selector)
        => Assert.Contains(selector, Assert.Throws<FormatException>(() => LabelSelector.Parse(selector)).Message, StringComparison.Ordinal);

    [Fact]
    public void Builds_from_the_structured_form()
    {
        var selector = LabelSelector.From(new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["app"] = "vllm" },
            MatchExpressions = [new V1LabelSelectorRequirement { Key = "role", OperatorProperty = "In", Values = ["decode"] }],
        });
        Assert.True(selector.Matches(Labels));
        Assert.Equal("app=vllm,role in (decode)", selector.ToString());
        Assert.Throws<FormatException>(() => LabelSelector.From(new V1LabelSelector { MatchExpressions = [new V1LabelSelectorRequirement { Key = "k", OperatorProperty = "Gt" }] }));
    }
}
