using Keel.Model.Migration;
using static Keel.Model.Tests.Migration.MigrationKit;

namespace Keel.Model.Tests.Migration;

/// <summary>
/// The typed conversion (docs/user-guide/baseconfig.md, "Converting a ConfigMap preset"): a template inside one YAML
/// value becomes a template string of the typed part, quoted however the ConfigMap wrote it, and renders exactly as
/// before for ModelServices with every kind of variable value (each test renders the varied set against both forms).
/// </summary>
public sealed class ConversionTests
{
    private const string Deployment = """
        spec:
          template:
            spec:
              containers:
                - name: vllm
                  image: vllm/vllm-openai:v0.11.2
        """;

    [Fact]
    public void An_unquoted_template_in_an_integer_field_becomes_a_quoted_template_string()
    {
        var result = AssertTyped("decodeService", """
            spec:
              ports:
                - name: http
                  port: {{ "http" | getPort }}
                  targetPort: {{ "http" | getPort }}
            """);
        Assert.Equal("""{"spec":{"ports":[{"name":"http","port":"{{ \"http\" | getPort }}","targetPort":"{{ \"http\" | getPort }}"}]}}""", Part(result, "decodeService"));
        Assert.Contains("port: '{{ \"http\" | getPort }}'", MigrationYaml.Write(result), StringComparison.Ordinal);
    }

    [Fact]
    public void A_double_quoted_template_holding_double_quotes_becomes_single_quoted()
    {
        // Valid YAML only after rendering in the ConfigMap; a plain string in the typed part.
        var result = AssertTyped("decodeDeployment", Deployment + """

                      args:
                        - --port
                        - "{{ "internal_port" | getPort }}"
                        - '{{ .ModelName }}'
                        - --served-model-name={{ .ModelName }}
            """);
        Assert.Contains("""["--port","{{ \"internal_port\" | getPort }}","{{ .ModelName }}","--served-model-name={{ .ModelName }}"]""", Part(result, "decodeDeployment"), StringComparison.Ordinal);
        var yaml = MigrationYaml.Write(result);
        Assert.Contains("- '{{ \"internal_port\" | getPort }}'", yaml, StringComparison.Ordinal);
        Assert.Contains("- '--served-model-name={{ .ModelName }}'", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_at_the_start_of_an_unquoted_value_is_kept_with_its_text()
    {
        // `{{` at the start of a plain scalar is a flow mapping to YAML: valid only once rendered.
        var result = AssertTyped("configMaps", """
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: {{ .ModelServiceName }}-epp-config
              data:
                model: {{ .ModelName }}
            """);
        Assert.Equal("""[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"{{ .ModelServiceName }}-epp-config"},"data":{"model":"{{ .ModelName }}"}}]""", Part(result, "configMaps"));
    }

    [Fact]
    public void Templates_inside_block_scalars_stay_in_the_block()
    {
        var result = AssertTyped("configMaps", """
            - metadata:
                name: epp-config
              data:
                config.yaml: |
                  pool: {{ .InferencePoolName }}
                  port: {{ "http" | getPort }}
                  # model {{ .ModelName }}
            """);
        Assert.Equal(
            "pool: {{ .InferencePoolName }}\nport: {{ \"http\" | getPort }}\n# model {{ .ModelName }}",
            result.Manifest!["spec"]!["configMaps"]![0]!["data"]!["config.yaml"]!.GetValue<string>());
    }

    [Fact]
    public void Empty_unquoted_values_in_non_string_fields_stay_typed_because_both_forms_leave_the_field_out()
    {
        // An empty rendering is null to YAML and absent to the typed conversion, in an integer or int-or-string field.
        AssertTyped("decodeService", """
            spec:
              ports:
                - name: http
                  port: 8000
                  nodePort: {{ if .AuthSecretName }}30080{{ end }}
                  targetPort: {{ .AuthSecretName }}
            """);
    }

    [Fact]
    public void A_condition_inside_one_value_is_typed()
    {
        var result = AssertTyped("decodeDeployment", """
            spec:
              template:
                spec:
                  containers:
                    - name: vllm
                      image: vllm/vllm-openai:{{ if .AuthSecretName }}v0.11.2{{ else }}v0.10.0{{ end }}
                      args: ["--auth={{ if .AuthSecretName }}on{{ else }}off{{ end }}"]
            """);
        Assert.Contains("vllm/vllm-openai:{{ if .AuthSecretName }}v0.11.2{{ else }}v0.10.0{{ end }}", Part(result, "decodeDeployment"), StringComparison.Ordinal);
    }

    [Fact]
    public void Values_that_are_never_empty_stay_typed_unquoted_in_string_fields()
    {
        AssertTyped("decodeDeployment", Deployment + """

                      args:
                        - {{ .ModelName }}
                        - {{ .AuthSecretName | default "anonymous" }}
                        - {{ required "an auth secret" .ModelServiceName }}
                        - {{ .MountedModelPath }}
                      env:
                        - name: POOL
                          value: {{ .InferencePoolName | upper }}
            """);
    }

    [Fact]
    public void Template_comments_on_their_own_line_leave_the_part_typed_and_inline_ones_stay_in_the_value()
    {
        var result = AssertTyped("decodeService", """
            {{/* The Service in front of vLLM. */}}
            spec:
              ports:
                - name: http{{/* keep this name */}}
                  port: {{ "http" | getPort }}
            """);
        Assert.Equal("""{"spec":{"ports":[{"name":"http{{/* keep this name */}}","port":"{{ \"http\" | getPort }}"}]}}""", Part(result, "decodeService"));
    }

    [Fact]
    public void A_template_in_a_yaml_comment_is_left_out_with_a_warning()
    {
        var result = AssertTyped("decodeService", """
            spec:
              ports:
                # was {{ "legacy" | getPort }}
                - name: http
                  port: 8000
            """);
        var warning = Assert.Single(result.Notes, n => n.Code == MigrationCodes.TemplateInComment);
        Assert.Equal("preset ConfigMap team/preset, key decodeService, line 3, column 11: \"{{ \"legacy\" | getPort }}\": it sits in a YAML comment: the ConfigMap form printed it into the comment, and a typed part keeps no comments, so it is left out", warning.Message);
    }

    [Fact]
    public void Fields_the_kind_does_not_have_are_dropped_reported_and_recorded()
    {
        var result = AssertTyped("decodeDeployment", Deployment + """

                      imagePullPolicyy: Always
              replicas: 1
            status:
              replicas: 3
            """);
        Assert.DoesNotContain("imagePullPolicyy", Part(result, "decodeDeployment"), StringComparison.Ordinal);
        var unknown = Assert.Single(result.Notes, n => n.Code == MigrationCodes.UnknownField);
        Assert.Equal(
            "warning: preset ConfigMap team/preset, key decodeDeployment, line 7, column 29: unknown field \"spec.template.spec.containers[0].imagePullPolicyy\" dropped"
            + " (the ConfigMap form drops it too; recorded in the llm-d.ai/migration-dropped annotation)",
            unknown.ToString());
        Assert.Single(result.Notes, n => n.Code == MigrationCodes.IgnoredField);
        Assert.Equal(
            "decodeDeployment.spec.template.spec.containers[0].imagePullPolicyy: \"Always\" (unknown field of the part's kind; the ConfigMap form dropped it too)\n"
            + "decodeDeployment.status: {\"replicas\":3} (set by the server or the operator, never by a preset; the ConfigMap form ignored it too)\n",
            result.Manifest!["metadata"]!["annotations"]![MigrationAnnotations.Dropped]!.GetValue<string>());
    }

    [Fact]
    public void The_output_names_its_source_and_keeps_the_ConfigMap_labels_and_annotations()
    {
        var configMap = ConfigMap(("decodeService", "spec: {ports: [{name: http, port: 8000}]}"));
        configMap.Metadata.ResourceVersion = "4711";
        configMap.Metadata.Labels = new Dictionary<string, string> { ["team"] = "platform" };
        configMap.Metadata.Annotations = new Dictionary<string, string>
        {
            ["owner"] = "platform@example.com",
            ["kubectl.kubernetes.io/last-applied-configuration"] = "{}",
        };
        var metadata = Ok(configMap).Manifest!["metadata"]!;
        Assert.Equal(
            """{"name":"preset","namespace":"team","labels":{"team":"platform"},"annotations":{"owner":"platform@example.com","llm-d.ai/migrated-from":"configmap/team/preset","llm-d.ai/migrated-from-resource-version":"4711"}}""",
            metadata.ToJsonString());
    }

    [Fact]
    public void BinaryData_is_left_out_with_a_warning_and_recorded_as_the_operator_ignores_it()
    {
        var configMap = ConfigMap(("decodeService", "spec: {ports: [{name: http, port: 8000}]}"));
        configMap.BinaryData = new Dictionary<string, byte[]> { ["weights.bin"] = [1, 2, 3] };
        var result = Ok(configMap);
        var warning = Assert.Single(result.Notes, n => n.Code == MigrationCodes.IgnoredField);
        Assert.Equal("warning: preset ConfigMap team/preset: binaryData (weights.bin) is ignored by the operator and left out", warning.ToString());
        Assert.Equal(
            "weights.bin (binaryData, which a ConfigMap preset ignores)\n",
            result.Manifest!["metadata"]!["annotations"]![MigrationAnnotations.Dropped]!.GetValue<string>());
        Assert.Null(result.Manifest["spec"]!["binaryData"]);
    }
}
