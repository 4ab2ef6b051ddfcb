using Keel.Model.Templating;
using Keel.Model.Templating.Values;
using static Keel.Model.Tests.Templating.TemplateTestKit;

namespace Keel.Model.Tests.Templating;

/// <summary>One row per construct of the language, with the output Go's text/template gives.</summary>
public sealed class LanguageTests
{
    [Theory]
    // text and simple actions
    [InlineData("plain text", "plain text")]
    [InlineData("", "")]
    [InlineData("{{.Name}}", "llama")]
    [InlineData("{{ .Name }}", "llama")]
    [InlineData("a{{.Name}}b", "allamab")]
    [InlineData("{{.Nested.Inner.Leaf}}", "leaf")]
    [InlineData("{{.}}", "map[Empty: EmptyList:[] False:false Html:<a href=\"x\">'&'</a> Ints:[3 1 2] List:[a b c] Map:map[a:1 b:2 c:3] Name:llama Nested:map[Inner:map[Leaf:leaf]] Nil:<nil> One:1 Pi:3.5 True:true Zero:0]")]
    // missing map keys print <no value>, nil values print <no value> as a pipeline result
    [InlineData("{{.Missing}}", "<no value>")]
    [InlineData("{{.Missing.Deeper}}", "<no value>")]
    [InlineData("{{.Nil}}", "<no value>")]
    [InlineData("{{print .Missing}}", "<nil>")]
    [InlineData("{{printf \"%v\" .Nil}}", "<nil>")]
    // trim markers: the space is required; all ASCII white space is trimmed
    [InlineData("a  {{- .Name -}}  b", "allamab")]
    [InlineData("a \n\t{{- .Name}} b", "allama b")]
    [InlineData("a {{.Name -}} \n\r\t b", "a llamab")]
    [InlineData("{{- .Name}}", "llama")]
    [InlineData("{{-3}}", "-3")]
    [InlineData("{{3 -}}  x", "3x")]
    [InlineData("a {{- /* comment */ -}} b", "ab")]
    [InlineData("a {{/* comment */}} b", "a  b")]
    [InlineData("a {{- /* multi\nline */}} b", "a b")]
    // literals
    [InlineData("{{\"interpreted\\t\\u00e9\\x41\"}}", "interpreted\téA")]
    [InlineData("{{`raw\\n`}}", "raw\\n")]
    [InlineData("{{'a'}}", "97")]
    [InlineData("{{'\\n'}}", "10")]
    [InlineData("{{0x1F}} {{0o17}} {{017}} {{0b101}} {{1_000}}", "31 15 15 5 1000")]
    [InlineData("{{1.5}} {{1.0}} {{1e3}} {{.5}} {{0x1p-2}}", "1.5 1 1000 0.5 0.25")]
    [InlineData("{{1e21}} {{1e20}} {{1e6}} {{123456.0}} {{0.00001}}", "1e+21 1e+20 1e+06 123456 1e-05")]
    [InlineData("{{1i}} {{1+2i}}", "(0+1i) (1+2i)")]
    [InlineData("{{true}} {{false}}", "true false")]
    [InlineData("{{-5}} {{+5}}", "-5 5")]
    // pipelines and parentheses
    [InlineData("{{\"x\" | printf \"%s-%s\" \"a\"}}", "a-x")]
    [InlineData("{{.Name | printf \"%q\"}}", "\"llama\"")]
    [InlineData("{{printf \"%d\" (len .List)}}", "3")]
    [InlineData("{{(.Nested.Inner).Leaf}}", "leaf")]
    [InlineData("{{(index .Nested \"Inner\").Leaf}}", "leaf")]
    // variables
    [InlineData("{{$x := .Name}}{{$x}}", "llama")]
    [InlineData("{{$x := 1}}{{$x = 2}}{{$x}}", "2")]
    [InlineData("{{$x := 1}}{{if true}}{{$x = 2}}{{end}}{{$x}}", "2")]
    [InlineData("{{$x := 1}}{{if true}}{{$x := 2}}{{$x}}{{end}}{{$x}}", "21")]
    [InlineData("{{with .Nested}}{{$.Name}}{{end}}", "llama")]
    [InlineData("{{$m := .Nested}}{{$m.Inner.Leaf}}", "leaf")]
    // if / else if / else
    [InlineData("{{if .True}}yes{{end}}", "yes")]
    [InlineData("{{if .False}}yes{{else}}no{{end}}", "no")]
    [InlineData("{{if .Zero}}a{{else if .Empty}}b{{else if .One}}c{{else}}d{{end}}", "c")]
    [InlineData("{{if .Missing}}a{{else}}b{{end}}", "b")]
    [InlineData("{{if .EmptyList}}a{{else}}b{{end}}", "b")]
    [InlineData("{{if .Map}}a{{end}}", "a")]
    [InlineData("{{if 0.0}}a{{else}}b{{end}}", "b")]
    [InlineData("{{if $x := .Name}}{{$x}}{{end}}", "llama")]
    // with / else with / else
    [InlineData("{{with .Name}}{{.}}{{end}}", "llama")]
    [InlineData("{{with .Empty}}x{{else}}empty{{end}}", "empty")]
    [InlineData("{{with .Empty}}x{{else with .Name}}{{.}}{{else}}none{{end}}", "llama")]
    [InlineData("{{with $x := .Nested.Inner}}{{$x.Leaf}}{{.Leaf}}{{end}}", "leafleaf")]
    // range
    [InlineData("{{range .List}}{{.}}{{end}}", "abc")]
    [InlineData("{{range $i, $v := .List}}{{$i}}={{$v}} {{end}}", "0=a 1=b 2=c ")]
    [InlineData("{{range $v := .List}}{{$v}}{{end}}", "abc")]
    [InlineData("{{range $k, $v := .Map}}{{$k}}{{$v}}{{end}}", "a1b2c3")]
    [InlineData("{{range .Map}}{{.}}{{end}}", "123")]
    [InlineData("{{range .EmptyList}}x{{else}}none{{end}}", "none")]
    [InlineData("{{range .Missing}}x{{else}}none{{end}}", "none")]
    [InlineData("{{range 3}}{{.}}{{end}}", "012")]
    [InlineData("{{range $i := 3}}{{$i}}{{end}}", "012")]
    [InlineData("{{range 0}}x{{else}}zero{{end}}", "zero")]
    [InlineData("{{range .List}}{{if eq . \"b\"}}{{break}}{{end}}{{.}}{{end}}", "a")]
    [InlineData("{{range .List}}{{if eq . \"b\"}}{{continue}}{{end}}{{.}}{{end}}", "ac")]
    [InlineData("{{$i := 0}}{{$v := \"\"}}{{range $i, $v = .List}}{{end}}{{$i}}{{$v}}", "2c")]
    [InlineData("{{range $i, $c := list (list 1 2) (list 3)}}{{range $c}}{{.}}{{end}};{{end}}", "12;3;")]
    // define / template / block
    [InlineData("{{define \"T\"}}[{{.}}]{{end}}{{template \"T\" .Name}}", "[llama]")]
    [InlineData("{{define \"T\"}}{{.}}{{end}}{{template \"T\"}}", "<no value>")]
    [InlineData("{{block \"B\" .Name}}<{{.}}>{{end}}", "<llama>")]
    [InlineData("{{define \"B\"}}   {{end}}{{block \"B\" .Name}}default {{.}}{{end}}", "default llama")]
    [InlineData("{{define \"T\"}}{{$}}{{end}}{{template \"T\" 5}}", "5")]
    [InlineData("{{define \"R\"}}{{if .}}{{.}}{{template \"R\" (sub . 1)}}{{end}}{{end}}{{template \"R\" 3}}", "321")]
    public void Renders_like_Go(string template, string expected)
    {
        Assert.Equal(expected, Render(template));
    }

    [Fact]
    public void Redefining_a_non_empty_template_in_one_text_is_an_error_as_in_Go()
    {
        var error = Fail("{{define \"B\"}}override{{end}}{{block \"B\" .}}default{{end}}");
        Assert.Equal(Keel.Model.Templating.TemplateErrorKind.Parse, error.Kind);
        Assert.Equal("template: multiple definition of template \"B\"", error.Message);
    }

    [Fact]
    public void Whole_map_prints_with_sorted_keys_like_fmt()
    {
        // Go sorts map keys byte-wise: upper case before lower case.
        Assert.Equal("map[A:1 B:2 a:3]", Render("{{.}}", Keel.Model.Templating.Values.TemplateValueConverter.FromObject(
            new Dictionary<string, object?> { ["a"] = 3, ["B"] = 2, ["A"] = 1 })));
    }

    [Fact]
    public void Variables_struct_fields_and_unknown_field_error()
    {
        var parsed = Keel.Model.Templating.GoTemplate.Parse("decodeDeployment", "name: {{ .DecodeDeploymentName }}\nmodel: {{ .ModelName }}\nx: {{ .Foo }}");
        Assert.True(parsed.IsSuccess);
        var result = parsed.Value!.Execute(Variables());
        Assert.False(result.IsSuccess);
        Assert.Equal("template decodeDeployment:3:7: executing \"{{ .Foo }}\": can't evaluate field Foo in type variables", result.Error!.ToString());
    }

    [Fact]
    public void Variables_print_in_the_original_struct_order_and_encode_with_its_json_tags()
    {
        // The original's TemplateVars: HFModelName is declared before SanitizedModelName, and every field is tagged
        // `json:"camelName,omitempty"`, so toJson/toYaml write camelCase names and leave empty fields out.
        var variables = TemplateValue.FromRecord(TemplateVariables.From("ms", "team", "org/M", "pvc://claim/m"));
        Assert.Equal(
            "{ms team org/M  org-m m /model-cache/m  ms-epp-service ms-epp ms-prefill ms-decode ms-service-prefill ms-service-decode ms-inference-pool ms ms ms-http-route}",
            Render("{{.}}", variables));
        Assert.StartsWith("{ModelServiceName:ms ModelServiceNamespace:team ModelName:org/M HFModelName: SanitizedModelName:org-m ", Render("{{printf \"%+v\" .}}", variables), StringComparison.Ordinal);
        Assert.Equal(
            """{"modelServiceName":"ms","modelServiceNamespace":"team","modelName":"org/M","sanitizedModelName":"org-m","modelPath":"m","mountedModelPath":"/model-cache/m","eppServiceName":"ms-epp-service","eppDeploymentName":"ms-epp","prefillDeploymentName":"ms-prefill","decodeDeploymentName":"ms-decode","prefillServiceName":"ms-service-prefill","decodeServiceName":"ms-service-decode","inferencePoolName":"ms-inference-pool","inferenceModelName":"ms","inferenceObjectiveName":"ms","httpRouteName":"ms-http-route"}""",
            Render("{{toJson .}}", variables));
        Assert.StartsWith("decodeDeploymentName: ms-decode\ndecodeServiceName: ms-service-decode\neppDeploymentName: ms-epp\n", Render("{{toYaml .}}", variables), StringComparison.Ordinal);
    }

    [Fact]
    public void Range_over_interface_elements_reports_interface_type_like_Go()
    {
        var error = Fail("{{range .List}}{{.X}}{{end}}");
        Assert.Equal("can't evaluate field X in type interface {}", error.Message);
        Assert.Equal("can't evaluate field X in type string", Fail("{{range splitList \",\" \"a\"}}{{.X}}{{end}}").Message);
        Assert.Equal("nil pointer evaluating interface {}.X", Fail("{{range list nil}}{{.X}}{{end}}").Message);
    }
}
