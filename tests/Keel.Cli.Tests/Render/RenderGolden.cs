namespace Keel.Cli.Tests.Render;

/// <summary>
/// Golden files of the render command's output under tests/Keel.Cli.Tests/Render/Golden. Set KEEL_ACCEPT_GOLDEN=1 to
/// rewrite them from the current output, then read the diff before committing.
/// </summary>
internal static class RenderGolden
{
    public static string Root { get; } = FindRoot();

    public static string Directory => Path.Combine(Root, "tests", "Keel.Cli.Tests", "Render", "Golden");

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

    public static string Sample(string sample, string file) => Path.Combine(Root, "samples", sample, file);

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
