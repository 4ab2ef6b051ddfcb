namespace Keel.Model.Topology;

/// <summary>
/// A generated CustomResourceDefinition (apiextensions.k8s.io/v1) with every version of one group and kind.
/// </summary>
/// <param name="Name">The CRD's name, <c>&lt;plural&gt;.&lt;group&gt;</c>.</param>
/// <param name="Group">API group.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Plural">Plural resource name.</param>
/// <param name="Json">The whole CRD as indented JSON with a stable key order.</param>
public sealed record CrdDocument(string Name, string Group, string Kind, string Plural, string Json)
{
    /// <summary>The file name the build writes the CRD to under <c>src/Crds</c>.</summary>
    public string FileName => Name + ".yaml";

    /// <summary>The CRD as YAML, keys in the JSON's order (deterministic).</summary>
    public string ToYaml() => JsonToYaml.Convert(Json);
}
