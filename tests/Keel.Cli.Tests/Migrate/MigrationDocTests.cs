using System.Text.RegularExpressions;
using Keel.Cli.Commands;

namespace Keel.Cli.Tests.Migrate;

/// <summary>
/// docs/user-guide/migration.md tells the truth: every example command it marks runs with the exit code it states and
/// prints exactly the stdout and stderr it shows, its other output blocks are golden files the command tests verify,
/// and its options table lists exactly the command's options.
/// </summary>
/// <remarks>
/// Markers in the guide, each on the line before a fenced block: <c>&lt;!-- command: NAME exit N --&gt;</c> (a
/// <c>modelservice migrate</c> command, run from the repository's root), <c>&lt;!-- stdout: NAME --&gt;</c> and
/// <c>&lt;!-- stderr: NAME --&gt;</c> (its output; a stream without a block must be empty), <c>&lt;!-- file: NAME --&gt;</c>
/// (an input file the examples name) and <c>&lt;!-- golden: FILE --&gt;</c> (a golden file under Migrate/Golden).
/// </remarks>
public sealed partial class MigrationDocTests : IDisposable
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(MigrateRunner.Root, "docs", "user-guide", "migration.md"));

    private readonly string directory = Directory.CreateTempSubdirectory("keel-migrate-doc-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    public static TheoryData<string> Examples() => [.. Blocks("command").Keys];

    [Fact]
    public void The_guide_has_examples_of_success_failure_and_the_raw_fallback()
    {
        Assert.Equal(["gated-preset", "gated-preset-raw", "oci-legacy-preset"], Blocks("command").Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["check-failure.stderr.txt"], Blocks("golden").Keys);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_prints_what_the_guide_shows(string name)
    {
        foreach (var (file, content) in Blocks("file"))
        {
            File.WriteAllText(Path.Combine(directory, file), content);
        }

        var command = Blocks("command")[name];
        var words = command.Replace("\\\n", " ", StringComparison.Ordinal).Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["modelservice", "migrate"], words[..2]);
        var args = words[2..].Select(Resolve).ToArray();

        var (exit, stdout, stderr) = await MigrateRunner.Run(args);

        Assert.Equal(ExitCodeOf(name), exit);
        Assert.Equal(Blocks("stdout").GetValueOrDefault(name, string.Empty), stdout);
        Assert.Equal(Blocks("stderr").GetValueOrDefault(name, string.Empty), stderr.Replace(directory + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_golden_block_is_the_golden_file()
    {
        foreach (var (file, body) in Blocks("golden"))
        {
            Assert.Equal(File.ReadAllText(Path.Combine(MigrateGolden.Directory, file)), body);
        }
    }

    [Fact]
    public void The_options_table_lists_exactly_the_commands_options()
    {
        var table = Doc[Doc.IndexOf("| option | meaning | default |", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n\n", StringComparison.Ordinal)];
        var documented = table.Split('\n')
            .Skip(2)
            .SelectMany(row => OptionName().Matches(row.Split('|')[1]).Select(m => m.Groups["name"].Value))
            .Order(StringComparer.Ordinal);
        var options = MigrateCommand.Create().Options
            .SelectMany(o => o.Aliases.Prepend(o.Name))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        Assert.Equal(options, documented);
    }

    private string Resolve(string word)
    {
        if (File.Exists(Path.Combine(directory, word)))
        {
            return Path.Combine(directory, word);
        }

        var inRepository = Path.Combine(MigrateRunner.Root, word);
        return File.Exists(inRepository) ? inRepository : word;
    }

    private static int ExitCodeOf(string name) =>
        int.Parse(CommandMarker().Matches(Doc).Single(m => m.Groups["name"].Value == name).Groups["exit"].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Blocks(string kind) =>
        MarkedBlock().Matches(Doc)
            .Where(m => m.Groups["kind"].Value == kind)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value, StringComparer.Ordinal);

    [GeneratedRegex(@"<!-- (?<kind>command|stdout|stderr|file|golden): (?<name>[^ ]+)(?: exit \d)? -->\n```[a-z]*\n(?<body>.*?)```\n", RegexOptions.Singleline)]
    private static partial Regex MarkedBlock();

    [GeneratedRegex(@"<!-- command: (?<name>[^ ]+) exit (?<exit>\d) -->")]
    private static partial Regex CommandMarker();

    [GeneratedRegex(@"`(?<name>-{1,2}[a-z-]+)`")]
    private static partial Regex OptionName();
}
