using Keel.Model.Migration;
using static Keel.Model.Tests.Migration.MigrationKit;

namespace Keel.Model.Tests.Migration;

/// <summary>
/// Broken presets give no BaseConfig and one precise message each: the preset, the key, the line and column inside the
/// key's value and, for templates, the action. Inputs that are not a ConfigMap preset say what they are instead.
/// </summary>
public sealed class MalformedPresetTests
{
    private static MigrationNote Fails(string code, params (string Key, string Text)[] data)
    {
        var result = Migrate(ConfigMap(data));
        Assert.False(result.Succeeded);
        Assert.Null(result.Manifest);
        return Assert.Single(result.Errors, e => e.Code == code);
    }

    [Fact]
    public void Bad_yaml_in_a_key_names_the_key_line_and_column()
    {
        var error = Fails(MigrationCodes.InvalidYaml, ("decodeService", "spec:\n  ports:\n    - name: http\n     port: 8000\n"));
        Assert.Equal("preset ConfigMap team/preset, key decodeService, line 4, column 6: the value is not valid YAML: While parsing a block collection, did not find expected '-' indicator.", error.Message);
        Assert.Equal(("decodeService", 4, 6), (error.Key, error.Line, error.Column));
    }

    [Fact]
    public void A_template_parse_error_names_the_key_line_column_and_action()
    {
        var error = Fails(MigrationCodes.TemplateError, ("decodeService", "spec:\n  ports:\n    - port: {{ \"http\" | getPort \n"));
        Assert.Equal("preset ConfigMap team/preset, key decodeService, line 4, column 1: parsing \"{{ \"http\" | getPort \": unclosed action", error.Message);

        error = Fails(MigrationCodes.TemplateError, ("decodeService", "spec:\n  ports:\n    - port: {{ \"http\" | getport }}\n"));
        Assert.Equal("preset ConfigMap team/preset, key decodeService, line 3, column 25: parsing \"{{ \"http\" | getport }}\": function \"getport\" not defined", error.Message);
    }

    [Fact]
    public void A_template_variable_that_does_not_exist_is_an_error_where_it_stands()
    {
        var error = Fails(MigrationCodes.TemplateError, ("decodeService", "spec:\n  selector:\n    model: {{ .ModelNmae }}\n"));
        Assert.Equal(
            "preset ConfigMap team/preset, key decodeService, line 3, column 15: executing \"{{ .ModelNmae }}\": can't evaluate field ModelNmae in type variables (template variables: see docs/user-guide/templating.md)",
            error.Message);
    }

    [Fact]
    public void An_unknown_key_fails_with_a_suggestion_unless_dropping_is_allowed()
    {
        var error = Fails(MigrationCodes.UnknownKey, ("decodeService", "spec: {}"), ("prefilDeployment", "spec: {}"));
        Assert.StartsWith("preset ConfigMap team/preset, key prefilDeployment names no preset part (did you mean prefillDeployment?); parts are configMaps, decodeDeployment,", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("rename it, remove it, or allow leaving it out (--drop-unknown-keys)", error.Message, StringComparison.Ordinal);

        var dropped = Migrate(ConfigMap(("decodeService", "spec: {}"), ("README", "How to use this preset")), dropUnknownKeys: true);
        Assert.True(dropped.Succeeded);
        Assert.Equal("README: \"How to use this preset\" (names no preset part; the operator ignored it)\n", dropped.Manifest!["metadata"]!["annotations"]![MigrationAnnotations.Dropped]!.GetValue<string>());
        Assert.Single(dropped.Notes, n => n.Code == MigrationCodes.UnknownKey && n.Severity == MigrationSeverity.Warning);
    }

    [Fact]
    public void A_key_that_is_not_a_map_where_an_object_is_expected()
    {
        var error = Fails(MigrationCodes.WrongShape, ("decodeDeployment", "- name: vllm\n  image: vllm/vllm-openai:v0.11.2\n"));
        Assert.Equal("preset ConfigMap team/preset, key decodeDeployment, line 1, column 1: the value must be a YAML mapping (one Deployment), found a list", error.Message);

        error = Fails(MigrationCodes.WrongShape, ("configMaps", "metadata: {name: epp-config}\n"));
        Assert.Equal("preset ConfigMap team/preset, key configMaps, line 1, column 1: the value must be a YAML list of ConfigMaps, found a mapping", error.Message);

        error = Fails(MigrationCodes.WrongShape, ("configMaps", "- metadata: {name: a}\n- just text\n"));
        Assert.Equal("preset ConfigMap team/preset, key configMaps, line 2, column 3: each item must be a ConfigMap (a YAML mapping)", error.Message);
    }

    [Fact]
    public void A_field_of_the_wrong_type_names_the_field_line_and_column()
    {
        var error = Fails(MigrationCodes.InvalidPart, ("decodeDeployment", "spec:\n  replicas: many\n"));
        Assert.Equal("preset ConfigMap team/preset, key decodeDeployment, line 2, column 13: spec.replicas: The JSON value could not be converted to System.Nullable`1[System.Int32].", error.Message);
    }

    [Fact]
    public void Several_yaml_documents_in_one_key()
    {
        var error = Fails(MigrationCodes.InvalidYaml, ("decodeService", "spec: {}\n---\nspec: {}\n"));
        Assert.Equal("preset ConfigMap team/preset, key decodeService, line 3, column 1: the value holds 2 YAML documents; a part is one document", error.Message);
    }

    [Fact]
    public void An_empty_ConfigMap_or_one_whose_values_are_all_empty()
    {
        var error = Fails(MigrationCodes.EmptyPreset);
        Assert.StartsWith("preset ConfigMap team/preset has no data: a ConfigMap preset holds its parts (configMaps, decodeDeployment,", error.Message, StringComparison.Ordinal);

        error = Fails(MigrationCodes.EmptyPreset, ("decodeService", "  \n"), ("eppService", "# nothing yet\n"));
        Assert.Equal("preset ConfigMap team/preset has no part that renders to anything: every value is empty", error.Message);
    }

    public static TheoryData<string, string> NotAConfigMapPreset() => new()
    {
        { string.Empty, "cm.yaml: the file is empty: expected a ConfigMap preset (one YAML object)" },
        { "# only a comment\n", "cm.yaml: holds no object (only comments or empty documents); expected a ConfigMap preset" },
        { "kind: ConfigMap\n metadata: x\n", "cm.yaml:2:10: invalid YAML: While scanning a plain scalar value, found invalid mapping." },
        { "- a\n- b\n", "cm.yaml:1:1: expected a ConfigMap (a YAML mapping), found a list" },
        { "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n", "cm.yaml:5:1: expected one ConfigMap, found 2 YAML documents: migrate one preset at a time" },
        { "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n", "cm.yaml:2:7: expected a ConfigMap (apiVersion v1) holding a preset, found apps/v1 Deployment" },
        { "apiVersion: llm-d.ai/v1alpha1\nkind: BaseConfig\nmetadata: {name: a}\nspec: {}\n", "cm.yaml:2:7: this is already a BaseConfig: there is nothing to migrate" },
        { "apiVersion: v1\nkind: ConfigMap\nmetadata: {}\ndata: {a: b}\n", "cm.yaml:3:11: the ConfigMap has no metadata.name: the BaseConfig takes its name" },
        { "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\ndata:\n  decodeService:\n    spec: {}\n", "cm.yaml:6:5: data.decodeService must be a string holding the part's template; it is a YAML mapping. Write it as a block scalar (`decodeService: |`) with the YAML indented under it" },
    };

    [Theory]
    [MemberData(nameof(NotAConfigMapPreset))]
    public void Input_that_is_not_a_ConfigMap_preset_says_what_it_is(string yaml, string message)
    {
        Assert.Null(ConfigMapManifest.Read(yaml, "cm.yaml", out var errors));
        Assert.Equal(message, Assert.Single(errors).Message);
    }

    [Fact]
    public void A_ConfigMap_manifest_from_kubectl_reads_with_its_resource_version()
    {
        var configMap = ConfigMapManifest.Read(
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p\n  namespace: presets\n  resourceVersion: \"812\"\n  uid: 1f0e\ndata:\n  decodeService: |\n    spec: {}\n",
            "cm.yaml",
            out var errors);
        Assert.Empty(errors);
        Assert.Equal(("p", "presets", "812"), (configMap!.Metadata.Name, configMap.Metadata.NamespaceProperty, configMap.Metadata.ResourceVersion));
    }
}
