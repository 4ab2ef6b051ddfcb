using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Keel.Generators.Analysis;

/// <summary>Kubernetes version priority: GA before beta before alpha, higher numbers first (v2, v1, v1beta2, v1beta1, v1alpha1).</summary>
internal sealed class VersionPriority : IComparer<string>
{
    public static readonly VersionPriority Comparer = new();

    private static readonly Regex Pattern = new("^v([0-9]+)(?:(alpha|beta)([0-9]+))?$");

    public int Compare(string? x, string? y)
    {
        var a = Rank(x ?? string.Empty);
        var b = Rank(y ?? string.Empty);
        var byRank = b.CompareTo(a);
        return byRank != 0 ? byRank : string.CompareOrdinal(x, y);
    }

    private static (int Known, int Stability, int Major, int Minor) Rank(string version)
    {
        var match = Pattern.Match(version);
        if (!match.Success)
        {
            return (0, 0, 0, 0);
        }

        var stability = match.Groups[2].Value switch
        {
            "" => 3,
            "beta" => 2,
            _ => 1,
        };
        var minor = match.Groups[3].Success && match.Groups[3].Value.Length > 0 ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return (1, stability, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), minor);
    }
}
