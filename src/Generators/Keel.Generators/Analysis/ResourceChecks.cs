using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Keel.Generators.Model;

namespace Keel.Generators.Analysis;

/// <summary>Checks of a CRD as a whole: names, versions, storage, printer columns, scale paths.</summary>
internal static class ResourceChecks
{
    private static readonly Regex Dns1035Label = new("^[a-z]([-a-z0-9]*[a-z0-9])?$");
    private static readonly Regex Dns1123Subdomain = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    public static void Check(CrdModel crd, IReadOnlyDictionary<string, ResolvedType> types, List<DiagnosticInfo> diagnostics)
    {
        // Versions in source order, so a diagnostic lands on the class that disagrees with the first one written.
        var inSource = crd.Versions.OrderBy(v => v.Location?.FilePath, System.StringComparer.Ordinal).ThenBy(v => v.Location?.Span.Start ?? 0).ToList();
        var first = inSource[0];
        var id = crd.Kind + " (" + crd.Group + ")";
        CheckNames(first, id, diagnostics);

        foreach (var version in inSource.Skip(1))
        {
            var differences = new List<string>();
            if (version.Plural != first.Plural) differences.Add("plural");
            if (version.Singular != first.Singular) differences.Add("singular");
            if (version.ListKind != first.ListKind) differences.Add("listKind");
            if (version.Namespaced != first.Namespaced) differences.Add("scope");
            if (version.ShortNames != first.ShortNames) differences.Add("shortNames");
            if (version.Categories != first.Categories) differences.Add("categories");
            if (differences.Count > 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InconsistentVersions, version.Location, id, string.Join(", ", differences) + " differ between " + first.Version + " and " + version.Version));
            }
        }

        foreach (var duplicate in inSource.GroupBy(v => v.Version).Where(g => g.Count() > 1))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DuplicateVersion, duplicate.Last().Location, id, duplicate.Key));
        }

        var storage = crd.Versions.Count(v => v.Storage);
        if (crd.Versions.Count > 1 && storage != 1)
        {
            var at = inSource.Where(v => v.Storage).Skip(1).FirstOrDefault()?.Location ?? first.Location;
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.StorageVersionCount, at, id, storage.ToString(CultureInfo.InvariantCulture), string.Join(", ", crd.Versions.Select(v => v.Version))));
        }

        foreach (var version in crd.Versions)
        {
            if (!types.TryGetValue(version.RootKey, out var root))
            {
                continue;
            }

            foreach (var column in version.PrinterColumns)
            {
                if (JsonPathResolver.Resolve(column.JsonPath, root, types, out _) is { } error)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.PrinterColumnPath, column.Location, column.Name, column.JsonPath, version.RootName, error));
                }
            }

            CheckScale(version, root, types, diagnostics);
        }
    }

    /// <summary>Whether a version is the storage version (a lone version is, unless another rule says otherwise).</summary>
    public static bool IsStorage(CrdModel crd, ResourceModel version) => crd.Versions.Count == 1 || version.Storage;

    private static void CheckNames(ResourceModel resource, string id, List<DiagnosticInfo> diagnostics)
    {
        void Fail(string message) => diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidResourceName, resource.Location, id, message));

        if (!Dns1123Subdomain.IsMatch(resource.Group) || resource.Group.IndexOf('.') < 0 || resource.Group.Length > 253)
        {
            Fail($"group '{resource.Group}' must be a lower-case DNS subdomain with at least one dot");
        }

        foreach (var (what, value) in new[] { ("plural", resource.Plural), ("singular", resource.Singular), ("version", resource.Version) }
            .Concat(resource.ShortNames.Select(s => ("short name", s)))
            .Concat(resource.Categories.Select(c => ("category", c))))
        {
            if (!Dns1035Label.IsMatch(value) || value.Length > 63)
            {
                Fail($"{what} '{value}' must be a lower-case DNS label (a-z, 0-9, '-', starting with a letter)");
            }
        }

        if (!Regex.IsMatch(resource.Version, "^v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?$"))
        {
            Fail($"version '{resource.Version}' should follow Kubernetes version naming (v1, v1beta1, v1alpha2)");
        }

        foreach (var (what, value) in new[] { ("kind", resource.Kind), ("listKind", resource.ListKind) })
        {
            if (!Regex.IsMatch(value, "^[A-Z][A-Za-z0-9]*$"))
            {
                Fail($"{what} '{value}' must start with an upper-case letter and hold only letters and digits");
            }
        }

        if (resource.Kind == resource.ListKind)
        {
            Fail("kind and listKind must differ");
        }
    }

    private static void CheckScale(ResourceModel version, ResolvedType root, IReadOnlyDictionary<string, ResolvedType> types, List<DiagnosticInfo> diagnostics)
    {
        void Path(string? path, string prefix, ValueKind expected)
        {
            if (path is null)
            {
                return;
            }

            string? error = null;
            if (!path.StartsWith(prefix, System.StringComparison.Ordinal) || path.IndexOf('[') >= 0)
            {
                error = $"must be a plain path under {prefix}";
            }
            else if (JsonPathResolver.Resolve(path, root, types, out var leaf) is { } unresolved)
            {
                error = unresolved;
            }
            else if (leaf is not null && leaf.Kind != expected)
            {
                error = $"must name a {expected.ToString().ToLowerInvariant()} field";
            }

            if (error is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ScalePath, version.Location, path, version.RootName, error));
            }
        }

        Path(version.ScaleSpecReplicasPath, ".spec.", ValueKind.Integer);
        Path(version.ScaleStatusReplicasPath, ".status.", ValueKind.Integer);
        Path(version.ScaleLabelSelectorPath, ".", ValueKind.String);
    }
}
