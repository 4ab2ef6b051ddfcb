using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Keel.ApiServer.Apply;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>
/// Schemas written for these tests: a Deployment-like kind with the topology markers of the real one
/// (containers keyed by name, ports by containerPort+protocol with protocol defaulting to TCP, env by
/// name, args atomic, an atomic selector and nodeSelector, int-or-string rolling update values) plus
/// a status with keyed conditions, and a custom kind with sets, free-form and preserved subtrees.
/// </summary>
internal static class TestSchemas
{
    public const string DeploymentJson = """
    {
      "type": "object",
      "properties": {
        "apiVersion": { "type": "string" },
        "kind": { "type": "string" },
        "metadata": { "type": "object" },
        "spec": {
          "type": "object",
          "properties": {
            "replicas": { "type": "integer" },
            "paused": { "type": "boolean" },
            "minReadySeconds": { "type": "integer" },
            "selector": {
              "type": "object",
              "x-kubernetes-map-type": "atomic",
              "properties": {
                "matchLabels": { "type": "object", "additionalProperties": { "type": "string" } }
              }
            },
            "strategy": {
              "type": "object",
              "x-kubernetes-patch-strategy": "retainKeys",
              "properties": {
                "type": { "type": "string" },
                "rollingUpdate": {
                  "type": "object",
                  "properties": {
                    "maxSurge": { "x-kubernetes-int-or-string": true },
                    "maxUnavailable": { "x-kubernetes-int-or-string": true }
                  }
                }
              }
            },
            "template": {
              "type": "object",
              "properties": {
                "metadata": {
                  "type": "object",
                  "properties": {
                    "labels": { "type": "object", "additionalProperties": { "type": "string" } },
                    "annotations": { "type": "object", "additionalProperties": { "type": "string" } }
                  }
                },
                "spec": {
                  "type": "object",
                  "properties": {
                    "serviceAccountName": { "type": "string" },
                    "nodeSelector": {
                      "type": "object",
                      "x-kubernetes-map-type": "atomic",
                      "additionalProperties": { "type": "string" }
                    },
                    "tolerations": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "key": { "type": "string" },
                          "operator": { "type": "string" },
                          "effect": { "type": "string" }
                        }
                      }
                    },
                    "containers": {
                      "type": "array",
                      "x-kubernetes-list-type": "map",
                      "x-kubernetes-list-map-keys": ["name"],
                      "x-kubernetes-patch-strategy": "merge",
                      "x-kubernetes-patch-merge-key": "name",
                      "items": { "$ref": "#/definitions/Container" }
                    },
                    "volumes": {
                      "type": "array",
                      "x-kubernetes-list-type": "map",
                      "x-kubernetes-list-map-keys": ["name"],
                      "x-kubernetes-patch-strategy": "merge,retainKeys",
                      "x-kubernetes-patch-merge-key": "name",
                      "items": {
                        "type": "object",
                        "properties": {
                          "name": { "type": "string" },
                          "emptyDir": { "type": "object", "properties": { "medium": { "type": "string" } } },
                          "configMap": { "type": "object", "properties": { "name": { "type": "string" } } }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "status": {
          "type": "object",
          "properties": {
            "replicas": { "type": "integer" },
            "readyReplicas": { "type": "integer" },
            "conditions": {
              "type": "array",
              "x-kubernetes-list-type": "map",
              "x-kubernetes-list-map-keys": ["type"],
              "items": {
                "type": "object",
                "properties": {
                  "type": { "type": "string" },
                  "status": { "type": "string" },
                  "reason": { "type": "string" }
                }
              }
            }
          }
        }
      },
      "definitions": {
        "Container": {
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "image": { "type": "string" },
            "args": { "type": "array", "items": { "type": "string" } },
            "command": { "type": "array", "x-kubernetes-list-type": "atomic", "items": { "type": "string" } },
            "ports": {
              "type": "array",
              "x-kubernetes-list-type": "map",
              "x-kubernetes-list-map-keys": ["containerPort", "protocol"],
              "x-kubernetes-patch-strategy": "merge",
              "x-kubernetes-patch-merge-key": "containerPort",
              "items": {
                "type": "object",
                "properties": {
                  "name": { "type": "string" },
                  "containerPort": { "type": "integer" },
                  "protocol": { "type": "string", "default": "TCP" }
                }
              }
            },
            "env": {
              "type": "array",
              "x-kubernetes-list-type": "map",
              "x-kubernetes-list-map-keys": ["name"],
              "x-kubernetes-patch-strategy": "merge",
              "x-kubernetes-patch-merge-key": "name",
              "items": {
                "type": "object",
                "properties": {
                  "name": { "type": "string" },
                  "value": { "type": "string" },
                  "valueFrom": { "type": "object", "x-kubernetes-preserve-unknown-fields": true }
                }
              }
            },
            "resources": {
              "type": "object",
              "properties": {
                "limits": { "type": "object", "additionalProperties": { "x-kubernetes-int-or-string": true } },
                "requests": { "type": "object", "additionalProperties": { "x-kubernetes-int-or-string": true } }
              }
            }
          }
        }
      }
    }
    """;

    /// <summary>A custom resource: sets, a free-form object, a preserved subtree and an atomic struct.</summary>
    public const string WidgetJson = """
    {
      "type": "object",
      "properties": {
        "apiVersion": { "type": "string" },
        "kind": { "type": "string" },
        "metadata": { "type": "object" },
        "spec": {
          "type": "object",
          "properties": {
            "size": { "type": "integer" },
            "mode": { "type": "string" },
            "tags": { "type": "array", "x-kubernetes-list-type": "set", "items": { "type": "string" } },
            "ports": { "type": "array", "x-kubernetes-list-type": "set", "items": { "type": "integer" } },
            "extra": { "type": "object", "x-kubernetes-preserve-unknown-fields": true },
            "free": { "type": "object" },
            "target": {
              "type": "object",
              "x-kubernetes-map-type": "atomic",
              "properties": { "kind": { "type": "string" }, "name": { "type": "string" } }
            },
            "items": {
              "type": "array",
              "x-kubernetes-list-type": "map",
              "x-kubernetes-list-map-keys": ["name"],
              "items": {
                "type": "object",
                "properties": {
                  "name": { "type": "string" },
                  "value": { "type": "string" },
                  "weight": { "type": "integer" }
                }
              }
            },
            "quantity": { "x-kubernetes-int-or-string": true }
          }
        },
        "status": {
          "type": "object",
          "properties": {
            "phase": { "type": "string" },
            "observedGeneration": { "type": "integer" }
          }
        }
      }
    }
    """;

    public static MergeTopology Deployment { get; } = MergeTopology.FromSchema(Json.Obj(DeploymentJson));

    public static MergeTopology Widget { get; } = MergeTopology.FromSchema(Json.Obj(WidgetJson));
}

/// <summary>Small JSON helpers for readable tests.</summary>
internal static class Json
{
    public static JsonObject Obj(string json) => (JsonObject)JsonNode.Parse(json)!;

    public static JsonArray Arr(string json) => (JsonArray)JsonNode.Parse(json)!;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Compact JSON of a node, for exact comparisons (quotes inside keys written as ", as Go writes them).</summary>
    public static string Text(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "null";

    /// <summary>Asserts semantic equality (property order ignored), printing both sides on failure.</summary>
    public static void Equal(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {JsonNode.Parse(expected)?.ToJsonString()}\nactual   {Text(actual)}");

    /// <summary>The fieldsV1 of a manager's entry (by manager and operation), or null when it has none.</summary>
    public static JsonObject? FieldsOf(JsonObject obj, string manager, string operation = "Apply", string? subresource = null) =>
        Entry(obj, manager, operation, subresource)?["fieldsV1"] as JsonObject;

    public static JsonObject? Entry(JsonObject obj, string manager, string operation = "Apply", string? subresource = null) =>
        ManagedFields(obj).OfType<JsonObject>().SingleOrDefault(e =>
            (string?)e["manager"] == manager && (string?)e["operation"] == operation && (string?)e["subresource"] == subresource);

    public static JsonArray ManagedFields(JsonObject obj) =>
        (obj["metadata"] as JsonObject)?["managedFields"] as JsonArray ?? [];

    /// <summary>The object without metadata.managedFields.</summary>
    public static JsonObject Content(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("managedFields");
        return copy;
    }
}
