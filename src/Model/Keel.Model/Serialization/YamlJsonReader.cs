using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Keel.Model.Serialization;

/// <summary>
/// Reads a YAML stream into JSON nodes, as Kubernetes does (YAML is JSON's superset here): mappings become
/// objects with string keys, sequences arrays, scalars per <see cref="YamlScalars"/>. Aliases are expanded,
/// merge keys (<c>&lt;&lt;</c>) applied, duplicate keys rejected. Errors carry the line and column.
/// </summary>
internal sealed class YamlJsonReader
{
    private const string MergeKey = "<<";

    private readonly IParser _parser;
    private readonly string? _sourceName;
    private readonly Dictionary<string, JsonNode?> _anchors = new(StringComparer.Ordinal);
    private SourceMap _map;
    private SourcePosition? _lastPosition;

    private YamlJsonReader(string yaml, string? sourceName)
    {
        _parser = new Parser(new StringReader(yaml));
        _sourceName = sourceName;
        _map = new SourceMap(sourceName);
    }

    /// <summary>Every document of the stream, empty ones included (their root is null).</summary>
    public static IReadOnlyList<YamlDocument> ReadAll(string yaml, string? sourceName)
    {
        YamlJsonReader? reader = null;
        try
        {
            reader = new YamlJsonReader(yaml, sourceName);
            return reader.ReadStream();
        }
        catch (YamlException e)
        {
            throw new KeelSerializationException(Describe(e), sourceName, Position(e.Start), null, e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this (without a position) on some malformed input, e.g. an unclosed flow
            // sequence; report it at the last node read.
            throw new KeelSerializationException("malformed YAML after this point", sourceName, reader?._lastPosition, null, e);
        }
    }

    private List<YamlDocument> ReadStream()
    {
        var documents = new List<YamlDocument>();
        _parser.Consume<StreamStart>();
        while (_parser.TryConsume<DocumentStart>(out var start))
        {
            _anchors.Clear();
            _map = new SourceMap(_sourceName);
            _lastPosition = Position(start.Start);
            var root = _parser.Accept<DocumentEnd>(out _) ? null : ReadNode(JsonPath.Root);
            _parser.Consume<DocumentEnd>();

            // A document "starts" at its content (the line a reader looks for), or at its marker when empty.
            var startPosition = root is null ? Position(start.Start) : _map.Find(JsonPath.Root) ?? Position(start.Start);
            documents.Add(new YamlDocument(root, documents.Count, startPosition, _map));
        }

        _parser.Consume<StreamEnd>();
        return documents;
    }

    private JsonNode? ReadNode(string path)
    {
        var current = _parser.Current ?? throw Error("unexpected end of YAML", null, path);
        var position = Position(current.Start);
        _map.Add(path, position);
        _lastPosition = position;

        JsonNode? node;
        string? anchor;
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    throw Error($"unknown alias *{alias.Value.Value}", position, path);
                }

                return target?.DeepClone();
            case Scalar scalar:
                _parser.MoveNext();
                node = ReadScalar(scalar, position, path);
                anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
                break;
            case SequenceStart sequence:
                _parser.MoveNext();
                node = ReadSequence(path);
                anchor = sequence.Anchor.IsEmpty ? null : sequence.Anchor.Value;
                break;
            case MappingStart mapping:
                _parser.MoveNext();
                node = ReadMapping(path, position);
                anchor = mapping.Anchor.IsEmpty ? null : mapping.Anchor.Value;
                break;
            default:
                throw Error($"unexpected YAML event {current.GetType().Name}", position, path);
        }

        if (anchor is not null)
        {
            _anchors[anchor] = node?.DeepClone();
        }

        return node;
    }

    private JsonArray ReadSequence(string path)
    {
        var array = new JsonArray();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            array.Add(ReadNode(JsonPath.Index(path, array.Count)));
        }

        return array;
    }

    private JsonObject ReadMapping(string path, SourcePosition position)
    {
        var obj = new JsonObject();
        var merged = new List<JsonObject>();
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            if (_parser.Current is not Scalar keyScalar)
            {
                var at = _parser.Current is null ? position : Position(_parser.Current.Start);
                throw Error("mapping keys must be scalars", at, path);
            }

            _parser.MoveNext();
            var keyPosition = Position(keyScalar.Start);
            var key = keyScalar.Value;
            if (key == MergeKey && keyScalar.Style == ScalarStyle.Plain)
            {
                merged.AddRange(ReadMergeSources(path, keyPosition));
                continue;
            }

            if (obj.ContainsKey(key))
            {
                throw Error($"mapping key \"{key}\" already defined", keyPosition, path);
            }

            obj[key] = ReadNode(JsonPath.Property(path, key));
        }

        // Explicit keys win over merged ones; earlier merge sources win over later ones.
        foreach (var source in merged)
        {
            foreach (var (key, value) in source)
            {
                if (!obj.ContainsKey(key))
                {
                    obj[key] = value?.DeepClone();
                }
            }
        }

        return obj;
    }

    private IEnumerable<JsonObject> ReadMergeSources(string path, SourcePosition position)
    {
        var value = ReadNode(JsonPath.Property(path, MergeKey));
        var sources = value switch
        {
            JsonObject single => [single],
            JsonArray many when many.All(n => n is JsonObject) => many.Cast<JsonObject>().ToList(),
            _ => throw Error("a merge key (<<) takes a mapping or a list of mappings", position, path),
        };
        return sources;
    }

    private JsonNode? ReadScalar(Scalar scalar, SourcePosition position, string path)
    {
        var tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        if (tag is null or "!")
        {
            return scalar.Style == ScalarStyle.Plain ? YamlScalars.ResolvePlain(scalar.Value) : JsonValue.Create(scalar.Value);
        }

        return tag switch
        {
            "tag:yaml.org,2002:str" or "tag:yaml.org,2002:binary" or "tag:yaml.org,2002:timestamp" => JsonValue.Create(scalar.Value),
            "tag:yaml.org,2002:null" => null,
            "tag:yaml.org,2002:bool" => YamlScalars.ResolvePlain(scalar.Value) is JsonValue b && b.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False
                ? b
                : throw Error($"\"{scalar.Value}\" is not a boolean", position, path),
            "tag:yaml.org,2002:int" or "tag:yaml.org,2002:float" => YamlScalars.TryResolveNumber(scalar.Value)
                ?? throw Error($"\"{scalar.Value}\" is not a number", position, path),
            _ => throw Error($"unsupported YAML tag {tag}", position, path),
        };
    }

    private KeelSerializationException Error(string message, SourcePosition? position, string path) =>
        new(message, _sourceName, position, path);

    private static SourcePosition Position(Mark mark) => new((int)mark.Line, (int)mark.Column);

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes messages with "(Line: n, Col: n, Idx: n) - (Line: ...): "; the position is reported separately.
        var message = e.Message;
        var marker = message.LastIndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(Line:", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
    }
}
