using System.Text.RegularExpressions;

namespace Keel.ApiServer.Resources;

/// <summary>
/// Orders API versions by Kubernetes' version priority: GA before beta before alpha, higher numbers first,
/// then anything that does not look like a Kubernetes version, alphabetically.
/// </summary>
public sealed partial class KubeVersionComparer : IComparer<string>
{
    public static readonly KubeVersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var a = Rank(x ?? "");
        var b = Rank(y ?? "");
        var c = a.Stage.CompareTo(b.Stage);
        if (c != 0)
        {
            return c;
        }

        if (a.Stage == 3)
        {
            return string.CompareOrdinal(x, y);
        }

        c = b.Major.CompareTo(a.Major);
        return c != 0 ? c : b.Minor.CompareTo(a.Minor);
    }

    private static (int Stage, int Major, int Minor) Rank(string v)
    {
        var m = VersionPattern().Match(v);
        if (!m.Success)
        {
            return (3, 0, 0);
        }

        var major = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minor = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var stage = m.Groups[2].Value switch { "" => 0, "beta" => 1, _ => 2 };
        return (stage, major, minor);
    }

    [GeneratedRegex("^v([0-9]+)(?:(alpha|beta)([0-9]+))?$")]
    private static partial Regex VersionPattern();
}
