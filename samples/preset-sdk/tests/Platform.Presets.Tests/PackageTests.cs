using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Xml.Linq;

namespace Platform.Presets.Tests;

/// <summary>
/// What the local feed serves a platform team, read from the .nupkg and .snupkg files themselves: complete metadata
/// (id, description, license expression, repository with its commit, readme, tags), the generator and the presets
/// analyzer inside Keel.Model as analyzers, the tool package's command, and symbols with SourceLink.
/// </summary>
public sealed class PackageTests
{
    public static TheoryData<string> Packages => new() { "Keel.Model", "Keel.Annotations", "Keel.Cli" };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Metadata_is_complete(string id)
    {
        using var package = Open(id, "nupkg");
        var metadata = Nuspec(package, id);

        Assert.Equal(id, Value(metadata, "id"));
        Assert.Equal(TestSetup.KeelVersion, Value(metadata, "version"));
        Assert.True(Value(metadata, "description").Length > 60, $"{id}: the description is a stub");
        var license = metadata.Elements().Single(e => e.Name.LocalName == "license");
        Assert.Equal(("expression", "Apache-2.0"), ((string?)license.Attribute("type"), license.Value));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("git", (string?)repository.Attribute("type"));
        Assert.StartsWith("https://", (string?)repository.Attribute("url"), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{40}$", (string?)repository.Attribute("commit"));
        Assert.Contains("kubernetes", Value(metadata, "tags").Split(' '));

        var readme = Value(metadata, "readme");
        using var readmeText = new StreamReader(package.GetEntry(readme)!.Open());
        Assert.StartsWith("# " + id, readmeText.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Keel_Model_carries_the_generator_and_the_presets_analyzer_and_their_msbuild_items()
    {
        using var package = Open("Keel.Model", "nupkg");
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("lib/net10.0/Keel.Model.dll", entries);
        Assert.Contains("lib/net10.0/Keel.Model.xml", entries);
        Assert.Contains("analyzers/dotnet/cs/Keel.Generators.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/Keel.Presets.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/YamlDotNet.dll", entries);
        Assert.Contains("buildTransitive/Keel.Model.targets", entries);

        // The attributes come as a dependency, so a consumer references one package.
        var dependencies = Nuspec(package, "Keel.Model").Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string?)e.Attribute("id")).ToList();
        Assert.Contains("Keel.Annotations", dependencies);
    }

    [Fact]
    public void Keel_Cli_is_the_modelservice_tool()
    {
        using var package = Open("Keel.Cli", "nupkg");
        var packageType = Nuspec(package, "Keel.Cli").Descendants().Single(e => e.Name.LocalName == "packageType");
        Assert.Equal("DotnetTool", (string?)packageType.Attribute("name"));

        var settings = XDocument.Load(package.Entries.Single(e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal)).Open());
        var command = settings.Descendants("Command").Single();
        Assert.Equal(("modelservice", "modelservice.dll"), ((string?)command.Attribute("Name"), (string?)command.Attribute("EntryPoint")));
    }

    [Theory]
    [InlineData("Keel.Model", "lib/net10.0/Keel.Model.pdb")]
    [InlineData("Keel.Annotations", "lib/netstandard2.0/Keel.Annotations.pdb")]
    public void Symbols_map_the_sources_to_the_packaged_commit(string id, string pdb)
    {
        using var nupkg = Open(id, "nupkg");
        var commit = (string?)Nuspec(nupkg, id).Elements().Single(e => e.Name.LocalName == "repository").Attribute("commit");
        using var symbols = Open(id, "snupkg");
        using var stream = new MemoryStream();
        using (var entry = symbols.GetEntry(pdb)!.Open())
        {
            entry.CopyTo(stream);
        }

        stream.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(stream);
        var sourceLink = SourceLinkJson(provider.GetMetadataReader());
        Assert.True(sourceLink is not null, $"{pdb} has no SourceLink");
        Assert.Contains($"/{commit}/*", sourceLink, StringComparison.Ordinal);
    }

    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private static string? SourceLinkJson(MetadataReader pdb)
    {
        foreach (var handle in pdb.CustomDebugInformation)
        {
            var information = pdb.GetCustomDebugInformation(handle);
            if (pdb.GetGuid(information.Kind) == SourceLinkKind)
            {
                return Encoding.UTF8.GetString(pdb.GetBlobBytes(information.Value));
            }
        }

        return null;
    }

    private static ZipArchive Open(string id, string extension) =>
        ZipFile.OpenRead(Path.Combine(TestSetup.KeelFeed, $"{id}.{TestSetup.KeelVersion}.{extension}"));

    private static XElement Nuspec(ZipArchive package, string id)
    {
        using var nuspec = package.GetEntry($"{id}.nuspec")!.Open();
        return XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    private static string Value(XElement metadata, string name) =>
        metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value
        ?? throw new InvalidOperationException($"the nuspec has no <{name}>");
}
