using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Keel.Generators.Tests.Infrastructure;

/// <summary>
/// Golden files under Golden/: the expected text of generated output, reviewed by a person.
/// Set KEEL_ACCEPT_GOLDEN=1 to rewrite them from the current output, then read the diff before committing.
/// </summary>
internal static class Golden
{
    public static void Match(string scenario, string fileName, string actual)
    {
        var directory = Path.Combine(FindTestRoot(), "Golden", scenario);
        var path = Path.Combine(directory, fileName);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("KEEL_ACCEPT_GOLDEN") == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing: run the tests with KEEL_ACCEPT_GOLDEN=1 and review the new file.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            Assert.Fail($"{scenario}/{fileName} differs from its golden file (KEEL_ACCEPT_GOLDEN=1 accepts the new output):\n{Diff(expected, actual)}");
        }
    }

    // Walks up from the test binaries, not from [CallerFilePath]: CI builds map source paths to /_/.
    private static string FindTestRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Keel.Generators.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("test project root not found above " + AppContext.BaseDirectory);
    }

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var text = new StringBuilder();
        var shown = 0;
        foreach (var line in diff.Lines)
        {
            if (line.Type == ChangeType.Unchanged)
            {
                continue;
            }

            text.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").AppendLine(line.Text);
            if (++shown == 60)
            {
                text.AppendLine("...");
                break;
            }
        }

        return text.ToString();
    }
}
