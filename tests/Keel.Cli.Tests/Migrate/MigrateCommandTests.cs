using k8s.Models;
using Keel.Cli.Commands;
using Keel.Model.Migration;
using Keel.Model.Rendering;
using Keel.Model.Serialization;
using static Keel.Cli.Tests.Migrate.MigrateRunner;

namespace Keel.Cli.Tests.Migrate;

/// <summary>
/// The migrate command's contract: the manifest on stdout or in the output file, every note on stderr, exit 1 with
/// precise messages for inputs it cannot migrate, exit 2 when the check finds a difference; never a crash.
/// </summary>
public sealed class MigrateCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("keel-migrate-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string File(string name, string content)
    {
        var path = Path.Combine(directory, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private string Preset(string data) => File("preset.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: preset\n  namespace: team\ndata:\n" + data);

    private static async Task<string> Fails(params string[] args)
    {
        var (exit, stdout, stderr) = await Run(args);
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        return stderr;
    }

    [Fact]
    public async Task Output_file_gets_the_manifest_and_stderr_a_summary()
    {
        var output = Path.Combine(directory, "out", "..", "baseconfig.yaml");
        var (exit, stdout, stderr) = await Run("-b", Sample("oci-legacy-preset", "preset-configmap.yaml"), "-o", output);
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.EndsWith($"modelservice migrate: wrote BaseConfig preset-legacy-oci to {output} (3 typed, 3 upgraded parts)\n", stderr, StringComparison.Ordinal);
        var written = KeelYaml.LoadAll(System.IO.File.ReadAllText(output)).Single();
        Assert.Equal("preset-legacy-oci", Assert.IsType<Keel.Model.Api.BaseConfig>(written).Metadata.Name);
    }

    [Fact]
    public async Task Output_never_overwrites_the_ConfigMap()
    {
        var preset = Preset("  decodeService: |\n    spec: {}\n");
        var stderr = await Fails("-b", preset, "-o", preset);
        Assert.Equal($"modelservice migrate: error: --output {preset} would overwrite the ConfigMap preset; keep the ConfigMap until every ModelService is switched (docs/user-guide/migration.md)\n", stderr);
        Assert.Contains("kind: ConfigMap", System.IO.File.ReadAllText(preset), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exactly_one_source_is_required()
    {
        var (exit, _, stderr) = await Run();
        Assert.Equal(1, exit);
        Assert.Contains("give the ConfigMap preset with exactly one of --base-config FILE or --from-cluster NAMESPACE/NAME", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await Run("-b", Preset("  decodeService: x\n"), "--from-cluster", "team/preset");
        Assert.Equal(1, exit);
        Assert.Contains("exactly one of", stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Malformed() => new()
    {
        {
            "  decodeService: |\n    spec:\n      ports:\n        - name: http\n         port: 8000\n",
            "modelservice migrate: error: preset ConfigMap team/preset, key decodeService, line 4, column 6: the value is not valid YAML: While parsing a block collection, did not find expected '-' indicator.\n"
        },
        {
            "  decodeService: |\n    spec:\n      ports: [{port: {{ \"http\" | getPort }]\n",
            "modelservice migrate: error: preset ConfigMap team/preset, key decodeService, line 2, column 38: parsing \"{{ \"http\" | getPort }] \": unexpected \"}\" in operand\n"
        },
        {
            "  decodeDeploymnet: |\n    spec: {}\n",
            "modelservice migrate: error: preset ConfigMap team/preset, key decodeDeploymnet names no preset part (did you mean decodeDeployment?); parts are configMaps, decodeDeployment, prefillDeployment, eppDeployment, decodeService, prefillService, eppService, inferencePool, inferenceObjective, inferenceModel, httpRoute. The operator ignores such a key and a BaseConfig has no place for it: rename it, remove it, or allow leaving it out (--drop-unknown-keys)\n"
        },
        {
            "  decodeDeployment: |\n    - name: vllm\n",
            "modelservice migrate: error: preset ConfigMap team/preset, key decodeDeployment, line 1, column 1: the value must be a YAML mapping (one Deployment), found a list\n"
        },
        {
            "  decodeService: \"\"\n",
            "modelservice migrate: note: preset ConfigMap team/preset, key decodeService: the value is empty, so the part is absent (as in the ConfigMap form); left out\n"
            + "modelservice migrate: error: preset ConfigMap team/preset has no part that renders to anything: every value is empty\n"
        },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Malformed_presets_fail_with_precise_messages(string data, string message)
    {
        var stderr = await Fails("-b", Preset(data));
        Assert.Equal(message + "modelservice migrate: configmap/team/preset was not migrated (1 error)\n", stderr);
    }

    [Fact]
    public async Task Files_that_are_not_ConfigMap_presets_fail_with_one_line()
    {
        Assert.Equal(
            "modelservice migrate: error: " + Sample("pd-disaggregation", "preset-baseconfig.yaml") + ":6:7: this is already a BaseConfig: there is nothing to migrate\n",
            (await Fails("-b", Sample("pd-disaggregation", "preset-baseconfig.yaml"))).Replace("samples/", Root + "/samples/", StringComparison.Ordinal));
        Assert.Equal(
            $"modelservice migrate: error: {File("d.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n")}:2:7: expected a ConfigMap (apiVersion v1) holding a preset, found apps/v1 Deployment\n",
            await Fails("-b", Path.Combine(directory, "d.yaml")));
        Assert.Equal(
            $"modelservice migrate: error: {File("e.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")}: preset ConfigMap x has no data: a ConfigMap preset holds its parts (configMaps, decodeDeployment, prefillDeployment, eppDeployment, decodeService, prefillService, eppService, inferencePool, inferenceObjective, inferenceModel, httpRoute) under data\n".Replace($"{Path.Combine(directory, "e.yaml")}: ", "modelservice migrate: error: ", StringComparison.Ordinal)[29..]
            + "modelservice migrate: configmap/x was not migrated (1 error)\n",
            await Fails("-b", Path.Combine(directory, "e.yaml")));
        Assert.StartsWith("modelservice migrate: error: cannot read " + Path.Combine(directory, "missing.yaml"), await Fails("-b", Path.Combine(directory, "missing.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_needs_raw_templates_names_the_key_line_and_action_and_the_flag_accepts_it()
    {
        var preset = Preset("  decodeService: |\n    spec:\n      ports:\n        - name: http\n          port: 8000\n      {{- if .AuthSecretName }}\n      type: NodePort\n      {{- end }}\n");
        var stderr = await Fails("-b", preset);
        Assert.Equal(
            "modelservice migrate: error: preset ConfigMap team/preset, key decodeService, line 5, column 3: \"{{- if .AuthSecretName }}\": its trim marker ({{-) removes the whitespace next to it, which YAML reads as structure\n"
            + "modelservice migrate: error: preset ConfigMap team/preset, key decodeService, line 7, column 3: \"{{- end }}\": its trim marker ({{-) removes the whitespace next to it, which YAML reads as structure\n"
            + "modelservice migrate: error: preset ConfigMap team/preset, key decodeService cannot become a typed part (2 reasons above); allow raw templates (--allow-raw-templates) to keep it verbatim under spec.templates.decodeService, where it is rendered and read exactly as the ConfigMap value is, or rewrite it so that every template stands inside one YAML value\n"
            + "modelservice migrate: configmap/team/preset was not migrated (3 errors)\n",
            stderr);

        var (exit, stdout, _) = await Run("-b", preset, "--allow-raw-templates");
        Assert.Equal(0, exit);
        Assert.Contains("  templates:\n    decodeService: |\n      spec:\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_keys_are_left_out_with_the_flag_and_recorded()
    {
        var (exit, stdout, stderr) = await Run("-b", Preset("  decodeService: |\n    spec: {}\n  notes: |\n    Ask the platform team.\n"), "--drop-unknown-keys");
        Assert.Equal(0, exit);
        Assert.Contains("llm-d.ai/migration-dropped: |\n      notes: \"Ask the platform team.\\n\" (names no preset part; the operator ignored it)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("warning: preset ConfigMap team/preset, key notes names no preset part;", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ModelService_that_does_not_render_against_the_ConfigMap_makes_the_check_fail_with_its_errors()
    {
        var modelService = File("ms.yaml", "apiVersion: llm-d.ai/v1alpha1\nkind: ModelService\nmetadata: {name: ms, namespace: team}\nspec:\n  routing: {modelName: m}\n  modelArtifacts: {uri: \"hf://a/b\"}\n  decode: {containers: [{name: vllm}]}\n");
        var (exit, stdout, stderr) = await Run("-b", Preset("  decodeService: |\n    spec: {}\n"), "--check", modelService);
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(
            $"check: ModelService team/ms ({modelService}), --pool-api v1: error: it does not render against the ConfigMap preset, so there is nothing to compare: the decode Deployment ms-decode: container \"vllm\" has no image: set it in the preset or in spec.decode.containers[].image\n",
            stderr,
            StringComparison.Ordinal);
        Assert.EndsWith("modelservice migrate: the BaseConfig was not written; fix the preset or the migration and run again\n", stderr, StringComparison.Ordinal);

        (exit, _, stderr) = await Run("-b", Preset("  decodeService: |\n    spec: {}\n"), "--check", Path.Combine(directory, "none.yaml"));
        Assert.Equal(1, exit);
        Assert.Contains("check: error: cannot read " + Path.Combine(directory, "none.yaml"), stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_difference_fails_the_check_with_exit_code_2_and_a_diff()
    {
        var configMap = ConfigMapManifest.Read(System.IO.File.ReadAllText(Sample("single-node-hf", "preset-configmap.yaml")), "preset", out _)!;
        var result = PresetMigration.Migrate(configMap);
        result.BaseConfig!.Spec.DecodeService!["spec"]!["type"] = "NodePort";
        var stderr = new StringWriter { NewLine = "\n" };
        var code = MigrateCheck.Run([Sample("single-node-hf", "modelservice.yaml")], configMap, result, new RenderSettings { EppClusterRole = "epp" }, stderr);
        Assert.Equal(MigrateCommand.CheckFailed, code);
        var report = stderr.ToString().Replace(Root + "/", string.Empty, StringComparison.Ordinal);
        Assert.Contains("check: ModelService default/opt-125m (samples/single-node-hf/modelservice.yaml), --pool-api v1: FAILED: 1 of 3 children differ\n--- Service default/opt-125m-service-decode (from the ConfigMap)\n+++ Service default/opt-125m-service-decode (from the BaseConfig)\n", report, StringComparison.Ordinal);
        Assert.Contains("\n-  type: ClusterIP\n+  type: NodePort\n", report, StringComparison.Ordinal);
        MigrateGolden.Verify("check-failure.stderr.txt", report);
    }
}
