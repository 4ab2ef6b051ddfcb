using System.Globalization;

namespace Keel.Operator.Scale;

/// <summary>The scale run's flags.</summary>
internal sealed record ScaleOptions(int Count, int Namespaces, int Concurrency, TimeSpan Timeout, string Repository)
{
    public static ScaleOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new ScaleOptions(
            Int("--count", 1000),
            Int("--namespaces", 10),
            Int("--concurrency", 4),
            TimeSpan.FromSeconds(Int("--timeout-seconds", 900)),
            Value("--repository") ?? FindRepository());
    }

    private static string FindRepository()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Keel.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run from a clone of the repository, or pass --repository DIR.");
    }
}
