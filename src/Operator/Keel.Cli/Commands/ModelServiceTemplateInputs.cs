using Keel.Model.Templating;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Keel.Cli.Commands;

/// <summary>
/// Reads the few ModelService fields the template variables come from (metadata.name/namespace,
/// spec.routing.modelName/ports, spec.modelArtifacts.uri/authSecretName) from a manifest file.
/// Stands in until the typed ModelService API lands; the variables come from the same function.
/// </summary>
internal static class ModelServiceTemplateInputs
{
    public static bool TryLoad(string path, out TemplateVariables? variables, out string error)
    {
        variables = null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = $"cannot read {path}: {e.Message}";
            return false;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            error = $"{path}:{e.Start.Line}:{e.Start.Column}: invalid YAML: {e.Message}";
            return false;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            error = $"{path}: expected a ModelService manifest (a YAML mapping)";
            return false;
        }

        if (Scalar(root, "kind") is { } kind && kind != "ModelService")
        {
            error = $"{path}: kind is {kind}, expected ModelService";
            return false;
        }

        var name = Scalar(root, "metadata", "name");
        if (string.IsNullOrEmpty(name))
        {
            error = $"{path}: metadata.name is required";
            return false;
        }

        var uri = Scalar(root, "spec", "modelArtifacts", "uri");
        if (string.IsNullOrEmpty(uri))
        {
            error = $"{path}: spec.modelArtifacts.uri is required";
            return false;
        }

        var ports = new List<KeyValuePair<string, int>>();
        if (Node(root, "spec", "routing", "ports") is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children.OfType<YamlMappingNode>())
            {
                var portName = Scalar(item, "name");
                if (portName is not null && int.TryParse(Scalar(item, "port"), System.Globalization.CultureInfo.InvariantCulture, out var port))
                {
                    ports.Add(new(portName, port));
                }
            }
        }

        variables = TemplateVariables.From(
            name,
            Scalar(root, "metadata", "namespace") ?? "default",
            Scalar(root, "spec", "routing", "modelName") ?? string.Empty,
            uri,
            Scalar(root, "spec", "modelArtifacts", "authSecretName"),
            ports);
        error = string.Empty;
        return true;
    }

    private static YamlNode? Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private static string? Scalar(YamlNode node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;
}
