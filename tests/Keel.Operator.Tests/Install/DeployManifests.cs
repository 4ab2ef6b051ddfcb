using System.Text.Json.Nodes;
using Keel.Model.Serialization;
using Keel.Operator.Tests.Support;

namespace Keel.Operator.Tests.Install;

/// <summary>The objects of deploy/ as kubectl reads them (every .yaml file, in file order), and the facts tests need from them.</summary>
internal sealed class DeployManifests
{
    private DeployManifests(IReadOnlyList<JsonObject> objects) => Objects = objects;

    public IReadOnlyList<JsonObject> Objects { get; }

    public static DeployManifests Read(string? folder = null)
    {
        var directory = folder ?? Repository.Path("deploy");
        var objects = Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal)
            .SelectMany(file => KeelYaml.ParseAll(File.ReadAllText(file), file))
            .Select(d => d.Root).OfType<JsonObject>()
            .ToList();
        return new DeployManifests(objects);
    }

    /// <summary>Objects rendered elsewhere (the Helm chart), read with the same accessors.</summary>
    public static DeployManifests FromObjects(IEnumerable<JsonObject> objects) => new([.. objects]);

    public JsonObject Single(string kind, string? name = null) =>
        Objects.Single(o => Kind(o) == kind && (name is null || Name(o) == name));

    /// <summary>The operator's Deployment (the one whose container runs <c>modelservice run</c>).</summary>
    public JsonObject Deployment => Single("Deployment");

    public JsonObject Container => (JsonObject)Deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray()
        .Single(c => c!["name"]!.GetValue<string>() == "operator")!;

    public string Namespace => Deployment["metadata"]!["namespace"]!.GetValue<string>();

    public string ServiceAccountName => Deployment["spec"]!["template"]!["spec"]!["serviceAccountName"]!.GetValue<string>();

    /// <summary>The container's arguments exactly as deploy/ gives them.</summary>
    public IReadOnlyList<string> Args => [.. Container["args"]!.AsArray().Select(a => a!.GetValue<string>())];

    /// <summary>The value of <c>--flag=value</c> in the container's arguments.</summary>
    public string? Flag(string flag) =>
        Args.FirstOrDefault(a => a.StartsWith(flag + "=", StringComparison.Ordinal))?[(flag.Length + 1)..];

    public static string Kind(JsonObject o) => o["kind"]!.GetValue<string>();

    public static string Name(JsonObject o) => o["metadata"]!["name"]!.GetValue<string>();

    public static string? NamespaceOf(JsonObject o) => (string?)o["metadata"]?["namespace"];
}
