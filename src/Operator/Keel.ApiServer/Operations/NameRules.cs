using System.Text.RegularExpressions;
using Keel.ApiServer.Resources;

namespace Keel.ApiServer.Operations;

/// <summary>How a kind's object names are validated (the real server picks one per kind).</summary>
public enum NameRule
{
    Dns1123Subdomain,
    Dns1123Label,
    Dns1035Label,
    PathSegment,
}

/// <summary>The real server's name, label and qualified-name rules with its messages, word for word.</summary>
public static partial class NameRules
{
    private const string SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    private const string LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
    private const string Dns1035Message = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    private const string QualifiedNamePartMessage = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    private const string LabelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    /// <summary>Problems with an object name; empty when valid. With <paramref name="prefix"/> a generateName prefix is checked.</summary>
    public static IEnumerable<string> CheckName(string name, NameRule rule, bool prefix = false)
    {
        // A generateName prefix may end in '-': validate it as if a suffix followed.
        var candidate = prefix ? name + "a" : name;
        switch (rule)
        {
            case NameRule.Dns1123Subdomain:
                if (candidate.Length > 253)
                {
                    yield return "must be no more than 253 characters";
                }

                if (!Subdomain().IsMatch(candidate))
                {
                    yield return SubdomainMessage;
                }

                break;
            case NameRule.Dns1123Label:
                if (candidate.Length > 63)
                {
                    yield return "must be no more than 63 characters";
                }

                if (!Label().IsMatch(candidate))
                {
                    yield return LabelMessage;
                }

                break;
            case NameRule.Dns1035Label:
                if (candidate.Length > 63)
                {
                    yield return "must be no more than 63 characters";
                }

                if (!Dns1035().IsMatch(candidate))
                {
                    yield return Dns1035Message;
                }

                break;
            case NameRule.PathSegment:
                if (name is "." or "..")
                {
                    yield return $"may not be '{name}'";
                }

                foreach (var bad in new[] { "/", "%" })
                {
                    if (name.Contains(bad, StringComparison.Ordinal))
                    {
                        yield return $"may not contain '{bad}'";
                    }
                }

                break;
        }
    }

    /// <summary>Problems with a qualified name (label and annotation keys, finalizers): <c>[prefix/]name</c>.</summary>
    public static IEnumerable<string> CheckQualifiedName(string value)
    {
        var parts = value.Split('/');
        string name;
        if (parts.Length == 1)
        {
            name = parts[0];
        }
        else if (parts.Length == 2)
        {
            var prefix = parts[0];
            name = parts[1];
            if (prefix.Length == 0)
            {
                yield return "prefix part must be non-empty";
            }
            else
            {
                foreach (var p in CheckName(prefix, NameRule.Dns1123Subdomain))
                {
                    yield return "prefix part " + p;
                }
            }
        }
        else
        {
            yield return "a qualified name " + QualifiedNamePartMessage.Replace("name part must", "must", StringComparison.Ordinal) + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
            yield break;
        }

        if (name.Length == 0)
        {
            yield return "name part must be non-empty";
        }
        else
        {
            if (name.Length > 63)
            {
                yield return "name part must be no more than 63 characters";
            }

            if (!QualifiedPart().IsMatch(name))
            {
                yield return QualifiedNamePartMessage;
            }
        }
    }

    public static IEnumerable<string> CheckLabelValue(string value)
    {
        if (value.Length > 63)
        {
            yield return "must be no more than 63 characters";
        }

        if (value.Length > 0 && !QualifiedPart().IsMatch(value))
        {
            yield return LabelValueMessage;
        }
    }

    public static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value, Storage.JsonDefaults.Options);

    internal static IEnumerable<FieldViolation> Violations(string field, string value, IEnumerable<string> problems) =>
        problems.Select(p => FieldViolation.Invalid(field, Quote(value), p));

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Dns1035();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")]
    private static partial Regex QualifiedPart();
}
