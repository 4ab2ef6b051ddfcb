namespace Keel.Model.Topology;

/// <summary>
/// The OpenAPI v3 schema of one served kind (a built-in kind or a custom resource version), as the
/// API server would publish it: structural, with the <c>x-kubernetes-list-type</c>,
/// <c>x-kubernetes-list-map-keys</c>, <c>x-kubernetes-map-type</c>, <c>x-kubernetes-int-or-string</c>,
/// <c>x-kubernetes-preserve-unknown-fields</c> and <c>x-kubernetes-embedded-resource</c> extensions.
/// </summary>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Version">API version within the group (<c>v1</c>).</param>
/// <param name="Kind">Kind (<c>Deployment</c>).</param>
/// <param name="Plural">Resource name (<c>deployments</c>).</param>
/// <param name="Namespaced">Whether objects of the kind live in a namespace.</param>
/// <param name="OpenApiV3SchemaJson">The schema of a whole object of the kind, as compact JSON.</param>
public sealed record KindSchema(string Group, string Version, string Kind, string Plural, bool Namespaced, string OpenApiV3SchemaJson)
{
    /// <summary><c>apps/v1</c>, or <c>v1</c> for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : Group + "/" + Version;
}
