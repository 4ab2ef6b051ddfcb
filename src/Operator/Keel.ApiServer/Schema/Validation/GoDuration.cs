using System.Globalization;
using System.Text.RegularExpressions;

namespace Keel.ApiServer.Schema.Validation;

/// <summary>Go's <c>time.ParseDuration</c> and go-openapi's more lenient <c>strfmt.ParseDuration</c>.</summary>
internal static partial class GoDuration
{
    private static readonly Dictionary<string, double> GoUnits = new(StringComparer.Ordinal)
    {
        ["ns"] = 1e-9, ["us"] = 1e-6, ["µs"] = 1e-6, ["μs"] = 1e-6, ["ms"] = 1e-3, ["s"] = 1, ["m"] = 60, ["h"] = 3600,
    };

    private static readonly Dictionary<string, double> StrfmtUnits = new(StringComparer.Ordinal)
    {
        ["ns"] = 1e-9, ["nanosecond"] = 1e-9, ["nanoseconds"] = 1e-9,
        ["us"] = 1e-6, ["µs"] = 1e-6, ["microsecond"] = 1e-6, ["microseconds"] = 1e-6,
        ["ms"] = 1e-3, ["millisecond"] = 1e-3, ["milliseconds"] = 1e-3,
        ["s"] = 1, ["second"] = 1, ["seconds"] = 1, ["sec"] = 1,
        ["m"] = 60, ["minute"] = 60, ["minutes"] = 60, ["min"] = 60,
        ["h"] = 3600, ["hour"] = 3600, ["hours"] = 3600, ["hr"] = 3600,
        ["d"] = 86400, ["day"] = 86400, ["days"] = 86400,
        ["w"] = 604800, ["week"] = 604800, ["weeks"] = 604800,
    };

    /// <summary><c>time.ParseDuration</c>: "300ms", "-1.5h", "2h45m".</summary>
    public static bool TryParseGo(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var s = text;
        var negative = false;
        if (s.Length > 0 && (s[0] == '-' || s[0] == '+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return true;
        }

        if (s.Length == 0)
        {
            return false;
        }

        double seconds = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            if (!GoUnits.TryGetValue(s[unitStart..i], out var scale))
            {
                return false;
            }

            seconds += number * scale;
        }

        if (seconds > TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond) * (negative ? -1 : 1));
        return true;
    }

    /// <summary><c>strfmt.ParseDuration</c>: Go durations, or "3 days", "1w", "5 minutes".</summary>
    public static bool TryParseStrfmt(string text, out TimeSpan duration)
    {
        if (TryParseGo(text, out duration))
        {
            return true;
        }

        var matches = StrfmtPart().Matches(text);
        if (matches.Count == 0)
        {
            return false;
        }

        double seconds = 0;
        foreach (Match match in matches)
        {
            if (!StrfmtUnits.TryGetValue(match.Groups[2].Value, out var scale)
                || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return false;
            }

            seconds += count * scale;
        }

        duration = TimeSpan.FromSeconds(seconds);
        return true;
    }

    [GeneratedRegex(@"(\d+)\s*([A-Za-zµ]+)")]
    private static partial Regex StrfmtPart();
}
