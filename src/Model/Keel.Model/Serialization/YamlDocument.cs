using System.Text.Json.Nodes;

namespace Keel.Model.Serialization;

/// <summary>One document of a YAML stream, as JSON, with the source position of every node.</summary>
/// <param name="Root">The document's content; null for an empty document.</param>
/// <param name="Index">0-based position of the document in the stream.</param>
/// <param name="Start">Where the document starts.</param>
/// <param name="Positions">Where each node came from, by JSON path.</param>
public sealed record YamlDocument(JsonNode? Root, int Index, SourcePosition Start, SourceMap Positions);
