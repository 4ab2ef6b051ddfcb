using k8s.Models;
using Keel.Model.Api;
using Keel.Model.Presets;
using Keel.Model.Rendering;

namespace Keel.Model.Migration.Checking;

/// <summary>One child that is not the same from both presets: its name and the unified diff (original → migrated).</summary>
/// <param name="Child">The child, <c>Deployment team/llama-decode</c>.</param>
/// <param name="Diff">The unified diff of its YAML; a missing child diffs against nothing.</param>
public sealed record ChildDifference(string Child, string Diff);

/// <summary>The comparison of one ModelService's children rendered from the original and from the migrated preset.</summary>
public sealed record CheckOutcome
{
    /// <summary><c>team/llama-pd</c>.</summary>
    public required string ModelService { get; init; }

    /// <summary>The pool API both renders used.</summary>
    public required InferencePoolApi PoolApi { get; init; }

    /// <summary>Children compared (the union of both sides).</summary>
    public int ChildCount { get; init; }

    public IReadOnlyList<ChildDifference> Differences { get; init; } = [];

    /// <summary>Errors rendering against the ConfigMap (the check cannot compare then).</summary>
    public IReadOnlyList<string> OriginalErrors { get; init; } = [];

    /// <summary>Errors rendering against the migrated BaseConfig.</summary>
    public IReadOnlyList<string> MigratedErrors { get; init; } = [];

    /// <summary>Both sides rendered and every child is identical.</summary>
    public bool Identical => OriginalErrors.Count == 0 && MigratedErrors.Count == 0 && Differences.Count == 0;
}

/// <summary>
/// Proves a migration for given ModelServices: renders each through the real render pipeline against the ConfigMap
/// and against the migrated BaseConfig, with the same operator settings, and compares every child byte for byte.
/// Legacy parts are upgraded by the migration exactly as the operator upgrades them when it writes the v1 pool API
/// (the default); in the v1alpha2 mode the operator converts the current parts back and some fields differ on purpose
/// (an explicit endpoint-picker port, criticality from priority), so a migration that upgraded legacy parts is
/// compared in v1 mode only. See <see cref="ModesFor"/>.
/// </summary>
public static class MigrationCheck
{
    /// <summary>The pool API modes the check compares in: both, or only v1 after a legacy upgrade.</summary>
    public static IReadOnlyList<InferencePoolApi> ModesFor(MigrationResult migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        return migration.UpgradedLegacyApis ? [InferencePoolApi.V1] : [InferencePoolApi.V1, InferencePoolApi.V1Alpha2];
    }

    /// <summary>Renders <paramref name="modelService"/> against both presets in every mode of <see cref="ModesFor"/>.</summary>
    public static IReadOnlyList<CheckOutcome> Check(ModelService modelService, V1ConfigMap original, MigrationResult migration, RenderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(migration);
        if (migration.BaseConfig is not { } migrated)
        {
            throw new ArgumentException("the migration failed; there is nothing to check", nameof(migration));
        }

        return [.. ModesFor(migration).Select(mode => Compare(modelService, original, migrated, settings with { PoolApi = mode }))];
    }

    /// <summary>Renders <paramref name="modelService"/> against both presets with <paramref name="settings"/> and compares the children.</summary>
    public static CheckOutcome Compare(ModelService modelService, V1ConfigMap original, BaseConfig migrated, RenderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(modelService);
        ArgumentNullException.ThrowIfNull(settings);
        var name = $"{modelService.Metadata?.NamespaceProperty}/{modelService.Metadata?.Name}";
        var renderer = new ModelServiceRenderer();
        var before = renderer.Render(new RenderRequest { ModelService = modelService, Preset = PresetSource.From(original), Settings = settings });
        var after = new ModelServiceRenderer().Render(new RenderRequest { ModelService = modelService, Preset = PresetSource.From(migrated), Settings = settings });
        if (!before.Succeeded || !after.Succeeded)
        {
            return new CheckOutcome
            {
                ModelService = name,
                PoolApi = settings.PoolApi,
                OriginalErrors = [.. before.Errors.Select(e => e.Message)],
                MigratedErrors = [.. after.Errors.Select(e => e.Message)],
            };
        }

        var left = before.Children.ToDictionary(Identity, c => c);
        var right = after.Children.ToDictionary(Identity, c => c);
        var differences = new List<ChildDifference>();
        var identities = before.Children.Select(Identity).Concat(after.Children.Select(Identity)).Distinct().ToList();
        foreach (var identity in identities)
        {
            left.TryGetValue(identity, out var l);
            right.TryGetValue(identity, out var r);
            if (l is not null && r is not null && string.Equals(l.Json, r.Json, StringComparison.Ordinal))
            {
                continue;
            }

            var diff = UnifiedDiff.Create(
                l is null ? string.Empty : RenderYaml.Write([l]),
                r is null ? string.Empty : RenderYaml.Write([r]),
                $"{identity} (from the ConfigMap{(l is null ? ": not rendered" : string.Empty)})",
                $"{identity} (from the BaseConfig{(r is null ? ": not rendered" : string.Empty)})");
            differences.Add(new ChildDifference(identity, diff));
        }

        return new CheckOutcome { ModelService = name, PoolApi = settings.PoolApi, ChildCount = identities.Count, Differences = differences };
    }

    private static string Identity(RenderedChild child) => $"{child.Kind} {child.Namespace}/{child.Name}";
}
