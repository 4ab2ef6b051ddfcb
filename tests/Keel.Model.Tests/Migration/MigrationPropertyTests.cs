using CsCheck;
using Keel.Model.Api;
using Keel.Model.Migration;
using Keel.Model.Migration.Checking;
using Keel.Model.Serialization;
using static Keel.Model.Tests.Migration.MigrationKit;

namespace Keel.Model.Tests.Migration;

/// <summary>
/// Round trip over random well-formed presets and ModelServices: migrating a ConfigMap preset and rendering gives the
/// same children as rendering the ConfigMap (or both fail), in every pool mode the check uses; a value becomes raw
/// template text exactly when one of its templates produces structure (each snippet below knows whether it does);
/// and the written YAML reads back as the same manifest.
/// </summary>
public sealed class MigrationPropertyTests
{
    // (text, whether it keeps the value from being a typed part)
    private static readonly (string Text, bool Raw)[] Args =
    [
        ("--port", false),
        ("\"{{ \"http\" | getPort }}\"", false),
        ("'{{ .ModelName }}'", false),
        ("--served-model-name={{ .ModelName }}", false),
        ("{{ .MountedModelPath }}", false),
        ("\"{{ .HFModelName }}\"", false),
        ("{{ .AuthSecretName | default \"none\" }}", false),
        ("--tp={{ add 1 2 }}", false),
        ("'{{ .SanitizedModelName | upper }}-{{ \"internal_port\" | getPort }}'", false),
        ("{{ .HFModelName }}", true),
        ("{{ \"http\" | getPort }}", true),
        ("{{ .ModelName | quote }}", true),
        ("--mode={{ if .AuthSecretName }}auth{{ else }}open{{ end }}", false),
    ];

    private static readonly (string Text, bool Raw)[] Images =
    [
        ("vllm/vllm-openai:v0.11.2", false),
        ("vllm/vllm-openai:{{ if .AuthSecretName }}v0.11.2{{ else }}v0.10.0{{ end }}", false),
        ("\"registry.example.com/{{ .SanitizedModelName }}:1\"", false),
    ];

    private static readonly (string Text, bool Raw)[] Integers =
    [
        ("8000", false),
        ("{{ \"http\" | getPort }}", false),
        ("{{ \"app_port\" | getPort }}", false),
        ("{{ if .AuthSecretName }}8443{{ else }}8080{{ end }}", false),
        ("\"{{ \"http\" | getPort }}\"", true),
    ];

    private static readonly (string Text, bool Raw)[] PortNames =
    [
        ("http", false),
        ("{{ \"http\" | getPort }}", false),
        ("'{{ \"http\" | getPort }}'", true),
    ];

    private static readonly (string Text, bool Raw)[] EnvValues =
    [
        ("\"{{ .ModelName }}\"", false),
        ("{{ .ModelServiceName }}", false),
        ("{{ .InferencePoolName }}-{{ .ModelServiceNamespace }}", false),
        ("{{ .AuthSecretName }}", true),
    ];

    private static readonly (string Text, bool Raw)[] Extras =
    [
        (string.Empty, false),
        ("          # listens on {{ \"http\" | getPort }}\n", false),
        ("          {{- if .AuthSecretName }}\n          envFrom:\n            - secretRef: {name: \"{{ .AuthSecretName }}\"}\n          {{- end }}\n", true),
        ("          resources: {{ dict \"limits\" (dict \"cpu\" \"1\") | toYaml | nindent 12 }}\n", true),
        ("{{/* a template comment on its own line */}}\n", false),
    ];

    private static readonly string[] Criticalities = ["Critical", "Standard", "Sheddable", "High", "{{ if .AuthSecretName }}Critical{{ else }}Standard{{ end }}"];

    // Options that make the ConfigMap itself fail to render (a number where a string is wanted...) are kept, since both
    // forms must then fail alike, but drawn rarely so that most cases compare children.
    private static Gen<(string Text, bool Raw)> Pick((string Text, bool Raw)[] options, params string[] broken)
    {
        var good = options.Where(o => !broken.Contains(o.Text)).ToArray();
        var bad = options.Where(o => broken.Contains(o.Text)).ToArray();
        return bad.Length == 0 ? Gen.OneOf(good) : Gen.Frequency((40, Gen.OneOf(good)), (1, Gen.OneOf(bad)));
    }

    // A number where a string is wanted; a string where a number is wanted.
    private const string NumberInString = "{{ \"http\" | getPort }}";
    private const string StringInNumber = "\"{{ \"http\" | getPort }}\"";

    private static readonly Gen<(string Text, bool Raw)> Deployment =
        Gen.Select(Gen.OneOf(Images), Pick(Args, NumberInString).Array[0, 4], Pick(Integers, StringInNumber), Gen.OneOf(EnvValues), Gen.OneOf(PortNames), Gen.OneOf(Extras), Pick(Integers, StringInNumber),
            (image, args, port, env, probe, extra, replicas) =>
            {
                var text = $"""
                    spec:
                      replicas: {replicas.Text}
                      template:
                        spec:
                          containers:
                            - name: vllm
                              image: {image.Text}
                              args: {(args.Length == 0 ? "[]" : string.Concat(args.Select(a => "\n            - " + a.Text)))}
                              ports:
                                - containerPort: {port.Text}
                              env:
                                - name: E
                                  value: {env.Text}
                              readinessProbe:
                                httpGet: {"{"}path: /health, port: {probe.Text}{"}"}

                    """ + extra.Text;
                return (text, image.Raw || args.Any(a => a.Raw) || port.Raw || env.Raw || probe.Raw || extra.Raw || replicas.Raw);
            });

    private static readonly Gen<(string Text, bool Raw)> Service =
        Gen.Select(Pick(Integers, StringInNumber), Gen.OneOf(PortNames), (port, target) => (
            $"spec:\n  ports:\n    - name: http\n      port: {port.Text}\n      targetPort: {target.Text}\n",
            port.Raw || target.Raw));

    private static readonly Gen<(string Text, bool Raw)> Pool =
        Gen.Select(Gen.Bool, Gen.Bool, (legacy, explicitPort) => (legacy
            ? $"apiVersion: inference.networking.x-k8s.io/v1alpha2\nspec:\n  selector: {{app: vllm}}\n  targetPortNumber: {{{{ \"http\" | getPort }}}}\n  extensionRef: {{failureMode: FailOpen{(explicitPort ? ", portNumber: 9003" : string.Empty)}}}\n"
            : "spec:\n  targetPorts:\n    - number: {{ \"app_port\" | getPort }}\n  endpointPickerRef: {failureMode: FailClose}\n", false));

    private static readonly Gen<(string Text, bool Raw)> Model =
        Gen.OneOf(Criticalities).Select(c => ($"spec:\n  modelName: {{{{ .ModelName }}}}\n  criticality: {c}\n", c.Contains("{{", StringComparison.Ordinal)));

    private static readonly Gen<(string Text, bool Raw)> Route =
        Gen.Bool.Select(legacy => ($"spec:\n  rules:\n    - backendRefs:\n        - {{group: {(legacy ? "inference.networking.x-k8s.io" : "inference.networking.k8s.io")}, kind: InferencePool, name: {{{{ .InferencePoolName }}}}}}\n", false));

    private static readonly Gen<(string Text, bool Raw)> ConfigMaps =
        Gen.Bool.Select(templatedName => ($"- metadata:\n    name: {(templatedName ? "{{ .ModelServiceName }}-cfg" : "cfg")}\n  data:\n    a.yaml: |\n      model: {{{{ .ModelName }}}}\n      port: {{{{ \"http\" | getPort }}}}\n", false));

    private const string Epp = "spec:\n  template:\n    spec:\n      containers:\n        - name: epp\n          image: ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.5.0\n          args: [--pool-name, \"{{ .InferencePoolName }}\"]\n";

    // A preset: each part present or not. Keys in the ConfigMap's order.
    private static readonly Gen<(string Key, string Text, bool Raw)[]> Preset =
        Gen.Select(Deployment, Service, Pool, Model, Route, ConfigMaps, Gen.Int[0, 127], Deployment, (decode, service, pool, model, route, configMaps, mask, prefill) =>
        {
            var parts = new List<(string, string, bool)> { ("decodeDeployment", decode.Text, decode.Raw) };
            void Add(int bit, string key, (string Text, bool Raw) part)
            {
                if ((mask & (1 << bit)) != 0)
                {
                    parts.Add((key, part.Text, part.Raw));
                }
            }

            Add(0, "decodeService", service);
            Add(1, "eppDeployment", (Epp, false));
            Add(2, "inferencePool", pool);
            Add(3, "inferenceModel", model);
            Add(4, "httpRoute", route);
            Add(5, "configMaps", configMaps);
            Add(6, "prefillDeployment", prefill);
            return parts.ToArray();
        });

    private static readonly Gen<ModelService> ModelServices =
        Gen.Select(Gen.OneOf("ms", "llama", "a-b"), Gen.OneOf("hf://facebook/opt-125m", "pvc://claim/models/llama", "oci://registry.example.com/m:1"), Gen.Bool, Gen.Int[0, 7], Gen.Bool, Gen.Bool,
            (name, uri, auth, ports, prefill, replicas) =>
            {
                var portList = new[] { ("http", 8000), ("app_port", 8001), ("internal_port", 8200) }
                    .Where((_, i) => (ports & (1 << i)) != 0)
                    .Select(p => $"{{name: {p.Item1}, port: {p.Item2}}}");
                return ModelService($$"""
                    metadata: {name: {{name}}, namespace: team, uid: 7d9f2b1e-0000-4000-8000-000000000001}
                    spec:
                      baseConfigMapRef: {name: preset}
                      routing:
                        modelName: meta-llama/Llama-3.1-8B-Instruct
                        ports: [{{string.Join(", ", portList)}}]
                      modelArtifacts: {uri: "{{uri}}"{{(auth ? ", authSecretName: hf-token" : string.Empty)}}}
                      decode:
                        {{(replicas ? "replicas: 2" : "replicas: null")}}
                        containers: [{name: vllm, mountModelVolume: true}]
                    {{(prefill ? "  prefill:\n    containers: [{name: vllm, image: \"vllm/vllm-openai:v0.11.2\"}]" : string.Empty)}}
                    """);
            });

    [Fact]
    public void Migrating_and_rendering_gives_the_children_of_the_ConfigMap()
    {
        Gen.Select(Preset, ModelServices.Array[1, 3]).Sample((preset, modelServices) =>
        {
            var configMap = ConfigMap([.. preset.Select(p => (p.Key, p.Text))]);
            var result = Migrate(configMap, allowRaw: true);
            Assert.True(result.Succeeded, string.Join("\n", result.Notes));

            // Raw exactly when a snippet produces structure (or a legacy model's criticality is a template).
            foreach (var (key, _, raw) in preset)
            {
                var part = result.Parts.Single(p => p.Key == key);
                Assert.True(raw == (part.Outcome == PartOutcome.Raw), $"{key}: expected {(raw ? "raw" : "typed")}, got {part.Outcome}\n{string.Join("\n", result.Notes)}");
            }

            foreach (var modelService in modelServices)
            {
                foreach (var outcome in MigrationCheck.Check(modelService, configMap, result, Settings))
                {
                    var bothFail = outcome.OriginalErrors.Count > 0 && outcome.MigratedErrors.Count > 0;
                    Assert.True(outcome.Identical || bothFail, $"{outcome.ModelService} ({outcome.PoolApi}):\n"
                        + string.Join("\n", outcome.OriginalErrors.Select(e => "original: " + e).Concat(outcome.MigratedErrors.Select(e => "migrated: " + e)))
                        + string.Join("\n", outcome.Differences.Select(d => d.Diff)));
                }
            }

            Assert.Equal(result.Manifest!.ToJsonString(), KeelYaml.ParseSingle(MigrationYaml.Write(result)).Root!.ToJsonString());
        }, iter: 300, threads: 1, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Most_random_ModelServices_render_so_the_round_trip_compares_children_not_just_errors()
    {
        var rendered = 0;
        var total = 0;
        var failures = new List<string>();
        Gen.Select(Preset, ModelServices).Sample((preset, modelService) =>
        {
            var configMap = ConfigMap([.. preset.Select(p => (p.Key, p.Text))]);
            var result = Migrate(configMap, allowRaw: true);
            total++;
            var outcomes = MigrationCheck.Check(modelService, configMap, result, Settings);
            if (outcomes.All(o => o.Identical))
            {
                rendered++;
            }
            else
            {
                failures.Add(outcomes.SelectMany(o => o.OriginalErrors).FirstOrDefault() ?? "?");
            }
        }, iter: 200, threads: 1, seed: "0N0XIzNsQ0O2");
        Assert.True(rendered * 3 > total * 2, $"only {rendered} of {total} random cases rendered:\n" + string.Join("\n", failures.Take(20)));
    }
}
