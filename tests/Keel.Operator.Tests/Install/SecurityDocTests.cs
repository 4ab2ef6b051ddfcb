using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.Install;

/// <summary>
/// docs/user-guide/security.md tells administrators exactly what the operator and the endpoint picker may touch; its
/// tables must be the roles deploy/ ships (themselves generated from the code), rule for rule.
/// </summary>
public sealed partial class SecurityDocTests
{
    private readonly string _doc = Repository.Read("docs", "user-guide", "security.md");
    private readonly DeployManifests _deploy = DeployManifests.Read();

    [Theory]
    [InlineData("ClusterRole", "modelservice-operator", "### The operator's ClusterRole `modelservice-operator`")]
    [InlineData("Role", "modelservice-operator-leader-election", "### The leader-election Role `modelservice-operator-leader-election`")]
    [InlineData("ClusterRole", "modelservice-epp", "### The endpoint picker's ClusterRole `modelservice-epp`")]
    public void The_documented_permissions_are_the_shipped_role(string kind, string name, string heading)
    {
        var shipped = Grants(_deploy.Single(kind, name));
        var documented = DocumentedGrants(heading);
        Assert.Equal(shipped.Keys.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
        Assert.All(shipped, g => Assert.Equal(g.Value.Order(StringComparer.Ordinal), documented[g.Key].Order(StringComparer.Ordinal)));
    }

    /// <summary>resource[.group][/subresource][ named N] → verbs, from a role's rules.</summary>
    private static Dictionary<string, List<string>> Grants(JsonObject role)
    {
        var grants = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in role["rules"]!.AsArray())
        {
            var names = rule!["resourceNames"]?.AsArray().Select(n => (string?)n).ToList() ?? [null];
            foreach (var group in rule["apiGroups"]!.AsArray().Select(g => (string)g!))
            {
                foreach (var resource in rule["resources"]!.AsArray().Select(r => (string)r!))
                {
                    foreach (var resourceName in names)
                    {
                        var key = Key(Qualified(group, resource), resourceName);
                        var verbs = grants.TryGetValue(key, out var existing) ? existing : grants[key] = [];
                        verbs.AddRange(rule["verbs"]!.AsArray().Select(v => (string)v!));
                    }
                }
            }
        }

        return grants;
    }

    /// <summary>The rows of the table under <paramref name="heading"/>: resource (and name) → verbs.</summary>
    private Dictionary<string, List<string>> DocumentedGrants(string heading)
    {
        var lines = _doc.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"security.md has no heading {heading}");
        var grants = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')))
        {
            var row = Row().Match(line);
            if (!row.Success)
            {
                continue; // the header and its separator
            }

            var key = Key(row.Groups["resource"].Value, row.Groups["name"].Success ? row.Groups["name"].Value : null);
            Assert.True(grants.TryAdd(key, [.. row.Groups["verbs"].Value.Split(',', StringSplitOptions.TrimEntries)]), $"security.md lists {key} twice under {heading}");
        }

        Assert.NotEmpty(grants);
        return grants;
    }

    /// <summary>How the doc (and kubectl) names a resource: <c>resource.group</c>, a subresource after it (<c>modelservices.llm-d.ai/status</c>).</summary>
    private static string Qualified(string group, string resource)
    {
        var (plural, subresource) = resource.Split('/') is [var p, var s] ? (p, "/" + s) : (resource, "");
        return (group.Length == 0 ? plural : $"{plural}.{group}") + subresource;
    }

    private static string Key(string resource, string? name) => name is null ? resource : $"{resource} named {name}";

    [GeneratedRegex(@"^\| `(?<resource>[a-z0-9./-]+)`( named `(?<name>[a-z0-9.-]+)`)? \| (?<verbs>[a-z, ]+) \|")]
    private static partial Regex Row();
}
