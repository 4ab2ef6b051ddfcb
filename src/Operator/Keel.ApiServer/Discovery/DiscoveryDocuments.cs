using System.Text.Json.Nodes;
using Keel.ApiServer.Resources;

namespace Keel.ApiServer.Discovery;

/// <summary>
/// The discovery documents: legacy (<c>APIVersions</c>, <c>APIGroupList</c>, <c>APIGroup</c>,
/// <c>APIResourceList</c>) and aggregated (<c>apidiscovery.k8s.io/v2</c> <c>APIGroupDiscoveryList</c>,
/// which kubectl 1.33 asks for first). Built from the registry on every request, so CRDs appear and
/// disappear as they come and go.
/// </summary>
public static class DiscoveryDocuments
{
    public const string AggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "33",
        ["emulationMajor"] = "1",
        ["emulationMinor"] = "33",
        ["minCompatibilityMajor"] = "1",
        ["minCompatibilityMinor"] = "32",
        ["gitVersion"] = "v1.33.0+keel",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-04-23T00:00:00Z",
        ["goVersion"] = "go1.24.2",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public static JsonObject ApiVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public static JsonObject GroupList(IReadOnlyList<ServedGroup> groups) => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray(groups.Where(g => g.Name.Length > 0).Select(g => (JsonNode?)Group(g, withTypeMeta: false)).ToArray()),
    };

    public static JsonObject Group(ServedGroup group, bool withTypeMeta = true)
    {
        var versions = new JsonArray(group.Versions.Select(v => (JsonNode?)GroupVersion(group.Name, v.Version)).ToArray());
        var result = new JsonObject();
        if (withTypeMeta)
        {
            result["kind"] = "APIGroup";
            result["apiVersion"] = "v1";
        }

        result["name"] = group.Name;
        result["versions"] = versions;
        result["preferredVersion"] = GroupVersion(group.Name, group.Versions[0].Version);
        return result;
    }

    public static JsonObject ResourceList(string group, ServedGroupVersion version)
    {
        var resources = new JsonArray();
        foreach (var r in version.Resources)
        {
            var d = r.Definition;
            var entry = new JsonObject
            {
                ["name"] = d.Plural,
                ["singularName"] = d.EffectiveSingular,
                ["namespaced"] = d.Namespaced,
                ["kind"] = d.Kind,
                ["verbs"] = Strings(d.Verbs),
            };
            if (d.ShortNames.Count > 0)
            {
                entry["shortNames"] = Strings(d.ShortNames);
            }

            if (d.Categories.Count > 0)
            {
                entry["categories"] = Strings(d.Categories);
            }

            resources.Add(entry);
            foreach (var sub in Subresources(d))
            {
                var subEntry = new JsonObject
                {
                    ["name"] = $"{d.Plural}/{sub}",
                    ["singularName"] = "",
                    ["namespaced"] = d.Namespaced,
                };
                if (sub == "scale")
                {
                    subEntry["group"] = "autoscaling";
                    subEntry["version"] = "v1";
                    subEntry["kind"] = "Scale";
                }
                else
                {
                    subEntry["kind"] = d.Kind;
                }

                subEntry["verbs"] = Strings(SubresourceVerbs(sub));
                resources.Add(subEntry);
            }
        }

        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version.Version : $"{group}/{version.Version}",
            ["resources"] = resources,
        };
    }

    /// <summary>The aggregated document for <c>/api</c> (core only) or <c>/apis</c> (every other group).</summary>
    public static JsonObject Aggregated(IReadOnlyList<ServedGroup> groups, bool core)
    {
        var items = new JsonArray();
        foreach (var g in groups.Where(g => (g.Name.Length == 0) == core))
        {
            var versions = new JsonArray();
            foreach (var v in g.Versions)
            {
                var resources = new JsonArray();
                foreach (var r in v.Resources)
                {
                    var d = r.Definition;
                    var entry = new JsonObject
                    {
                        ["resource"] = d.Plural,
                        ["responseKind"] = new JsonObject { ["group"] = d.Group, ["version"] = d.Version, ["kind"] = d.Kind },
                        ["scope"] = d.Namespaced ? "Namespaced" : "Cluster",
                        ["singularResource"] = d.EffectiveSingular,
                        ["verbs"] = Strings(d.Verbs),
                    };
                    if (d.ShortNames.Count > 0)
                    {
                        entry["shortNames"] = Strings(d.ShortNames);
                    }

                    if (d.Categories.Count > 0)
                    {
                        entry["categories"] = Strings(d.Categories);
                    }

                    var subs = Subresources(d).ToList();
                    if (subs.Count > 0)
                    {
                        entry["subresources"] = new JsonArray(subs.Select(s => (JsonNode?)new JsonObject
                        {
                            ["subresource"] = s,
                            ["responseKind"] = s == "scale"
                                ? new JsonObject { ["group"] = "autoscaling", ["version"] = "v1", ["kind"] = "Scale" }
                                : new JsonObject { ["group"] = d.Group, ["version"] = d.Version, ["kind"] = d.Kind },
                            ["verbs"] = Strings(SubresourceVerbs(s)),
                        }).ToArray());
                    }

                    resources.Add(entry);
                }

                versions.Add(new JsonObject { ["version"] = v.Version, ["resources"] = resources, ["freshness"] = "Current" });
            }

            var metadata = new JsonObject { ["creationTimestamp"] = null };
            if (g.Name.Length > 0)
            {
                metadata["name"] = g.Name;
            }

            items.Add(new JsonObject { ["metadata"] = metadata, ["versions"] = versions });
        }

        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = "apidiscovery.k8s.io/v2",
            ["metadata"] = new JsonObject(),
            ["items"] = items,
        };
    }

    private static IEnumerable<string> Subresources(ResourceDefinition d)
    {
        if (d.HasStatusSubresource)
        {
            yield return "status";
        }

        if (d.Scale is not null)
        {
            yield return "scale";
        }

        foreach (var extra in d.ExtraSubresources)
        {
            yield return extra;
        }
    }

    private static IReadOnlyList<string> SubresourceVerbs(string subresource) =>
        subresource == "finalize" ? ["update"] : ["get", "patch", "update"];

    private static JsonObject GroupVersion(string group, string version) => new()
    {
        ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
        ["version"] = version,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
