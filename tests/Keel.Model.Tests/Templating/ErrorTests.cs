using Keel.Model.Templating;
using static Keel.Model.Tests.Templating.TemplateTestKit;

namespace Keel.Model.Tests.Templating;

/// <summary>Every error path: Go's message, our location and the one-line form.</summary>
public sealed class ErrorTests
{
    [Theory]
    // lexer
    [InlineData("{{.Name", "unclosed action")]
    [InlineData("{{/* x", "unclosed comment")]
    [InlineData("{{/* x */ .Name}}", "comment ends before closing delimiter")]
    [InlineData("{{\"abc}}", "unterminated quoted string")]
    [InlineData("{{`abc}}", "unterminated raw quoted string")]
    [InlineData("{{'a}}", "unterminated character constant")]
    [InlineData("{{3x}}", "bad number syntax: \"3x\"")]
    [InlineData("{{.Name#}}", "bad character U+0023 '#'")]
    [InlineData("{{(.Name}}", "unclosed left paren")]
    [InlineData("{{.Name)}}", "unexpected right paren")]
    [InlineData("{{$x :}}", "expected :=")]
    [InlineData("{{\u0001}}", "unrecognized character in action: U+0001")]
    // parser
    [InlineData("{{}}", "missing value for command")]
    [InlineData("{{if}}x{{end}}", "missing value for if")]
    [InlineData("{{if .True}}x", "unexpected EOF: {{if}} has no matching {{end}}")]
    [InlineData("{{end}}", "unexpected {{end}}")]
    [InlineData("{{else}}", "unexpected {{else}}")]
    [InlineData("{{range .List}}{{else}}{{break}}{{end}}", "{{break}} outside {{range}}")]
    [InlineData("{{continue}}", "{{continue}} outside {{range}}")]
    [InlineData("{{$x}}", "undefined variable \"$x\"")]
    [InlineData("{{if true}}{{$x := 1}}{{end}}{{$x}}", "undefined variable \"$x\"")]
    [InlineData("{{nosuch 1}}", "function \"nosuch\" not defined")]
    [InlineData("{{.Name | 3}}", "non executable command in pipeline stage 2")]
    [InlineData("{{3.X}}", "bad number syntax: \"3.X\"")]
    [InlineData("{{\"s\".X}}", "unexpected . after term \"\\\"s\\\"\"")]
    [InlineData("{{template .Name}}", "unexpected \".Name\" in template clause")]
    [InlineData("{{define \"a\"}}x{{end}}{{define \"a\"}}y{{end}}", "template: multiple definition of template \"a\"")]
    [InlineData("{{range $a, $b, $c := .List}}{{end}}", "too many declarations in range")]
    [InlineData("{{with $a, $b := .List}}{{end}}", "too many declarations in with")]
    [InlineData("{{99999999999999999999}}", "integer overflow: \"99999999999999999999\"")]
    [InlineData("{{\"\\q\"}}", "invalid syntax")]
    [InlineData("{{if .True}}{{else}}{{else}}{{end}}", "expected end; found {{else}}")]
    public void Parse_errors_have_Gos_messages(string template, string message)
    {
        var parsed = GoTemplate.Parse("preset", template);
        Assert.False(parsed.IsSuccess);
        Assert.Equal(TemplateErrorKind.Parse, parsed.Error!.Kind);
        Assert.Equal(message, parsed.Error.Message);
    }

    [Theory]
    [InlineData("{{.Name.X}}", "can't evaluate field X in type interface {}")]
    [InlineData("{{$n := .Name}}{{$n.X}}", "can't evaluate field X in type string")]
    [InlineData("{{.Nil.X}}", "nil pointer evaluating interface {}.X")]
    [InlineData("{{.Name 1}}", "Name is not a method but has arguments")]
    [InlineData("{{nil}}", "nil is not a command")]
    [InlineData("{{1 2}}", "can't give argument to non-function 1")]
    [InlineData("{{$x := 1}}{{$x 2}}", "can't give argument to non-function $x")]
    [InlineData("{{template \"nope\"}}", "template \"nope\" not defined")]
    [InlineData("{{range .Name}}{{end}}", "range can't iterate over llama")]
    [InlineData("{{range $i, $v := 3}}{{end}}", "can't use 3 to iterate over more than one variable")]
    [InlineData("{{index .List 5}}", "error calling index: index out of range: 5")]
    [InlineData("{{index .List 3}}", "error calling index: reflect: slice index out of range")]
    [InlineData("{{index .List \"a\"}}", "error calling index: cannot index slice/array with type string")]
    [InlineData("{{index .Map 1}}", "error calling index: value has type int; should be string")]
    [InlineData("{{index .Missing 1}}", "error calling index: index of untyped nil")]
    [InlineData("{{index 5 1}}", "error calling index: can't index item of type int")]
    [InlineData("{{len 3}}", "error calling len: len of type int")]
    [InlineData("{{len .Nil}}", "error calling len: len of nil pointer")]
    [InlineData("{{eq 1 \"a\"}}", "error calling eq: incompatible types for comparison: int and string")]
    [InlineData("{{eq 1 1.0}}", "error calling eq: incompatible types for comparison: int and float64")]
    [InlineData("{{eq .List .List}}", "error calling eq: non-comparable type [a b c]: []interface {}")]
    [InlineData("{{lt true false}}", "error calling lt: invalid type for comparison")]
    [InlineData("{{lt .List 1}}", "error calling lt: invalid type for comparison")]
    [InlineData("{{eq 1}}", "error calling eq: missing argument for comparison")]
    [InlineData("{{ne 1}}", "wrong number of args for ne: want 2 got 1")]
    [InlineData("{{index}}", "wrong number of args for index: want at least 1 got 0")]
    [InlineData("{{upper 5}}", "expected string; found 5")]
    [InlineData("{{upper .One}}", "wrong type for value; expected string; got int")]
    [InlineData("{{upper .Missing}}", "invalid value; expected string")]
    [InlineData("{{upper nil}}", "cannot assign nil to string")]
    [InlineData("{{repeat 1.5 \"x\"}}", "expected integer; found 1.5")]
    [InlineData("{{repeat (add 1 1) \"x\"}}", "wrong type for value; expected int; got int64")]
    [InlineData("{{ternary 1 2 \"x\"}}", "expected bool; found \"x\"")]
    [InlineData("{{call .Name}}", "error calling call: non-function .Name of type string")]
    [InlineData("{{call .Missing}}", "error calling call: call of nil")]
    [InlineData("{{required \"name is required\" .Empty}}", "error calling required: name is required")]
    [InlineData("{{required \"name is required\" .Missing}}", "error calling required: name is required")]
    [InlineData("{{fail \"stop\"}}", "error calling fail: stop")]
    [InlineData("{{div 1 0}}", "error calling div: runtime error: integer divide by zero")]
    [InlineData("{{first \"x\"}}", "error calling first: Cannot find first on type string")]
    [InlineData("{{append .Missing 1}}", "error calling append: runtime error: invalid memory address or nil pointer dereference")]
    [InlineData("{{slice \"abc\" 1}}", "error calling slice: list should be type of slice or array but string")]
    [InlineData("{{substr 0 9 \"abc\"}}", "")]
    [InlineData("{{substr 5 -1 \"abc\"}}", "error calling substr: runtime error: slice bounds out of range [5:3]")]
    [InlineData("{{repeat -1 \"x\"}}", "error calling repeat: strings: negative Repeat count")]
    [InlineData("{{regexFind \"(\" \"x\"}}", "error calling regexFind: regexp: Compile(\"(\"): error parsing regexp:")]
    [InlineData("{{regexReplaceAll \"(a)\\\\1\" \"aa\" \"x\"}}", "error calling regexReplaceAll: regexp: Compile(")]
    [InlineData("{{set (get (dict) \"x\") \"k\" 1}}", "wrong type for value; expected map[string]interface {}; got string")]
    [InlineData("{{$x = 1}}", "undefined variable: $x")]
    public void Execution_errors_have_Gos_messages(string template, string message)
    {
        if (message.Length == 0)
        {
            Assert.Equal("abc", Render(template)); // substr past the end clips, as sprig does
            return;
        }

        var error = Fail(template);
        Assert.Equal(TemplateErrorKind.Execution, error.Kind);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_name_the_source_line_column_and_action_on_one_line()
    {
        var parsed = GoTemplate.Parse("presets/vllm.decodeDeployment", "spec:\n  ports:\n  - {{ \"app_port\" | getPort }}\n  image: {{ .Image | upper }}\n");
        var error = parsed.Value!.Execute(Variables()).Error!;
        Assert.Equal("presets/vllm.decodeDeployment", error.TemplateName);
        Assert.Equal(4, error.Line);
        Assert.Equal(13, error.Column);
        Assert.Equal("{{ .Image | upper }}", error.Action);
        Assert.Equal("template presets/vllm.decodeDeployment:4:13: executing \"{{ .Image | upper }}\": can't evaluate field Image in type variables", error.ToString());
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void Parse_error_points_at_the_unknown_function()
    {
        var error = GoTemplate.Parse("args[0]", "--model\n{{ env \"AWS_SECRET\" }}").Error!;
        Assert.Equal("template args[0]:2:4: parsing \"{{ env \"AWS_SECRET\" }}\": function \"env\" not defined", error.ToString());
    }

    [Fact]
    public void Multi_line_messages_are_folded_to_one_line()
    {
        var error = Fail("{{required \"first\\nsecond\" \"\"}}");
        Assert.Contains("first\\nsecond", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.ToString());
    }

    [Fact]
    public void Long_actions_are_shortened_in_messages()
    {
        var error = Fail("{{ .Name.X " + new string(' ', 5) + string.Join(" ", Enumerable.Repeat("| printf \"%s\"", 20)) + " }}");
        Assert.True(error.Action.Length <= TemplateError.MaxActionLength + 1);
        Assert.EndsWith("…", error.Action, StringComparison.Ordinal);
    }
}
