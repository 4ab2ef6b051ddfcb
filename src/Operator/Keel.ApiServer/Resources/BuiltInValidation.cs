using System.Text.Json.Nodes;

namespace Keel.ApiServer.Resources;

/// <summary>The few kind-specific validations clients run into (and the defaulting that must run on every write).</summary>
internal static class BuiltInValidation
{
    public static IReadOnlyList<FieldViolation> Deployment(JsonObject obj, JsonObject? old)
    {
        BuiltInDefaults.DeploymentSpec(obj);
        var errors = new List<FieldViolation>();
        var selector = obj["spec"]?["selector"];
        if (selector is not JsonObject { Count: > 0 })
        {
            errors.Add(FieldViolation.Required("spec.selector"));
        }
        else if (selector["matchLabels"] is JsonObject matchLabels)
        {
            var labels = obj["spec"]?["template"]?["metadata"]?["labels"] as JsonObject;
            foreach (var (key, value) in matchLabels)
            {
                if (labels is null || (string?)labels[key] != (string?)value)
                {
                    errors.Add(FieldViolation.Invalid("spec.template.metadata.labels",
                        labels?.ToJsonString() ?? "null", "`selector` does not match template `labels`"));
                    break;
                }
            }
        }

        if (old is not null && !JsonNode.DeepEquals(old["spec"]?["selector"], obj["spec"]?["selector"]))
        {
            errors.Add(FieldViolation.Invalid("spec.selector", obj["spec"]?["selector"]?.ToJsonString() ?? "null", "field is immutable"));
        }

        return errors;
    }

    public static IReadOnlyList<FieldViolation> Secret(JsonObject obj, JsonObject? old)
    {
        BuiltInDefaults.Secret(obj);
        if (old is not null && (string?)old["type"] != (string?)obj["type"])
        {
            return [FieldViolation.Invalid("type", Operations.NameRules.Quote((string?)obj["type"] ?? ""), "field is immutable")];
        }

        return [];
    }

    public static IReadOnlyList<FieldViolation> Namespace(JsonObject obj, JsonObject? old)
    {
        BuiltInDefaults.NamespaceNameLabel(obj);
        return [];
    }

    public static IReadOnlyList<FieldViolation> Binding(JsonObject obj, JsonObject? old)
    {
        var errors = new List<FieldViolation>();
        if (obj["roleRef"] is not JsonObject roleRef || ((string?)roleRef["name"] ?? "").Length == 0)
        {
            errors.Add(FieldViolation.Required("roleRef.name"));
        }
        else if (old is not null && !JsonNode.DeepEquals(old["roleRef"], roleRef))
        {
            errors.Add(FieldViolation.Invalid("roleRef", roleRef.ToJsonString(), "cannot change roleRef"));
        }

        return errors;
    }
}
