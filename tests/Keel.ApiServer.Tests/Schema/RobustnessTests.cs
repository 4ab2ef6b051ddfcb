using System.Text.Json.Nodes;
using Keel.ApiServer.Schema;

namespace Keel.ApiServer.Tests.Schema;

/// <summary>Bad input never crashes the engine: every mutation of a valid object or CRD yields a result, not an exception.</summary>
public sealed class RobustnessTests
{
    private static readonly JsonNode?[] Replacements =
    [
        null, JsonValue.Create(""), JsonValue.Create("x"), JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(2.5),
        JsonValue.Create(true), new JsonArray(), new JsonArray(null, 1, "a"), new JsonObject(), new JsonObject { ["name"] = 1 },
        JsonValue.Create(long.MaxValue), JsonValue.Create("2024-01-01T00:00:00Z"), JsonValue.Create(new string('z', 300)),
    ];

    [Fact]
    public void Mutated_model_services_are_admitted_or_rejected_never_thrown()
    {
        var admission = new CustomResourceAdmission(StructuralSchema.Parse(ModelServiceCrd.OpenApiSchema()));
        var random = new Random(1234);
        var rejected = 0;
        for (var i = 0; i < 400; i++)
        {
            var obj = ModelServiceCrd.Sample();
            Mutate(obj, random);
            var old = random.Next(2) == 0 ? null : ModelServiceCrd.Sample();
            if (old is not null)
            {
                Mutate(old, random);
            }

            var result = admission.Admit(obj, old, (FieldValidationMode)random.Next(3));

            rejected += result.IsValid ? 0 : 1;
            Assert.All(result.Errors, e => Assert.False(string.IsNullOrEmpty(e.Message)));
        }

        Assert.InRange(rejected, 100, 400);
    }

    [Fact]
    public void Mutated_crds_are_validated_and_parsed_never_thrown()
    {
        var random = new Random(4321);
        for (var i = 0; i < 60; i++)
        {
            var crd = ModelServiceCrd.Definition();
            Mutate(crd, random);

            CustomResourceDefinitionDefaults.Apply(crd);
            _ = CustomResourceDefinitionValidation.Validate(crd);
            var version = ((crd["spec"] as JsonObject)?["versions"] as JsonArray) is { Count: > 0 } versions ? versions[0] as JsonObject : null;
            if ((version?["schema"] as JsonObject)?["openAPIV3Schema"] is JsonObject schema)
            {
                var admission = new CustomResourceAdmission(StructuralSchema.Parse(schema));
                _ = admission.Admit(ModelServiceCrd.Sample(), ModelServiceCrd.Sample(), FieldValidationMode.Warn);
            }
        }
    }

    private static void Mutate(JsonObject root, Random random)
    {
        var nodes = new List<(JsonNode Parent, object Key)>();
        Collect(root, nodes);
        for (var n = 0; n < 3 && nodes.Count > 0; n++)
        {
            var (parent, key) = nodes[random.Next(nodes.Count)];
            var replacement = Replacements[random.Next(Replacements.Length)]?.DeepClone();
            if (parent is JsonObject obj && key is string name && obj.ContainsKey(name))
            {
                obj[name] = replacement;
            }
            else if (parent is JsonArray array && key is int index && index < array.Count)
            {
                array[index] = replacement;
            }
        }
    }

    private static void Collect(JsonNode node, List<(JsonNode, object)> nodes)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    nodes.Add((obj, key));
                    if (value is not null)
                    {
                        Collect(value, nodes);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    nodes.Add((array, i));
                    if (array[i] is { } item)
                    {
                        Collect(item, nodes);
                    }
                }

                break;
        }
    }
}
