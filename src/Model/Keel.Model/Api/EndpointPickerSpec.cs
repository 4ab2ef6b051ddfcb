using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>The endpoint picker (EPP): overrides merged onto the preset's eppDeployment.</summary>
public sealed partial class EndpointPickerSpec
{
    /// <summary>Desired number of endpoint picker pods. Defaults to 1 when this section is present.</summary>
    [Minimum(0)]
    [Default("1")]
    [SchemaNullable]
    public int? Replicas { get; set; }

    /// <summary>Containers merged by name onto the preset's EPP containers. Their args are templates too.</summary>
    [ListType(ListTopology.Map)]
    [ListMapKey("name")]
    public IList<ContainerSpec>? Containers { get; set; }

    /// <summary>Init containers merged by name onto the preset's EPP init containers.</summary>
    [ListType(ListTopology.Map)]
    [ListMapKey("name")]
    public IList<ContainerSpec>? InitContainers { get; set; }
}
