using System.Text.Json.Nodes;

namespace Keel.ApiServer.Apply.Topology;

/// <summary>
/// The topology of <c>metadata</c> (ObjectMeta), which the API server uses for every kind whatever the
/// CRD schema says (CRDs declare <c>metadata</c> as a bare object): labels and annotations are granular
/// maps, owner references are keyed by uid, finalizers are a set, managedFields is atomic.
/// </summary>
internal static class ObjectMetaSchema
{
    public static JsonObject Create() => (JsonObject)JsonNode.Parse(
        """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string" },
            "generateName": { "type": "string" },
            "namespace": { "type": "string" },
            "selfLink": { "type": "string" },
            "uid": { "type": "string" },
            "resourceVersion": { "type": "string" },
            "generation": { "type": "integer", "format": "int64" },
            "creationTimestamp": { "type": "string", "format": "date-time" },
            "deletionTimestamp": { "type": "string", "format": "date-time" },
            "deletionGracePeriodSeconds": { "type": "integer", "format": "int64" },
            "labels": { "type": "object", "additionalProperties": { "type": "string" } },
            "annotations": { "type": "object", "additionalProperties": { "type": "string" } },
            "ownerReferences": {
              "type": "array",
              "x-kubernetes-list-type": "map",
              "x-kubernetes-list-map-keys": ["uid"],
              "x-kubernetes-patch-strategy": "merge",
              "x-kubernetes-patch-merge-key": "uid",
              "items": {
                "type": "object",
                "x-kubernetes-map-type": "atomic",
                "properties": {
                  "apiVersion": { "type": "string" },
                  "kind": { "type": "string" },
                  "name": { "type": "string" },
                  "uid": { "type": "string" },
                  "controller": { "type": "boolean" },
                  "blockOwnerDeletion": { "type": "boolean" }
                }
              }
            },
            "finalizers": {
              "type": "array",
              "x-kubernetes-list-type": "set",
              "x-kubernetes-patch-strategy": "merge",
              "items": { "type": "string" }
            },
            "managedFields": {
              "type": "array",
              "x-kubernetes-list-type": "atomic",
              "items": { "type": "object", "x-kubernetes-preserve-unknown-fields": true }
            }
          }
        }
        """)!;
}
