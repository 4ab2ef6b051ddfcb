using System.Text.Json;
using k8s.Models;
using Keel.Operator.Children;

namespace Keel.Operator.Tests.Unit;

public sealed class DeploymentChildKindTests
{
    private static V1Deployment With(params V1ManagedFieldsEntry[] entries) => new() { Metadata = new V1ObjectMeta { ManagedFields = entries } };

    private static V1ManagedFieldsEntry Entry(string manager, string fields, string operation = "Apply", string? subresource = null) => new()
    {
        Manager = manager,
        Operation = operation,
        Subresource = subresource,
        FieldsType = "FieldsV1",
        FieldsV1 = JsonDocument.Parse(fields).RootElement.Clone(),
    };

    [Fact]
    public void Replicas_ownership_is_read_from_the_managers_apply_entry_of_the_main_resource()
    {
        Assert.True(DeploymentChildKind.OwnsReplicas(With(Entry("modelservice-operator", """{"f:spec":{"f:replicas":{}}}""")), "modelservice-operator"));
        Assert.False(DeploymentChildKind.OwnsReplicas(With(Entry("modelservice-operator", """{"f:spec":{"f:template":{}}}""")), "modelservice-operator"));
        Assert.False(DeploymentChildKind.OwnsReplicas(With(Entry("hpa", """{"f:spec":{"f:replicas":{}}}""", "Update", "scale")), "modelservice-operator"));
        Assert.False(DeploymentChildKind.OwnsReplicas(With(Entry("modelservice-operator", """{"f:spec":{"f:replicas":{}}}""", "Update")), "modelservice-operator"));
        Assert.False(DeploymentChildKind.OwnsReplicas(new V1Deployment { Metadata = new V1ObjectMeta() }, "modelservice-operator"));
    }
}
