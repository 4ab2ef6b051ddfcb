extern alias analyzer;

using static Keel.Presets.Analyzers.Tests.AnalyzerHarness;

namespace Keel.Presets.Analyzers.Tests;

/// <summary>KEEL101–KEEL104: template strings in presets are parsed and their variables and functions checked.</summary>
public sealed class TemplateDiagnosticsTests
{
    private static string PresetWith(string statements) => $$"""
        public sealed class P : Preset
        {
            public override string Name => "p";

            protected override void Configure(PresetParts parts)
            {
                {{statements}}
            }
        }
        """;

    private static string Container(string arg) =>
        PresetWith($$"""parts.DecodeDeployment = Workloads.Deployment(new V1Container { Name = "vllm", Args = [{{arg}}] });""");

    [Fact]
    public void Misspelt_variable_is_an_error_on_the_name_with_a_suggestion()
    {
        var diagnostic = Single(Analyze(Container("\"{{ .HFModelNmae }}\"")), "KEEL102");
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Unknown template variable '.HFModelNmae'; did you mean 'HFModelName'?", diagnostic.GetMessage());
        Assert.Equal("HFModelNmae", Text(diagnostic));
    }

    [Fact]
    public void A_name_far_from_every_variable_gets_no_suggestion()
    {
        var diagnostic = Single(Analyze(Container("\"{{ .Replicas }}\"")), "KEEL102");
        Assert.Equal("Unknown template variable '.Replicas'", diagnostic.GetMessage());
    }

    [Fact]
    public void Every_variable_of_TemplateVariables_is_known()
    {
        var args = string.Join(", ", typeof(Keel.Model.Templating.TemplateVariables).GetProperties()
            .Where(p => p.PropertyType == typeof(string))
            .Select(p => $"\"{{{{ .{p.Name} }}}}\""));
        Assert.Empty(Analyze(Container(args)));
    }

    [Fact]
    public void Unknown_function_is_an_error_with_a_suggestion()
    {
        var diagnostic = Single(Analyze(Container("\"{{ .ModelName | lowr }}\"")), "KEEL103");
        Assert.Equal("Unknown template function 'lowr'; did you mean 'lower'?", diagnostic.GetMessage());
        Assert.Equal("lowr", Text(diagnostic));
    }

    [Fact]
    public void Environment_functions_are_unknown_on_purpose()
    {
        // sprig's env/expandenv would leak the operator's environment: the engine does not have them (spec section 3).
        var diagnostic = Single(Analyze(Container("\"{{ env \\\"HOME\\\" }}\"")), "KEEL103");
        Assert.StartsWith("Unknown template function 'env'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_does_not_parse_is_an_error_naming_the_action()
    {
        var diagnostic = Single(Analyze(Container("\"--served-model-name={{ .ModelName \"")), "KEEL101");
        Assert.Contains("unclosed action", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.StartsWith("{{ .ModelName", Text(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void An_if_without_end_does_not_parse()
    {
        var diagnostic = Single(Analyze(Container("\"{{ if .AuthSecretName }}x\"")), "KEEL101");
        Assert.Contains("has no matching {{end}}", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_of_a_variable_is_an_error()
    {
        var diagnostic = Single(Analyze(Container("\"{{ .ModelName.Repo }}\"")), "KEEL104");
        Assert.Equal("'.ModelName' is a string and has no field 'Repo'", diagnostic.GetMessage());
        Assert.Equal("Repo", Text(diagnostic));
    }

    [Fact]
    public void Dot_inside_with_and_range_is_not_the_variables_but_dollar_is()
    {
        var diagnostics = Analyze(Container(
            "\"{{ with .ModelName }}{{ . }}{{ end }}\", \"{{ range $i, $p := list 1 2 }}{{ .Anything }}{{ $.HFModelNmae }}{{ end }}\""));
        var diagnostic = Single(diagnostics, "KEEL102");
        Assert.Equal("HFModelNmae", Text(diagnostic));
    }

    [Fact]
    public void Templates_defined_with_define_get_their_data_from_the_caller()
    {
        Assert.Empty(Analyze(Container("\"{{ define \\\"x\\\" }}{{ .Whatever }}{{ end }}{{ template \\\"x\\\" .ModelName }}\"")));
    }

    [Fact]
    public void Escapes_verbatim_and_raw_strings_locate_the_exact_characters()
    {
        var diagnostics = Analyze(PresetWith(""""
            var escaped = "line\n\t\"q\" {{ .Nmae }}";
            var verbatim = @"say ""hi"" {{ .Nmea }}";
            var raw = """
                apiVersion: apps/v1
                kind: Deployment
                spec:
                  replicas: 1 # {{ .Mdel }}
                """;
            parts.Templates["decodeDeployment"] = escaped + verbatim + raw;
            """"));
        Assert.Equal(["Nmae", "Nmea", "Mdel"], diagnostics.Where(d => d.Id == "KEEL102").Select(Text));
    }

    [Fact]
    public void Interpolated_strings_are_checked_around_their_holes()
    {
        var diagnostics = Analyze(Container("$\"--port={Template.Port(\"http\")} --name={{{{ .ModelNmae }}}}\""));
        var diagnostic = Single(diagnostics, "KEEL102");
        Assert.Contains("did you mean 'ModelName'?", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(".ModelNmae", Text(diagnostic), StringComparison.Ordinal);
    }

    [Fact]
    public void Constant_concatenations_are_checked_whole()
    {
        Assert.Empty(Analyze(Container("\"{{ .Model\" + \"Name }}\"")));
        Single(Analyze(Container("\"{{ .Model\" + \"Nmae }}\"")), "KEEL102");
    }

    [Fact]
    public void Strings_outside_presets_are_not_templates_but_Template_Raw_and_components_are()
    {
        var diagnostics = Analyze("""
            public static class Unrelated
            {
                public static string Mustache = "{{ .Whatever }}";
                public static TemplateExpression Raw = Template.Raw("{{ .ModleName }}");
            }

            [PresetComponent]
            public static class SharedContainers
            {
                public static V1Container Vllm() => new() { Args = ["{{ .HFModleName }}"] };
            }
            """);
        Assert.Equal(["ModleName", "HFModleName"], diagnostics.Select(Text));
    }

    [Fact]
    public void The_analyzer_knows_every_function_of_the_engine_and_no_other()
    {
        var engine = Keel.Model.Templating.Functions.TemplateFunctions.Default.Names.ToList();
        Assert.Equal(engine, analyzer::Keel.Model.Templating.Functions.KnownFunctions.Names.Order(StringComparer.Ordinal));
        Assert.Empty(Analyze(Container(string.Join(", ", engine.Select(n => $"\"{{{{ {n} }}}}\"")))));
    }
}
