using k8s.Models;
using Keel.Model.Migration;
using Keel.Model.Migration.Checking;
using Keel.Model.Rendering;

namespace Keel.Cli.Commands;

/// <summary>
/// <c>migrate --check</c>: renders each ModelService file against the ConfigMap and the migrated BaseConfig and
/// reports, on the error stream, one line per ModelService and pool mode, and a unified diff per differing child.
/// </summary>
public static class MigrateCheck
{
    /// <summary>0 when every ModelService renders identically, 1 when one cannot be read or rendered, 2 on a difference.</summary>
    public static int Run(IReadOnlyList<string> modelServicePaths, V1ConfigMap configMap, MigrationResult result, RenderSettings settings, TextWriter error)
    {
        var modes = MigrationCheck.ModesFor(result);
        if (modes.Count == 1)
        {
            error.WriteLine(
                "modelservice migrate: check: comparing with --pool-api v1 only: the migration upgraded legacy parts exactly as the operator upgrades them in v1 mode "
                + "(the default); with --pool-api v1alpha2 the operator converts the current parts back and writes some fields differently (see docs/user-guide/migration.md)");
        }

        var code = 0;
        foreach (var path in modelServicePaths)
        {
            var warnings = new List<string>();
            if (!RenderInputs.TryLoadModelService(path, null, warnings, out var modelService, out var loadError))
            {
                error.WriteLine("modelservice migrate: check: error: " + loadError);
                code = Math.Max(code, 1);
                continue;
            }

            foreach (var outcome in MigrationCheck.Check(modelService!, configMap, result, settings))
            {
                code = Math.Max(code, Report(path, outcome, error));
            }
        }

        return code;
    }

    private static int Report(string path, CheckOutcome outcome, TextWriter error)
    {
        var head = $"modelservice migrate: check: ModelService {outcome.ModelService} ({path}), --pool-api {(outcome.PoolApi == InferencePoolApi.V1 ? "v1" : "v1alpha2")}: ";
        if (outcome.OriginalErrors.Count > 0)
        {
            error.WriteLine(head + "error: it does not render against the ConfigMap preset, so there is nothing to compare: " + string.Join("; ", outcome.OriginalErrors));
            return 1;
        }

        if (outcome.MigratedErrors.Count > 0)
        {
            error.WriteLine(head + "FAILED: it renders against the ConfigMap but not against the BaseConfig: " + string.Join("; ", outcome.MigratedErrors));
            return MigrateCommand.CheckFailed;
        }

        if (outcome.Differences.Count == 0)
        {
            error.WriteLine(head + $"{outcome.ChildCount} {(outcome.ChildCount == 1 ? "child" : "children")} identical");
            return 0;
        }

        error.WriteLine(head + $"FAILED: {outcome.Differences.Count} of {outcome.ChildCount} children differ");
        foreach (var difference in outcome.Differences)
        {
            error.Write(difference.Diff);
        }

        return MigrateCommand.CheckFailed;
    }
}
