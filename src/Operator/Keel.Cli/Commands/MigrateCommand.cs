using System.CommandLine;
using k8s.Models;
using Keel.Model.Migration;
using Keel.Model.Rendering;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>modelservice migrate (--base-config FILE | --from-cluster NAMESPACE/NAME [--kubeconfig FILE] [--context NAME])
/// [-o FILE] [--check MODELSERVICE...] [--allow-raw-templates] [--drop-unknown-keys]</c>: converts a ConfigMap preset
/// into the equivalent BaseConfig manifest. Notes, warnings and the check's report go to stderr; the manifest to
/// stdout or the output file. Exit codes: 0 done, 1 the preset cannot be migrated (or an input is wrong), 2 the check
/// found a ModelService whose children differ.
/// </summary>
public static class MigrateCommand
{
    /// <summary>The exit code when a ModelService renders differently from the two presets.</summary>
    public const int CheckFailed = 2;

    public static Command Create()
    {
        var baseConfig = new Option<FileInfo?>("--base-config", "-b")
        {
            Description = "The ConfigMap preset to migrate (a manifest file, as for render --base-config).",
        };
        var fromCluster = new Option<string?>("--from-cluster")
        {
            Description = "Read the ConfigMap preset NAMESPACE/NAME from the cluster of the kubeconfig instead of a file.",
        };
        var kubeconfig = new Option<string?>("--kubeconfig")
        {
            Description = "The kubeconfig for --from-cluster (default: $KUBECONFIG, else ~/.kube/config).",
        };
        var context = new Option<string?>("--context")
        {
            Description = "The kubeconfig context for --from-cluster (default: its current context).",
        };
        var output = new Option<FileInfo?>("--output", "-o")
        {
            Description = "Write the BaseConfig manifest to this file instead of stdout.",
        };
        var check = new Option<FileInfo[]>("--check")
        {
            Description = "ModelService manifests to render against both presets; fails with a diff if any child differs.",
            AllowMultipleArgumentsPerToken = true,
        };
        var allowRaw = new Option<bool>("--allow-raw-templates")
        {
            Description = "Keep values whose templates produce YAML structure verbatim under spec.templates instead of failing.",
        };
        var dropUnknownKeys = new Option<bool>("--drop-unknown-keys")
        {
            Description = "Leave out keys that name no preset part (recorded in an annotation) instead of failing.",
        };
        var eppClusterRole = new Option<string>("--epp-cluster-role")
        {
            Description = "The ClusterRole the endpoint picker's RoleBinding grants, for --check renders.",
            DefaultValueFactory = _ => RenderSettings.DefaultEppClusterRole,
        };
        var command = new Command("migrate", "Convert a ConfigMap preset into the equivalent BaseConfig custom resource.")
        {
            baseConfig, fromCluster, kubeconfig, context, output, check, allowRaw, dropUnknownKeys, eppClusterRole,
        };
        command.Validators.Add(result =>
        {
            var file = result.GetValue(baseConfig) is not null;
            var cluster = result.GetValue(fromCluster) is not null;
            if (file == cluster)
            {
                result.AddError("give the ConfigMap preset with exactly one of --base-config FILE or --from-cluster NAMESPACE/NAME");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new MigrateOptions(
                parseResult.GetValue(baseConfig)?.ToString(),
                parseResult.GetValue(fromCluster),
                parseResult.GetValue(kubeconfig),
                parseResult.GetValue(context),
                parseResult.GetValue(output)?.ToString(),
                [.. (parseResult.GetValue(check) ?? []).Select(f => f.ToString())],
                new MigrationOptions { AllowRawTemplates = parseResult.GetValue(allowRaw), DropUnknownKeys = parseResult.GetValue(dropUnknownKeys) },
                parseResult.GetValue(eppClusterRole) ?? RenderSettings.DefaultEppClusterRole);
            return await RunAsync(options, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Runs a migration; returns the exit code. Never throws for any input.</summary>
    internal static async Task<int> RunAsync(MigrateOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            V1ConfigMap? configMap;
            string loadError;
            if (options.FilePath is { } path)
            {
                configMap = MigrateSource.ReadFile(path, out loadError);
            }
            else
            {
                (configMap, loadError) = await MigrateSource.ReadClusterAsync(options.FromCluster!, options.Kubeconfig, options.Context, cancellationToken).ConfigureAwait(false);
            }

            if (configMap is null)
            {
                return Fail(error, loadError);
            }

            if (options.OutputPath is { } target && options.FilePath is { } source && string.Equals(Path.GetFullPath(target), Path.GetFullPath(source), StringComparison.Ordinal))
            {
                return Fail(error, $"--output {target} would overwrite the ConfigMap preset; keep the ConfigMap until every ModelService is switched (docs/user-guide/migration.md)");
            }

            var result = PresetMigration.Migrate(configMap, options.Migration);
            foreach (var note in result.Notes)
            {
                error.WriteLine("modelservice migrate: " + note);
            }

            if (!result.Succeeded)
            {
                error.WriteLine($"modelservice migrate: {result.Source} was not migrated ({result.Errors.Count()} {(result.Errors.Count() == 1 ? "error" : "errors")})");
                return 1;
            }

            var warnings = new List<string>();
            if (!CrdAdmission.TryAdmit(CrdAdmission.BaseConfig, (System.Text.Json.Nodes.JsonObject)result.Manifest!.DeepClone(), "the migrated BaseConfig", warnings, out var admissionError))
            {
                return Fail(error, $"internal error (please report it): the BaseConfig CRD rejects the migrated preset: {admissionError}");
            }

            if (options.Check.Count > 0)
            {
                var settings = new RenderSettings { EppClusterRole = options.EppClusterRole, PresetTrust = Keel.Model.Presets.PresetTrust.AnyNamespace };
                var code = MigrateCheck.Run(options.Check, configMap, result, settings, error);
                if (code != 0)
                {
                    error.WriteLine("modelservice migrate: the BaseConfig was not written; fix the preset or the migration and run again");
                    return code;
                }
            }

            var yaml = MigrationYaml.Write(result);
            if (options.OutputPath is { } file)
            {
                await File.WriteAllTextAsync(file, yaml, cancellationToken).ConfigureAwait(false);
                error.WriteLine($"modelservice migrate: wrote BaseConfig {Name(result)} to {file} ({Summary(result)})");
            }
            else
            {
                await output.WriteAsync(yaml.AsMemory(), cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(error, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            return Fail(error, $"internal error (please report it): {e.GetType().Name}: {e.Message}");
        }
    }

    private static string Name(MigrationResult result) =>
        result.BaseConfig?.Metadata?.NamespaceProperty is { Length: > 0 } ns ? ns + "/" + result.BaseConfig.Metadata.Name : result.BaseConfig?.Metadata?.Name ?? string.Empty;

    private static string Summary(MigrationResult result)
    {
        var counts = result.Parts
            .Where(p => p.Outcome is PartOutcome.Typed or PartOutcome.Upgraded or PartOutcome.Raw)
            .GroupBy(p => p.Outcome)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        return string.Join(", ", counts) + " part" + (result.Parts.Count(p => p.Outcome is PartOutcome.Typed or PartOutcome.Upgraded or PartOutcome.Raw) == 1 ? string.Empty : "s");
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine("modelservice migrate: error: " + message.Replace('\n', ' ').Replace('\r', ' '));
        error.Flush();
        return 1;
    }
}

/// <summary>The migrate command's parsed options.</summary>
internal sealed record MigrateOptions(
    string? FilePath,
    string? FromCluster,
    string? Kubeconfig,
    string? Context,
    string? OutputPath,
    IReadOnlyList<string> Check,
    MigrationOptions Migration,
    string EppClusterRole);
