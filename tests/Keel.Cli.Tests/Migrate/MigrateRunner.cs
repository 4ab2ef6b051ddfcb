using System.CommandLine;
using Keel.Cli.Commands;

namespace Keel.Cli.Tests.Migrate;

/// <summary>Runs <c>modelservice migrate</c> in-process with captured streams, and finds the repository's files.</summary>
internal static class MigrateRunner
{
    public static string Root { get; } = FindRoot();

    public static string Sample(string sample, string file) => Path.Combine(Root, "samples", sample, file);

    public static IReadOnlyList<string> Samples { get; } =
    [
        .. Directory.GetDirectories(Path.Combine(Root, "samples"))
            .Where(d => File.Exists(Path.Combine(d, "preset-configmap.yaml")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal),
    ];

    public static async Task<(int ExitCode, string Stdout, string Stderr)> Run(params string[] args)
    {
        var root = new RootCommand { MigrateCommand.Create() };
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var exit = await root.Parse(["migrate", .. args]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString().Replace(Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal));
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Keel.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Keel.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Golden files under tests/Keel.Cli.Tests/Migrate/Golden; KEEL_ACCEPT_GOLDEN=1 rewrites them (review the diff).</summary>
internal static class MigrateGolden
{
    public static string Directory => Path.Combine(MigrateRunner.Root, "tests", "Keel.Cli.Tests", "Migrate", "Golden");

    public static void Verify(string name, string actual)
    {
        var path = Path.Combine(Directory, name);
        if (Environment.GetEnvironmentVariable("KEEL_ACCEPT_GOLDEN") == "1")
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing: run the tests with KEEL_ACCEPT_GOLDEN=1 and review the new file.");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
