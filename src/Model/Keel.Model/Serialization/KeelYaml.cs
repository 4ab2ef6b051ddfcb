using System.Text.Json.Nodes;

namespace Keel.Model.Serialization;

/// <summary>
/// YAML for every type Keel reads and writes. YAML is read into JSON (YAML 1.2 core scalars, aliases and merge
/// keys expanded) and then through <see cref="KeelJson"/>, so YAML and JSON follow one set of rules; errors name
/// the source, line and column of the offending node. Writing produces kubectl-style block YAML.
/// </summary>
public static class KeelYaml
{
    /// <summary>Every document of a YAML stream as JSON with source positions (empty documents included).</summary>
    public static IReadOnlyList<YamlDocument> ParseAll(string yaml, string? sourceName = null) =>
        YamlJsonReader.ReadAll(yaml, sourceName);

    /// <summary>The single document of <paramref name="yaml"/> as JSON; zero or several documents are an error.</summary>
    public static YamlDocument ParseSingle(string yaml, string? sourceName = null)
    {
        var documents = ParseAll(yaml, sourceName).Where(d => d.Root is not null).ToList();
        return documents.Count switch
        {
            1 => documents[0],
            0 => throw new KeelSerializationException("the YAML holds no document", sourceName, null, null),
            _ => throw new KeelSerializationException(
                $"expected one YAML document, found {documents.Count}", sourceName, documents[1].Start, null),
        };
    }

    /// <summary>Reads <typeparamref name="T"/> from a one-document YAML text; bad input throws <see cref="KeelSerializationException"/>.</summary>
    public static T Deserialize<T>(string yaml, string? sourceName = null)
    {
        var document = ParseSingle(yaml, sourceName);
        return KeelJson.Deserialize<T>(document.Root, sourceName, document.Positions);
    }

    /// <summary>Like <see cref="Deserialize{T}"/>, returning the error as a value instead of throwing.</summary>
    public static SerializationResult<T> TryDeserialize<T>(string yaml, string? sourceName = null)
    {
        try
        {
            return SerializationResult<T>.Success(Deserialize<T>(yaml, sourceName));
        }
        catch (KeelSerializationException e)
        {
            return SerializationResult<T>.Failure(e.ToError());
        }
    }

    /// <summary>
    /// Reads every non-empty document of a stream as the type its <c>apiVersion</c> and <c>kind</c> name in
    /// <paramref name="kinds"/> (default: <see cref="KindRegistry.Default"/>). An unknown kind is an error naming the document.
    /// </summary>
    public static IReadOnlyList<object> LoadAll(string yaml, string? sourceName = null, KindRegistry? kinds = null)
    {
        kinds ??= KindRegistry.Default;
        var objects = new List<object>();
        foreach (var document in ParseAll(yaml, sourceName))
        {
            if (document.Root is null)
            {
                continue;
            }

            if (document.Root is not JsonObject root)
            {
                throw new KeelSerializationException(
                    $"document {document.Index + 1} is not a mapping (a Kubernetes object)", sourceName, document.Start, null);
            }

            var apiVersion = (root["apiVersion"] as JsonValue)?.GetValue<string>() ?? "";
            var kind = (root["kind"] as JsonValue)?.GetValue<string>() ?? "";
            var type = kinds.Find(apiVersion, kind) ?? throw new KeelSerializationException(
                $"document {document.Index + 1}: unknown kind \"{kind}\" of apiVersion \"{apiVersion}\"",
                sourceName, document.Start, null);
            objects.Add(KeelJson.Deserialize(root, type, sourceName, document.Positions));
        }

        return objects;
    }

    /// <summary>Writes <paramref name="value"/> as one YAML document (ending with a newline).</summary>
    public static string Serialize<T>(T value) => YamlJsonWriter.Write(KeelJson.SerializeToNode(value));

    /// <summary>Writes a JSON node as one YAML document.</summary>
    public static string SerializeNode(JsonNode? node) => YamlJsonWriter.Write(node);

    /// <summary>Writes objects (each of a type a context knows) as a YAML stream separated by <c>---</c>.</summary>
    public static string SerializeAll(IEnumerable<object> values) =>
        YamlJsonWriter.WriteAll(values.Select(KeelJson.SerializeToNode));

    /// <summary>Converts YAML text to JSON text (one document).</summary>
    public static string ToJson(string yaml, string? sourceName = null) =>
        ParseSingle(yaml, sourceName).Root?.ToJsonString() ?? "null";
}
