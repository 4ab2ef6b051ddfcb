using System.Text.Json.Nodes;

namespace Keel.Model.Migration;

/// <summary>
/// Something of the ConfigMap that has no place in the BaseConfig: a field the part's kind does not have (the
/// ConfigMap form dropped it too), a field a preset never sets, a legacy field with no current equivalent, or a key
/// left out with <see cref="MigrationOptions.DropUnknownKeys"/>. The output records each in the
/// <see cref="MigrationAnnotations.Dropped"/> annotation, so nothing disappears without a trace.
/// </summary>
/// <param name="Key">The ConfigMap key.</param>
/// <param name="Path">The field inside the key's value (<c>spec.template.spec.containers[0].imagePullPolicyy</c>), empty for the whole key.</param>
/// <param name="Value">What was written there (templates as written), or null.</param>
/// <param name="Reason">Why it was left out, in a few words.</param>
public sealed record DroppedField(string Key, string Path, JsonNode? Value, string Reason)
{
    /// <summary><c>decodeDeployment.spec.foo</c>.</summary>
    public string Location => Path.Length == 0 ? Key : Path.StartsWith('[') ? Key + Path : Key + "." + Path;
}
