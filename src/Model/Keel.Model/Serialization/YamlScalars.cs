using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Keel.Model.Serialization;

/// <summary>
/// How a plain (unquoted) YAML scalar becomes a JSON value, and which strings must be quoted when written.
/// Reading follows the YAML 1.2 core schema (null, true/false, decimal/octal/hex integers, floats), so
/// <c>yes</c> and <c>on</c> stay strings. Writing quotes every string that a YAML 1.1 reader (go-yaml, and so
/// kubectl) could take for another type too, so what we write reads back the same everywhere.
/// </summary>
internal static partial class YamlScalars
{
    /// <summary>The JSON value of a plain scalar: null, a boolean, a number or the string itself.</summary>
    public static JsonNode? ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        return TryResolveNumber(text) ?? JsonValue.Create(text);
    }

    /// <summary>The JSON number of a YAML 1.2 core integer or float, or null when the text is not one.</summary>
    public static JsonNode? TryResolveNumber(string text)
    {
        if (JsonNumber().IsMatch(text))
        {
            // Already JSON's syntax: keep the exact text (1.50 stays 1.50, big integers stay exact).
            return JsonNode.Parse(text);
        }

        if (DecimalInteger().IsMatch(text))
        {
            // "+5", "007": not JSON, but decimal integers.
            return Number(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && OctalDigits().IsMatch(text[2..]))
        {
            var value = BigInteger.Zero;
            foreach (var digit in text[2..])
            {
                value = (value * 8) + (digit - '0');
            }

            return Number(value);
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && HexDigits().IsMatch(text[2..]))
        {
            return Number(BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        if (YamlFloat().IsMatch(text))
        {
            var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            return JsonNode.Parse(value.ToString("R", CultureInfo.InvariantCulture));
        }

        // .inf and .nan have no JSON form: they stay strings.
        return null;
    }

    /// <summary>Whether a string must be quoted so that YAML readers (1.1 and 1.2) read it back as this string.</summary>
    public static bool NeedsQuotes(string text) =>
        text.Length == 0
        || text == "<<" // a plain << key is a merge key
        || ResolvePlain(text) is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.String
        || Yaml11Special().IsMatch(text)
        || Yaml11Number().IsMatch(text);

    private static JsonNode Number(BigInteger value) =>
        JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))!;

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex(@"^[0-7]+$")]
    private static partial Regex OctalDigits();

    [GeneratedRegex(@"^[0-9a-fA-F]+$")]
    private static partial Regex HexDigits();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloat();

    // YAML 1.1 booleans and nulls, .inf/.nan, and timestamps: strings a 1.1 reader would retype.
    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)$")]
    private static partial Regex Yaml11Special();

    // YAML 1.1 numbers: underscores, sexagesimal (1:20), binary, leading-zero octal.
    [GeneratedRegex(@"^[-+]?(0b[01_]+|0[0-7_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|[1-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|0x[0-9a-fA-F_]+)$")]
    private static partial Regex Yaml11Number();
}
