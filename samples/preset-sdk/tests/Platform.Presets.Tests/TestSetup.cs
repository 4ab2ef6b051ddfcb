using System.Reflection;

namespace Platform.Presets.Tests;

/// <summary>Paths and versions the build wrote into the test assembly.</summary>
internal static class TestSetup
{
    public static string SamplesFolder => Metadata("SamplesFolder");

    public static string KeelFeed => Metadata("KeelFeed");

    public static string KeelVersion => Metadata("KeelVersion");

    public static string Sample(string folder, string file) => Path.Combine(SamplesFolder, folder, file);

    private static string Metadata(string key) =>
        typeof(TestSetup).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is empty");
}
