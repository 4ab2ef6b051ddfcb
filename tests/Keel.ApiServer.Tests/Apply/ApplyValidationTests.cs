using Keel.ApiServer.Apply;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>Apply configurations the API server refuses, with its messages.</summary>
public sealed class ApplyValidationTests
{
    private static readonly DateTimeOffset Now = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FieldManager deployments = new(TestSchemas.Deployment);

    private PatchException Reject(string applied) =>
        Assert.Throws<PatchException>(() => deployments.Apply(null, Json.Obj(applied), "a", false, null, Now));

    [Fact]
    public void Fields_the_schema_does_not_declare_are_rejected_with_their_path()
    {
        var error = Reject("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"replicaz":1,"template":{"spec":{"containers":[{"name":"c","imag":"x"}]}}}}""");

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(
            "failed to create typed patch object (apps/v1, Kind=Deployment): .spec.replicaz: field not declared in schema\n.spec.template.spec.containers[name=\"c\"].imag: field not declared in schema",
            error.Message);
    }

    [Fact]
    public void Keyed_items_must_carry_their_keys_unless_the_schema_defaults_them()
    {
        var error = Reject("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"template":{"spec":{"containers":[{"image":"x"}]}}}}""");

        Assert.Contains(""".spec.template.spec.containers: element 0: associative list with keys has an element that omits key field "name" (and doesn't have default value)""", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_keys_in_the_configuration_are_rejected()
    {
        var error = Reject("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"template":{"spec":{"containers":[{"name":"c","ports":[{"containerPort":80},{"containerPort":80,"protocol":"TCP"}]}]}}}}""");

        Assert.Contains("""duplicate entries for key [containerPort=80,protocol="TCP"]""", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_of_the_wrong_shape_are_rejected()
    {
        var error = Reject("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"},"spec":{"template":"oops"}}""");

        Assert.Contains(".spec.template: expected map, got \"oops\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"apiVersion":"apps/v1","metadata":{"name":"d"}}""", "Object 'Kind' is missing")]
    [InlineData("""{"kind":"Deployment","metadata":{"name":"d"}}""", "Object 'apiVersion' is missing")]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","managedFields":[{"manager":"x"}]}}""", "metadata.managedFields must be nil")]
    public void Type_meta_is_required_and_managed_fields_may_not_be_applied(string applied, string message) =>
        Assert.Contains(message, Reject(applied).Message, StringComparison.Ordinal);

    [Fact]
    public void An_empty_managed_fields_list_in_the_configuration_is_ignored()
    {
        var outcome = deployments.Apply(null, Json.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d","managedFields":[]},"spec":{"replicas":1}}"""), "a", false, null, Now);

        Assert.NotNull(Json.Entry(outcome.Result!, "a"));
    }

    [Fact]
    public void Applying_another_kind_onto_an_object_is_rejected()
    {
        var live = Json.Obj("""{"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"d"}}""");

        var error = Assert.Throws<PatchException>(() => deployments.Apply(live, Json.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"}}"""), "a", false, null, Now));

        Assert.Equal("invalid object type: apps/v1, Kind=Deployment", error.Message);
    }

    [Fact]
    public void A_field_manager_is_required()
    {
        Assert.Throws<PatchException>(() => deployments.Apply(null, Json.Obj("""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d"}}"""), "", false, null, Now));
    }

    [Fact]
    public void Core_group_kinds_print_an_empty_group()
    {
        var error = Assert.Throws<PatchException>(() => new FieldManager(MergeTopology.FromSchema(Json.Obj("""{"type":"object","properties":{"data":{"type":"object","additionalProperties":{"type":"string"}}}}""")))
            .Apply(null, Json.Obj("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c"},"dat":{}}"""), "a", false, null, Now));

        Assert.Equal("failed to create typed patch object (/v1, Kind=ConfigMap): .dat: field not declared in schema", error.Message);
    }
}
