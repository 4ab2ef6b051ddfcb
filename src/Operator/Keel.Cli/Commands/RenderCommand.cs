using System.CommandLine;
using Keel.Model.Presets;
using Keel.Model.Rendering;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>modelservice render --modelservice FILE [--base-config FILE] [--namespace NS] [--pool-api v1|v1alpha2]
/// [--epp-cluster-role NAME] [--pd-pull-secrets a,b] [--epp-pull-secrets c] [--preset-namespaces a,b] [--explain]</c>:
/// prints the children the operator would apply, as one YAML stream in apply order, without a cluster.
/// Warnings go to stderr; any error is one line on stderr and exit code 1.
/// </summary>
public static class RenderCommand
{
    public static Command Create()
    {
        var modelService = new Option<FileInfo>("--modelservice", "-m")
        {
            Description = "The ModelService manifest to render.",
            Required = true,
        };
        var baseConfig = new Option<FileInfo?>("--base-config", "-b")
        {
            Description = "The preset: a ConfigMap or a BaseConfig manifest. Needed when the ModelService references a preset.",
        };
        var ns = new Option<string?>("--namespace", "-n")
        {
            Description = "The namespace the ModelService lives in (default: its metadata.namespace, else default).",
        };
        var poolApi = new Option<string>("--pool-api")
        {
            Description = "The InferencePool API to write: v1 (with an InferenceObjective) or v1alpha2 (with an InferenceModel).",
            DefaultValueFactory = _ => "v1",
            HelpName = "v1|v1alpha2",
        };
        var eppClusterRole = new Option<string>("--epp-cluster-role")
        {
            Description = "The ClusterRole the endpoint picker's RoleBinding grants.",
            DefaultValueFactory = _ => RenderSettings.DefaultEppClusterRole,
        };
        var pdPullSecrets = new Option<string?>("--pd-pull-secrets")
        {
            Description = "Image pull secrets of the prefill/decode ServiceAccount, comma-separated.",
        };
        var eppPullSecrets = new Option<string?>("--epp-pull-secrets")
        {
            Description = "Image pull secrets of the endpoint picker's ServiceAccount, comma-separated.",
        };
        var presetNamespaces = new Option<string?>("--preset-namespaces")
        {
            Description = "Apply the operator's preset trust rule: namespaces whose presets other namespaces may use, comma-separated (default: trust the given file).",
        };
        var explain = new Option<bool>("--explain")
        {
            Description = "Precede each document with comments saying which layer (preset, ModelService, operator) set each field and the merge rule.",
        };
        var command = new Command("render", "Render a ModelService and its preset into the children the operator would apply.")
        {
            modelService, baseConfig, ns, poolApi, eppClusterRole, pdPullSecrets, eppPullSecrets, presetNamespaces, explain,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var errorOutput = parseResult.InvocationConfiguration.Error;
            var api = parseResult.GetValue(poolApi);
            if (api is not ("v1" or "v1alpha2"))
            {
                return Task.FromResult(Fail(errorOutput, $"--pool-api {api} is not supported: use v1 or v1alpha2"));
            }

            var options = new RenderOptions(
                parseResult.GetValue(modelService)!.FullName,
                parseResult.GetValue(baseConfig)?.FullName,
                parseResult.GetValue(ns),
                api == "v1alpha2" ? InferencePoolApi.V1Alpha2 : InferencePoolApi.V1,
                parseResult.GetValue(eppClusterRole) ?? RenderSettings.DefaultEppClusterRole,
                List(parseResult.GetValue(pdPullSecrets)),
                List(parseResult.GetValue(eppPullSecrets)),
                parseResult.GetValue(presetNamespaces) is { } trusted ? List(trusted) : null,
                parseResult.GetValue(explain));
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Run(options, output, errorOutput));
        });
        return command;
    }

    /// <summary>Runs a render; returns the exit code. Never throws for any input.</summary>
    internal static int Run(RenderOptions options, TextWriter output, TextWriter error)
    {
        try
        {
            var warnings = new List<string>();
            if (!RenderInputs.TryLoadModelService(options.ModelServicePath, options.Namespace, warnings, out var modelService, out var loadError))
            {
                return Fail(error, loadError);
            }

            var reference = PresetReference.For(modelService!);
            PresetSource? preset = null;
            if (options.PresetPath is { } presetPath)
            {
                if (!RenderInputs.TryLoadPreset(presetPath, reference, modelService!.Metadata.NamespaceProperty, warnings, out preset, out loadError))
                {
                    return Fail(error, loadError);
                }
            }
            else if (reference is not null)
            {
                return Fail(error, $"{options.ModelServicePath} references {reference}: pass it with --base-config FILE");
            }

            var settings = new RenderSettings
            {
                PoolApi = options.PoolApi,
                EppClusterRole = options.EppClusterRole,
                WorkloadPullSecrets = options.WorkloadPullSecrets,
                EppPullSecrets = options.EppPullSecrets,
                PresetTrust = options.PresetNamespaces is { } trusted ? new PresetTrust { PresetNamespaces = trusted } : PresetTrust.AnyNamespace,
            };
            var result = ModelServiceRenderer.RenderOnce(new RenderRequest
            {
                ModelService = modelService!,
                Preset = preset,
                Settings = settings,
                TrackProvenance = options.Explain,
            });

            if (!result.Succeeded)
            {
                var errors = result.Errors.Select(e => e.Message).ToList();
                return Fail(error, string.Join("; ", errors));
            }

            foreach (var warning in warnings.Concat(result.Warnings.Select(w => w.Message)))
            {
                error.WriteLine("modelservice render: warning: " + warning);
            }

            output.Write(RenderYaml.Write(result.Children, options.Explain));
            output.Flush();
            return 0;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Fail(error, $"internal error (please report it): {e.GetType().Name}: {e.Message}");
        }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("modelservice render: " + message.Replace('\n', ' ').Replace('\r', ' '));
        error.Flush();
        return 1;
    }

    private static IReadOnlyList<string> List(string? commaSeparated) =>
        commaSeparated is null
            ? []
            : commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The render command's parsed options.</summary>
internal sealed record RenderOptions(
    string ModelServicePath,
    string? PresetPath,
    string? Namespace,
    InferencePoolApi PoolApi,
    string EppClusterRole,
    IReadOnlyList<string> WorkloadPullSecrets,
    IReadOnlyList<string> EppPullSecrets,
    IReadOnlyList<string>? PresetNamespaces,
    bool Explain);
