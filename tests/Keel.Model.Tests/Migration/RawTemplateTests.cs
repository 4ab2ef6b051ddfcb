using Keel.Model.Migration;
using static Keel.Model.Tests.Migration.MigrationKit;

namespace Keel.Model.Tests.Migration;

/// <summary>
/// Values whose templates produce YAML structure cannot be typed parts: without the flag the migration fails with
/// one message per obstacle naming the key, line, column and action; with it the value is kept verbatim under
/// spec.templates and renders exactly as the ConfigMap value (each test checks both).
/// </summary>
public sealed class RawTemplateTests
{
    private const string Prefix = "preset ConfigMap team/preset, key decodeDeployment, ";

    // Compares message lists line by line, so a failure shows the whole message.
    private static readonly IEqualityComparer<string> Lines = new LineComparer();

    private sealed class LineComparer : IEqualityComparer<string>
    {
        public bool Equals(string? x, string? y)
        {
            Assert.Equal(x, y);
            return true;
        }

        public int GetHashCode(string obj) => 0;
    }

    [Fact]
    public void An_if_block_around_fields_with_trim_markers()
    {
        var reasons = AssertRaw("decodeDeployment", """
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.11.2
                      {{- if .AuthSecretName }}
                      envFrom:
                        - secretRef:
                            name: {{ .AuthSecretName }}
                      {{- end }}
            """);
        Assert.Equal(
            [
                Prefix + "line 7, column 11: \"{{- if .AuthSecretName }}\": its trim marker ({{-) removes the whitespace next to it, which YAML reads as structure",
                Prefix + "line 11, column 11: \"{{- end }}\": its trim marker ({{-) removes the whitespace next to it, which YAML reads as structure",
            ],
            reasons, Lines);
    }

    [Fact]
    public void An_if_block_on_lines_of_its_own()
    {
        var reasons = AssertRaw("decodeDeployment", """
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.11.2
                  {{ if .AuthSecretName }}
                  serviceAccountName: {{ .AuthSecretName }}
                  {{ end }}
            """);
        Assert.Equal(
            [
                Prefix + "line 7, column 7: \"{{ if .AuthSecretName }}\": it stands on a line of its own, so what it renders is lines of YAML, not one value",
                Prefix + "line 9, column 7: \"{{ end }}\": it stands on a line of its own, so what it renders is lines of YAML, not one value",
            ],
            reasons, Lines);
    }

    [Fact]
    public void ToYaml_and_nindent_produce_structure()
    {
        var reasons = AssertRaw("decodeDeployment", """
            spec:
              template:
                metadata:
                  labels: {{ dict "model" .SanitizedModelName | toYaml | nindent 8 }}
                spec:
                  containers: [{name: vllm, image: "vllm/vllm-openai:v0.11.2"}]
            """);
        Assert.Equal([Prefix + "line 4, column 15: \"{{ dict \"model\" .SanitizedModelName | toYaml | nindent 8 }}\": nindent starts a new line and indents it, which YAML reads as structure"], reasons, Lines);
    }

    [Fact]
    public void A_range_producing_list_items()
    {
        var reasons = AssertRaw("decodeDeployment", """
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.11.2
                      args:
                      {{ range $i := until 2 }}
                        - --worker-{{ $i }}
                      {{ end }}
            """);
        Assert.Contains(Prefix + "line 8, column 11: \"{{ range $i := until 2 }}\": it declares or uses a template variable ($name), which one typed field cannot share with another", reasons);
        Assert.Contains(Prefix + "line 10, column 11: \"{{ end }}\": it stands on a line of its own, so what it renders is lines of YAML, not one value", reasons);
    }

    [Fact]
    public void An_unquoted_value_that_can_render_empty_in_a_string_field()
    {
        // Unquoted and empty, YAML reads null and the ConfigMap form leaves the argument out of the list as null;
        // a typed string would be "".
        var reasons = AssertRaw("decodeDeployment", """
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.11.2
                      workingDir: {{ .HFModelName }}
            """);
        Assert.Equal(
            [
                Prefix + "line 7, column 23: \"{{ .HFModelName }}\" in spec.template.spec.containers[0].workingDir (unquoted): it renders empty for some ModelServices "
                + "(for example .HFModelName of a pvc:// model, or an unset .AuthSecretName): unquoted, the ConfigMap form reads that as null and leaves the field out, where a typed string field would hold \"\"",
            ],
            reasons, Lines);
    }

    [Fact]
    public void Quote_writes_yaml_syntax()
    {
        var reasons = AssertRaw("decodeDeployment", """
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: {{ "vllm/vllm-openai:v0.11.2" | quote }}
            """);
        Assert.Equal([Prefix + "line 6, column 18: \"{{ \"vllm/vllm-openai:v0.11.2\" | quote }}\": quote wraps the value in double quotes, which YAML removes"], reasons, Lines);
    }

    [Fact]
    public void A_quoted_template_where_an_integer_is_wanted()
    {
        // The ConfigMap form read "8000" as a string (a port name the API server rejects); typed, it would be 8000.
        var reasons = AssertRaw("decodeService", """
            spec:
              ports:
                - name: http
                  port: 8000
                  targetPort: "{{ "http" | getPort }}"
            """);
        Assert.Equal(
            [
                "preset ConfigMap team/preset, key decodeService, line 5, column 19: \"{{ \"http\" | getPort }}\" in spec.ports[0].targetPort (double-quoted): the ConfigMap form reads a double-quoted scalar as a string, "
                + "but this field wants an integer or a name: a typed part would convert the rendering and give a different value (quote it only where a string is wanted)",
            ],
            reasons, Lines);
    }

    [Fact]
    public void An_unquoted_number_where_a_string_is_wanted()
    {
        var reasons = AssertRaw("decodeDeployment", """
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.11.2
                      env: [{name: PORT, value: {{ "http" | getPort }}}]
            """);
        Assert.Single(reasons, r => r.Contains("\"{{ \"http\" | getPort }}\" in spec.template.spec.containers[0].env[0].value (unquoted): it renders a number, which YAML reads as a number when unquoted, but the field wants a string", StringComparison.Ordinal));
    }

    [Fact]
    public void A_template_in_a_mapping_key()
    {
        var reasons = AssertRaw("decodeDeployment", """
            spec:
              template:
                metadata:
                  labels:
                    {{ .ModelServiceName }}/role: decode
                spec:
                  containers: [{name: vllm, image: "vllm/vllm-openai:v0.11.2"}]
            """);
        Assert.Equal([Prefix + "line 5, column 9: \"{{ .ModelServiceName }}\": it stands in a mapping key: a typed part has fixed field names"], reasons, Lines);
    }

    [Fact]
    public void A_condition_spanning_two_values()
    {
        var reasons = AssertRaw("decodeDeployment", """
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:v0.11.2
                      args: [--a={{ if .AuthSecretName }}x, --b=y{{ end }}]
            """);
        Assert.Equal(2, reasons.Count);
        Assert.Contains("it opens an if, range or with whose end is outside this YAML value", reasons[0], StringComparison.Ordinal);
        Assert.Contains("belongs to a control action outside this YAML value", reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_copying_a_template()
    {
        var reasons = AssertRaw("decodeDeployment", """
            spec:
              template:
                metadata:
                  labels:
                    a: &name "{{ .ModelServiceName }}"
                    b: *name
                spec:
                  containers: [{name: vllm, image: "vllm/vllm-openai:v0.11.2"}]
            """);
        Assert.Equal([Prefix + "line 5, column 19: \"{{ .ModelServiceName }}\": YAML copies its value to several places (an alias or a merge key)"], reasons, Lines);
    }

    [Fact]
    public void A_value_that_is_not_yaml_until_rendered()
    {
        var reasons = AssertRaw("decodeService", """
            spec:
              ports: [{{ "http" | getPort }}: 1]
            """);
        Assert.Single(reasons);
        Assert.StartsWith("preset ConfigMap team/preset, key decodeService, line 2, column", reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_legacy_InferenceModel_with_a_templated_criticality_stays_raw_and_is_upgraded_when_read()
    {
        var reasons = AssertRaw("inferenceModel", """
            spec:
              criticality: {{ if .AuthSecretName }}Critical{{ else }}Sheddable{{ end }}
            """);
        Assert.Equal(["preset ConfigMap team/preset, key inferenceModel: spec.criticality is a template, so the priority it maps to is known only when rendered; kept as the legacy inferenceModel, which the operator converts on every read"], reasons, Lines);
    }

    [Fact]
    public void Allowed_raw_values_are_summarised_in_a_note_and_typed_parts_beside_them_stay_typed()
    {
        var configMap = ConfigMap(
            ("decodeService", "spec: {ports: [{name: http, port: {{ \"http\" | getPort }}}]}"),
            ("decodeDeployment", "spec:\n  template:\n    spec:\n      containers:\n        - name: vllm\n          image: vllm/vllm-openai:v0.11.2\n          {{- if .AuthSecretName }}\n          workingDir: /x\n          {{- end }}\n"));
        var result = Ok(configMap, allowRaw: true);
        Assert.Equal([PartOutcome.Typed, PartOutcome.Raw], result.Parts.Select(p => p.Outcome));
        var note = Assert.Single(result.Notes, n => n.Code == MigrationCodes.RawTemplate);
        Assert.StartsWith(
            "preset ConfigMap team/preset, key decodeDeployment: kept verbatim under spec.templates.decodeDeployment (rendered and read as the ConfigMap value is), because as a typed part it would not render the same: line 7, column 11:",
            note.Message,
            StringComparison.Ordinal);
        Assert.Contains("#   decodeDeployment: spec.templates.decodeDeployment (raw template text", MigrationYaml.Write(result), StringComparison.Ordinal);
        foreach (var modelService in VariedModelServices)
        {
            AssertEquivalent(modelService, configMap, result);
        }
    }
}
