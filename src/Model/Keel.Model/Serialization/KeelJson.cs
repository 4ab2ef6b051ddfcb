using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace Keel.Model.Serialization;

/// <summary>
/// JSON for every type Keel reads and writes (ours, the imported upstream ones and KubernetesClient's models),
/// with Kubernetes' conventions: camelCase names, nulls omitted, quantities and int-or-string values as the API
/// server writes them, RFC 3339 times. Metadata comes from source generation only (no reflection), so this
/// works under Native AOT; asking for a type no context knows is an error, not a slow path.
/// </summary>
public static class KeelJson
{
    /// <summary>The options every Keel component uses; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: false);

    /// <summary>The same options, writing indented JSON.</summary>
    public static JsonSerializerOptions IndentedOptions { get; } = CreateOptions(indented: true);

    /// <summary>Source-generated metadata for <typeparamref name="T"/>.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    /// <summary>Source-generated metadata for <paramref name="type"/>.</summary>
    public static JsonTypeInfo TypeInfo(Type type) => Options.GetTypeInfo(type);

    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, (JsonTypeInfo<T>)(indented ? IndentedOptions : Options).GetTypeInfo(typeof(T)));

    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    public static JsonNode? SerializeToNode<T>(T value) => JsonSerializer.SerializeToNode(value, TypeInfo<T>());

    /// <summary>Serializes an object whose type is known only at run time (it must be one a context knows).</summary>
    public static JsonNode? SerializeToNode(object value) => JsonSerializer.SerializeToNode(value, TypeInfo(value.GetType()));

    /// <summary>Reads <typeparamref name="T"/> from JSON text; bad input throws <see cref="KeelSerializationException"/>.</summary>
    public static T Deserialize<T>(string json, string? sourceName = null)
    {
        try
        {
            return JsonSerializer.Deserialize(json, TypeInfo<T>()) ?? throw NullDocument(sourceName);
        }
        catch (JsonException e)
        {
            throw Wrap(e, sourceName, positions: null);
        }
    }

    /// <summary>Reads <typeparamref name="T"/> from UTF-8 JSON; bad input throws <see cref="KeelSerializationException"/>.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, string? sourceName = null)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, TypeInfo<T>()) ?? throw NullDocument(sourceName);
        }
        catch (JsonException e)
        {
            throw Wrap(e, sourceName, positions: null);
        }
    }

    /// <summary>Reads <typeparamref name="T"/> from a JSON stream; bad input throws <see cref="KeelSerializationException"/>.</summary>
    public static async ValueTask<T> DeserializeAsync<T>(Stream utf8Json, string? sourceName = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(utf8Json, TypeInfo<T>(), cancellationToken).ConfigureAwait(false)
                ?? throw NullDocument(sourceName);
        }
        catch (JsonException e)
        {
            throw Wrap(e, sourceName, positions: null);
        }
    }

    /// <summary>
    /// Converts a JSON node to <typeparamref name="T"/>. With <paramref name="positions"/> (from YAML), errors name
    /// the line and column of the offending field.
    /// </summary>
    public static T Deserialize<T>(JsonNode? node, string? sourceName = null, SourceMap? positions = null)
    {
        try
        {
            return (node is null ? default : node.Deserialize(TypeInfo<T>())) ?? throw NullDocument(sourceName);
        }
        catch (JsonException e)
        {
            throw Wrap(e, sourceName ?? positions?.SourceName, positions);
        }
    }

    /// <summary>Converts a JSON node to a type known only at run time (see <see cref="Deserialize{T}(JsonNode?, string?, SourceMap?)"/>).</summary>
    public static object Deserialize(JsonNode? node, Type type, string? sourceName = null, SourceMap? positions = null)
    {
        try
        {
            return (node is null ? null : node.Deserialize(TypeInfo(type))) ?? throw NullDocument(sourceName);
        }
        catch (JsonException e)
        {
            throw Wrap(e, sourceName ?? positions?.SourceName, positions);
        }
    }

    private static KeelSerializationException NullDocument(string? sourceName) =>
        new("the document is empty (null)", sourceName, null, null);

    internal static KeelSerializationException Wrap(JsonException e, string? sourceName, SourceMap? positions)
    {
        SourcePosition? position = positions?.Find(e.Path)
            ?? (e.LineNumber is { } line ? new SourcePosition((int)line + 1, (int)(e.BytePositionInLine ?? 0) + 1) : null);
        return new KeelSerializationException(Reason(e), sourceName, position, e.Path, e);
    }

    // System.Text.Json appends " Path: ... | LineNumber: ..." to its messages; the location is reported separately.
    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(
                KeelJsonContext.Default,
                Upstream.Inference.V1.InferenceV1JsonContext.Default,
                Upstream.InferenceX.V1Alpha2.InferenceXV1Alpha2JsonContext.Default,
                Upstream.Llmd.V1Alpha2.LlmdV1Alpha2JsonContext.Default,
                Upstream.Llmd.V1Alpha1.LlmdV1Alpha1JsonContext.Default,
                Upstream.Gateway.V1.GatewayV1JsonContext.Default,
                Upstream.Lws.V1.LwsV1JsonContext.Default,
                SourceGenerationContext.Default),
        };

        // Kubernetes' wire formats for times and durations (KubernetesJson's converters).
        options.Converters.Add(new KubernetesJson.Iso8601TimeSpanConverter());
        options.Converters.Add(new KubernetesJson.KubernetesDateTimeConverter());
        options.Converters.Add(new KubernetesJson.KubernetesDateTimeOffsetConverter());
        options.Converters.Add(new V1Status.V1StatusObjectViewConverter());
        options.MakeReadOnly();
        return options;
    }
}
