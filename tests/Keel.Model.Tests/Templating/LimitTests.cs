using CsCheck;
using Keel.Model.Templating;
using static Keel.Model.Tests.Templating.TemplateTestKit;

namespace Keel.Model.Tests.Templating;

/// <summary>Untrusted templates: every bound is a LimitExceeded error, never a hang, a crash or an exception.</summary>
public sealed class LimitTests
{
    private static readonly TemplateLimits Small = new()
    {
        MaxOutputLength = 1000,
        MaxRangeIterations = 500,
        MaxTemplateCallDepth = 10,
        MaxSteps = 20_000,
        MaxValueSize = 2000,
        MaxAllocatedSize = 10_000,
        MaxParseDepth = 20,
        MaxTemplateLength = 5000,
    };

    [Theory]
    [InlineData("{{range 1000}}x{{end}}", "range iterations exceed the limit of 500")]
    [InlineData("{{range 400}}{{range 400}}{{end}}{{end}}", "range iterations exceed the limit of 500")]
    [InlineData("{{range 100}}0123456789abcdefghijklmnop{{end}}", "output exceeds the limit of 1000 characters")]
    [InlineData("{{define \"r\"}}{{template \"r\" .}}{{end}}{{template \"r\" .}}", "exceeded maximum template depth (10)")]
    [InlineData("{{repeat 100000 \"x\"}}", "a function built a value of 100000 elements or characters, over the limit of 2000")]
    [InlineData("{{range 100}}{{$_ := repeat 1000 \"x\"}}{{end}}", "functions built more than the limit of 10000 elements or characters in total")]
    [InlineData("{{$d := dict}}{{$_ := set $d \"self\" $d}}{{$d}}", "value nested deeper than 64 levels cannot be printed")]
    [InlineData("{{printf \"%1000000d\" 1}}", "formatted value exceeds the limit of 2000")]
    [InlineData("{{until 100000}}", "functions built more than the limit of 10000")]
    public void Exceeding_a_bound_is_a_limit_error(string template, string message)
    {
        var error = Fail(template, limits: Small);
        Assert.Equal(TemplateErrorKind.LimitExceeded, error.Kind);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_a_parse_limit_not_a_stack_overflow()
    {
        var text = string.Concat(Enumerable.Repeat("{{if true}}", 10_000)) + string.Concat(Enumerable.Repeat("{{end}}", 10_000));
        var error = GoTemplate.Parse("deep", text).Error!;
        Assert.Equal(TemplateErrorKind.LimitExceeded, error.Kind);
        var parens = "{{" + new string('(', 5000) + "1" + new string(')', 5000) + "}}";
        Assert.Equal(TemplateErrorKind.LimitExceeded, GoTemplate.Parse("parens", parens).Error!.Kind);
    }

    [Fact]
    public void Long_text_is_refused_before_parsing()
    {
        Assert.Equal(TemplateErrorKind.LimitExceeded, GoTemplate.Parse("big", new string('x', 6000), limits: Small).Error!.Kind);
    }

    [Fact]
    public void Catastrophic_regex_is_linear_time()
    {
        Assert.Equal("false", Render("{{regexMatch \"(a+)+$\" \"" + new string('a', 5000) + "!\"}}"));
    }

    private static readonly string[] Fragments =
    [
        "{{", "}}", "{{-", "-}}", " ", "\n", ".", ".Name", ".List", ".Map", ".Missing", "$", "$x", ":=", "=", "|", "(", ")",
        "\"s\"", "`r`", "'c'", "1", "-2", "3.5", "0x1F", "1e400", "nil", "true", "if", "else", "end", "range", "with", "define",
        "template", "block", "break", "continue", "\"T\"", "printf", "\"%d %s %v %q %x %5.2f %*d\"", "index", "len", "slice", "eq",
        "lt", "and", "or", "not", "call", "html", "js", "urlquery", "print", "default", "toYaml", "toJson", "fromJson", "dict", "list",
        "set", "merge", "repeat", "until", "regexReplaceAll", "\"(a*)*\"", "split", "trunc", "substr", "b64dec", "int", "add", "div",
        "getPort", "required", "/*", "*/", ",", "{{/* c */}}", "{{range .List}}", "{{end}}", "{{if .Name}}", "{{else}}",
    ];

    [Fact]
    public void Random_templates_never_throw_and_never_exceed_the_bounds()
    {
        var data = Data();
        Gen.Int[0, Fragments.Length - 1].Array[0, 40]
            .Select(indexes => string.Concat(indexes.Select(i => Fragments[i])))
            .Sample(text =>
            {
                var parsed = GoTemplate.Parse("fuzz", text, limits: Small);
                if (!parsed.IsSuccess)
                {
                    Assert.NotEmpty(parsed.Error.Message);
                    return;
                }

                var result = parsed.Value.Execute(data, Small, Ports);
                if (result.IsSuccess)
                {
                    Assert.True(result.Value.Length <= Small.MaxOutputLength);
                }
                else
                {
                    Assert.DoesNotContain("internal error", result.Error.Message, StringComparison.Ordinal);
                }
            }, iter: 3000, threads: 1, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        Gen.String[Gen.Char[(char)0, (char)0x7F], 0, 60]
            .Sample(text =>
            {
                var parsed = GoTemplate.Parse("bytes", "{{" + text + "}}", limits: Small);
                if (parsed.IsSuccess)
                {
                    var result = parsed.Value.Execute(Data(), Small, Ports);
                    Assert.True(result.IsSuccess || !result.Error!.Message.StartsWith("internal error", StringComparison.Ordinal), result.Error?.ToString());
                }
            }, iter: 3000, threads: 1, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Parsed_templates_execute_concurrently()
    {
        var template = GoTemplate.Parse("shared", "{{range $i, $v := .List}}{{$i}}{{$v}}{{end}}-{{.Name}}").Value!;
        Parallel.For(0, 200, _ => Assert.Equal("0a1b2c-llama", template.Execute(Data()).Value));
    }
}
