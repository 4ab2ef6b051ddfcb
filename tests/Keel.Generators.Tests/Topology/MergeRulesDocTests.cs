using System.Text;
using Keel.Model.Topology;

namespace Keel.Generators.Tests.Topology;

/// <summary>docs/user-guide/merge-rules.md lists the strategy of every non-default field of the built-in types; it must match the code.</summary>
public sealed class MergeRulesDocTests
{
    private const string Begin = "<!-- BEGIN GENERATED TABLE -->";
    private const string End = "<!-- END GENERATED TABLE -->";

    [Fact]
    public void Merge_rules_doc_matches_the_topology_catalog()
    {
        var path = DocPath();
        var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = text.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length;
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start > Begin.Length - 1 && end > start, "generated-table markers missing in " + path);

        var expected = "\n" + Table() + "\n";
        if (Environment.GetEnvironmentVariable("KEEL_ACCEPT_GOLDEN") == "1")
        {
            File.WriteAllText(path, text[..start] + expected + text[end..]);
            return;
        }

        Assert.Equal(expected, text[start..end]);
    }

    private static string Table()
    {
        var table = new StringBuilder("| type | field | strategy | keys / group |\n|---|---|---|---|\n");
        foreach (var type in TopologyCatalog.All.Where(t => t.ClrType.Namespace == "k8s.Models").OrderBy(t => t.ClrType.Name, StringComparer.Ordinal))
        {
            if (type.Atomic)
            {
                table.Append(CultureInvariant($"| {type.ClrType.Name} | (whole type) | AtomicObject | |\n"));
            }

            foreach (var field in type.Fields.Where(NotDefault))
            {
                var keys = field.Strategy == MergeStrategy.MapList
                    ? string.Join(", ", field.MergeKeys) + (field.MergeKeys.SequenceEqual(field.ListMapKeys) ? string.Empty : " (server-side apply: " + string.Join(", ", field.ListMapKeys) + ")")
                    : field.OneOfGroup is { } group ? "one-of `" + group + "`" : string.Empty;
                table.Append(CultureInvariant($"| {type.ClrType.Name} | `{field.JsonName}` | {field.Strategy} | {keys} |\n"));
            }
        }

        return table.ToString().TrimEnd('\n');
    }

    private static bool NotDefault(FieldTopology field) =>
        field.OneOfGroup is not null || field.Strategy switch
        {
            MergeStrategy.Replace or MergeStrategy.MergeFields or MergeStrategy.AtomicList or MergeStrategy.MapUnion => false,
            MergeStrategy.AtomicObject => false, // listed once as "(whole type)"
            _ => true,
        };

    private static string CultureInvariant(FormattableString value) => FormattableString.Invariant(value);

    // Walks up from the test binaries, not from [CallerFilePath]: CI builds map source paths to /_/.
    private static string DocPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Keel.slnx")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        return Path.Combine(root, "docs", "user-guide", "merge-rules.md");
    }
}
