using Microsoft.Net.Http.Headers;

namespace Keel.ApiServer.Http;

/// <summary>The response shapes a client can ask for with <c>Accept</c>.</summary>
public enum ResponseShape
{
    Object,
    Table,
    PartialObjectMetadata,
}

/// <summary>Accept-header negotiation the way kubectl and client-go use it (<c>application/json;as=Table;v=v1;g=meta.k8s.io</c>).</summary>
public static class MediaTypes
{
    public const string Json = "application/json";
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatchYaml = "application/apply-patch+yaml";
    public const string Yaml = "application/yaml";

    public static ResponseShape Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return ResponseShape.Object;
        }

        var acceptsPlain = false;
        foreach (var entry in Parse(accept))
        {
            var asParam = Param(entry, "as");
            var group = Param(entry, "g");
            if (asParam is null)
            {
                if (IsJsonLike(entry.MediaType.Value))
                {
                    acceptsPlain = true;
                }

                continue;
            }

            if (group == "meta.k8s.io" && IsJsonLike(entry.MediaType.Value))
            {
                switch (asParam)
                {
                    case "Table":
                        return ResponseShape.Table;
                    case "PartialObjectMetadata" or "PartialObjectMetadataList":
                        return ResponseShape.PartialObjectMetadata;
                }
            }
        }

        return acceptsPlain ? ResponseShape.Object : throw ApiException.NotAcceptable(
            "only the following media types are accepted: application/json, application/yaml, application/json;as=Table;v=v1;g=meta.k8s.io");
    }

    public static bool WantsAggregatedDiscovery(string? accept) =>
        !string.IsNullOrWhiteSpace(accept) && Parse(accept).Any(e =>
            Param(e, "as") == "APIGroupDiscoveryList" && Param(e, "g") == "apidiscovery.k8s.io" && Param(e, "v") == "v2" && IsJsonLike(e.MediaType.Value));

    private static bool IsJsonLike(string? mediaType) => mediaType is Json or "*/*" or "application/*";

    private static IList<MediaTypeHeaderValue> Parse(string accept) =>
        MediaTypeHeaderValue.TryParseList(accept.Split(','), out var parsed) ? parsed : [];

    private static string? Param(MediaTypeHeaderValue value, string name) =>
        value.Parameters.FirstOrDefault(p => string.Equals(p.Name.Value, name, StringComparison.OrdinalIgnoreCase))?.Value.Value;
}
