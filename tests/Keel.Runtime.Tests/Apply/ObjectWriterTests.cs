using System.Text.Json;
using k8s;
using k8s.Models;
using Keel.Runtime.Apply;

namespace Keel.Runtime.Tests.Apply;

public sealed class ObjectWriterTests
{
    private static readonly ObjectWriter Writer = new(new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:1" }), "modelservice-operator");

    private static V1ConfigMap Desired() => new()
    {
        Metadata = new V1ObjectMeta { Name = "c", NamespaceProperty = "ns", Labels = new Dictionary<string, string> { ["app"] = "a" } },
        Data = new Dictionary<string, string> { ["k"] = "v" },
    };

    private static V1ConfigMap Live(string manager, string? subresource = null) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta
        {
            Name = "c",
            NamespaceProperty = "ns",
            Uid = "u",
            ResourceVersion = "7",
            Labels = new Dictionary<string, string> { ["app"] = "a" },
            ManagedFields =
            [
                new V1ManagedFieldsEntry
                {
                    Manager = manager, Operation = "Apply", ApiVersion = "v1", FieldsType = "FieldsV1", Subresource = subresource,
                    FieldsV1 = JsonSerializer.Deserialize<JsonElement>("""{"f:data":{"f:k":{}},"f:metadata":{"f:labels":{"f:app":{}}}}"""),
                },
            ],
        },
        Data = new Dictionary<string, string> { ["k"] = "v" },
    };

    [Fact]
    public void Typed_objects_that_match_what_we_own_need_no_apply()
        => Assert.Null(Writer.WouldChange(Desired(), Live("modelservice-operator")));

    [Fact]
    public void Fields_owned_by_another_manager_do_not_count_as_ours()
        => Assert.Equal("the field manager owns no fields of this object yet", Writer.WouldChange(Desired(), Live("kubectl")));

    [Fact]
    public void A_changed_data_key_needs_an_apply()
    {
        var desired = Desired();
        desired.Data["k"] = "w";
        Assert.Equal(".data.k: differs", Writer.WouldChange(desired, Live("modelservice-operator")));
    }

    [Fact]
    public void A_missing_live_object_needs_an_apply()
        => Assert.NotNull(Writer.WouldChange(Desired(), null));
}
