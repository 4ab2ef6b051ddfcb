using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Keel.Cli.Commands;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.Install;

/// <summary>docs/user-guide/configuration.md against the flags <c>modelservice run</c> defines: none missing, none stale, defaults as declared.</summary>
public sealed partial class ConfigurationDocTests
{
    private readonly Command _run = RunCommand.Create();
    private readonly IReadOnlyDictionary<string, DocRow> _documented = DocRows(Repository.Read("docs", "user-guide", "configuration.md"));

    [Fact]
    public void The_reference_lists_exactly_the_flags_of_the_run_command()
    {
        var defined = _run.Options.Select(o => o.Name).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(defined);
        Assert.Equal(defined, _documented.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_alias_and_every_declared_default_is_in_the_reference()
    {
        foreach (var option in _run.Options)
        {
            var row = _documented[option.Name];
            Assert.Equal(option.Aliases.Order(StringComparer.Ordinal), row.Aliases.Order(StringComparer.Ordinal));
            if (option.HasDefaultValue && option.GetDefaultValue() is { } declared)
            {
                var value = declared is bool flag ? (flag ? "true" : "false") : Convert.ToString(declared, CultureInfo.InvariantCulture)!;
                Assert.True(row.Default.StartsWith($"`{value}`", StringComparison.Ordinal), $"{option.Name}: the reference gives the default \"{row.Default}\", the command declares {value}");
            }
        }
    }

    [Fact]
    public void Every_flag_the_deployment_and_the_chart_pass_is_documented()
    {
        foreach (var arg in DeployManifests.Read().Args.Skip(1))
        {
            Assert.Contains(arg.Split('=')[0], _documented.Keys);
        }

        var chart = Repository.Read("charts", "modelservice-operator", "templates", "deployment.yaml");
        foreach (Match flag in ChartFlag().Matches(chart))
        {
            Assert.Contains(flag.Groups[1].Value, _documented.Keys);
        }
    }

    /// <summary>The rows of the reference's tables: flag → its aliases and its default cell.</summary>
    private static Dictionary<string, DocRow> DocRows(string markdown)
    {
        var rows = new Dictionary<string, DocRow>(StringComparer.Ordinal);
        foreach (var line in markdown.Split('\n').Where(l => l.StartsWith("| `-", StringComparison.Ordinal)))
        {
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            var names = NameInCell().Matches(cells[1]).Select(m => m.Groups[1].Value).ToList();
            Assert.True(rows.TryAdd(names[0], new DocRow(names[1..], cells[2])), $"configuration.md lists {names[0]} twice");
        }

        return rows;
    }

    [GeneratedRegex("`(-[^`]+)`")]
    private static partial Regex NameInCell();

    [GeneratedRegex(@"^\s*- (--[a-z-]+)=", RegexOptions.Multiline)]
    private static partial Regex ChartFlag();

    private sealed record DocRow(IReadOnlyList<string> Aliases, string Default);
}
