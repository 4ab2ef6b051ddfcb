using System.Text.Json.Nodes;
using Keel.ApiServer.Schema.Definition;

namespace Keel.ApiServer.Schema;

/// <summary>
/// The defaults the server applies to an <c>apiextensions.k8s.io/v1</c> CRD when decoding it, before validation:
/// <c>names.singular</c> (lowercase kind), <c>names.listKind</c> (kind + "List"), <c>conversion.strategy: None</c> and
/// the webhook service port 443.
/// </summary>
public static class CustomResourceDefinitionDefaults
{
    /// <summary>Applies the v1 defaults to <paramref name="crd"/> in place.</summary>
    public static void Apply(JsonObject crd)
    {
        ArgumentNullException.ThrowIfNull(crd);
        if (crd["spec"] is not JsonObject spec)
        {
            return;
        }

        if (spec["names"] is JsonObject names)
        {
            var kind = JsonRead.Str(names, "kind");
            if (JsonRead.Str(names, "singular").Length == 0 && kind.Length > 0)
            {
                names["singular"] = kind.ToLowerInvariant();
            }

            if (JsonRead.Str(names, "listKind").Length == 0 && kind.Length > 0)
            {
                names["listKind"] = kind + "List";
            }
        }

        if (spec["conversion"] is not JsonObject conversion)
        {
            spec["conversion"] = new JsonObject { ["strategy"] = "None" };
        }
        else if (JsonRead.Obj(JsonRead.Obj(JsonRead.Obj(conversion, "webhook"), "clientConfig"), "service") is { } service && !service.ContainsKey("port"))
        {
            service["port"] = 443;
        }
    }
}
