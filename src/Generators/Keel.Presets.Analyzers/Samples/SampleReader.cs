using System.Collections.Immutable;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Keel.Presets.Analyzers.Samples;

/// <summary>
/// Reads the ModelServices of a sample file (YAML or JSON, one or several documents; other kinds are skipped):
/// metadata.name, spec.baseConfigRef.name or spec.baseConfigMapRef.name, and spec.routing.ports[].name.
/// </summary>
internal static class SampleReader
{
    public static ImmutableArray<SampleModelService> Read(string file, string text, out string? error)
    {
        error = null;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            error = $"line {e.Start.Line}, column {e.Start.Column}: {e.Message}";
            return [];
        }

        var result = ImmutableArray.CreateBuilder<SampleModelService>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is not YamlMappingNode root || Text(root, "kind") != "ModelService")
            {
                continue;
            }

            var name = Text(Map(root, "metadata"), "name") ?? string.Empty;
            var spec = Map(root, "spec");
            var preset = Text(Map(spec, "baseConfigRef"), "name") ?? Text(Map(spec, "baseConfigMapRef"), "name");
            var ports = ImmutableArray.CreateBuilder<string>();
            if (Child(Map(spec, "routing"), "ports") is YamlSequenceNode list)
            {
                foreach (var item in list.Children)
                {
                    if (item is YamlMappingNode port && Text(port, "name") is { } portName)
                    {
                        ports.Add(portName);
                    }
                }
            }

            result.Add(new SampleModelService(file, name, preset, ports.ToImmutable()));
        }

        if (result.Count == 0)
        {
            error = "it holds no ModelService (kind: ModelService)";
        }

        return result.ToImmutable();
    }

    private static YamlNode? Child(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static YamlMappingNode? Map(YamlMappingNode? map, string key) => Child(map, key) as YamlMappingNode;

    private static string? Text(YamlMappingNode? map, string key) => (Child(map, key) as YamlScalarNode)?.Value;
}
