using System.Text.Json.Nodes;
using CsCheck;
using Keel.ApiServer.Apply;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>
/// Properties of server-side apply over generated Deployment configurations (keyed containers, ports
/// with compound and defaulted keys, env, atomic args, int-or-string values, labels). Runs are
/// deterministic: a fixed seed on one thread.
/// </summary>
public sealed class ApplyPropertyTests
{
    private static readonly DateTimeOffset T0 = new(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Seed = new PCG(11, 20250501).ToString();
    private static readonly FieldManager Manager = new(TestSchemas.Deployment);

    private sealed record Port(int ContainerPort, string? Protocol, string? Name);

    private sealed record Env(string Name, string Value);

    private sealed record Container(string Name, string? Image, string[]? Args, Port[] Ports, Env[] Env);

    private sealed record Config(int? Replicas, (string Key, string Value)[] Labels, Container[] Containers, JsonNode? MaxSurge)
    {
        public override string ToString() => Render(this).ToJsonString();
    }

    private static readonly Port[] PortCatalog =
        [new(80, null, "http"), new(80, "UDP", null), new(8080, "TCP", "alt"), new(9090, null, null)];

    private static Gen<T[]> SubsetOf<T>(T[] items) =>
        Gen.Bool.Array[items.Length].Select(mask => items.Where((_, i) => mask[i]).ToArray());

    private static readonly Gen<Container> ContainerGen =
        Gen.Select(
            Gen.OneOf<string?>(null, "vllm:0.9", "vllm:1.0"),
            Gen.OneOf<string[]?>(null, ["--port", "8000"], ["--tp", "2"]),
            SubsetOf(PortCatalog),
            SubsetOf([new Env("A", "1"), new Env("B", "2"), new Env("C", "3")]),
            (image, args, ports, env) => new Container("", image, args, ports, env));

    private static readonly Gen<Config> ConfigGen =
        Gen.Select(
            Gen.OneOf<int?>(null, 1, 3),
            SubsetOf([("app", "vllm"), ("tier", "decode"), ("team", "ml")]),
            ContainerGen.Array[1, 3],
            Gen.OneOf<JsonNode?>(null, JsonValue.Create(1), JsonValue.Create("25%")),
            (replicas, labels, containers, maxSurge) => new Config(
                replicas, labels,
                containers.Select((c, i) => c with { Name = "c" + i }).ToArray(),
                maxSurge));

    private static JsonObject Render(Config config)
    {
        var spec = new JsonObject();
        if (config.Replicas is { } replicas)
        {
            spec["replicas"] = replicas;
        }
        if (config.MaxSurge is { } maxSurge)
        {
            spec["strategy"] = new JsonObject { ["rollingUpdate"] = new JsonObject { ["maxSurge"] = maxSurge.DeepClone() } };
        }
        if (config.Containers.Length > 0)
        {
            var containers = new JsonArray();
            foreach (var c in config.Containers)
            {
                var container = new JsonObject { ["name"] = c.Name };
                if (c.Image is not null)
                {
                    container["image"] = c.Image;
                }
                if (c.Args is not null)
                {
                    container["args"] = new JsonArray(c.Args.Select(a => (JsonNode?)a).ToArray());
                }
                if (c.Ports.Length > 0)
                {
                    container["ports"] = new JsonArray(c.Ports.Select(p =>
                    {
                        var port = new JsonObject { ["containerPort"] = p.ContainerPort };
                        if (p.Protocol is not null) port["protocol"] = p.Protocol;
                        if (p.Name is not null) port["name"] = p.Name;
                        return (JsonNode?)port;
                    }).ToArray());
                }
                if (c.Env.Length > 0)
                {
                    container["env"] = new JsonArray(c.Env.Select(e => (JsonNode?)new JsonObject { ["name"] = e.Name, ["value"] = e.Value }).ToArray());
                }
                containers.Add(container);
            }
            spec["template"] = new JsonObject { ["spec"] = new JsonObject { ["containers"] = containers } };
        }
        var metadata = new JsonObject { ["name"] = "vllm", ["namespace"] = "ai" };
        if (config.Labels.Length > 0)
        {
            var labels = new JsonObject();
            foreach (var (key, value) in config.Labels)
            {
                labels[key] = value;
            }
            metadata["labels"] = labels;
        }
        var obj = new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["metadata"] = metadata };
        if (spec.Count > 0)
        {
            obj["spec"] = spec;
        }
        return obj;
    }

    /// <summary>A configuration with some of its parts dropped, chosen by <paramref name="keep"/>.</summary>
    private static Config Subset(Config config, bool[] keep)
    {
        var next = 0;
        bool Keep() => keep[next++ % keep.Length];
        return new Config(
            Keep() ? config.Replicas : null,
            config.Labels.Where(_ => Keep()).ToArray(),
            config.Containers.Where(_ => Keep()).Select(c => c with
            {
                Image = Keep() ? c.Image : null,
                Args = Keep() ? c.Args : null,
                Ports = c.Ports.Where(_ => Keep()).ToArray(),
                Env = c.Env.Where(_ => Keep()).ToArray(),
            }).ToArray(),
            Keep() ? config.MaxSurge : null);
    }

    private static JsonObject Apply(JsonObject? live, Config config, string manager)
    {
        var outcome = Manager.Apply(live, Render(config), manager, false, null, T0);
        Assert.False(outcome.HasConflicts, outcome.ConflictMessage);
        return outcome.Result!;
    }

    [Fact]
    public void Applying_the_same_configuration_twice_changes_nothing() =>
        ConfigGen.Sample(config =>
        {
            var once = Apply(null, config, "keel");
            var twice = Manager.Apply(once, Render(config), "keel", false, null, T0.AddHours(1)).Result!;

            Assert.Equal(Json.Text(once), Json.Text(twice));
        }, seed: Seed, iter: 200, threads: 1);

    [Fact]
    public void Reapplying_a_subset_removes_exactly_the_dropped_fields() =>
        Gen.Select(ConfigGen, Gen.Bool.Array[48]).Sample((config, keep) =>
        {
            var subset = Subset(config, keep);
            var live = Apply(null, config, "keel");

            var result = Apply(live, subset, "keel");
            var fresh = Apply(null, subset, "keel");

            Assert.Equal(Json.Text(Json.Content(fresh)), Json.Text(Json.Content(result)));
            Assert.Equal(Json.Text(Json.FieldsOf(fresh, "keel")), Json.Text(Json.FieldsOf(result, "keel")));
        }, seed: Seed, iter: 200, threads: 1);

    [Fact]
    public void Fields_another_applier_also_applied_survive_when_one_applier_drops_them() =>
        Gen.Select(ConfigGen, Gen.Bool.Array[48]).Sample((config, keep) =>
        {
            var live = Apply(null, config, "a");
            live = Apply(live, config, "b");

            var result = Apply(live, Subset(config, keep), "a");

            Assert.Equal(Json.Text(Json.Content(live)), Json.Text(Json.Content(result)));
            Assert.Equal(Json.Text(Json.FieldsOf(live, "b")), Json.Text(Json.FieldsOf(result, "b")));
        }, seed: Seed, iter: 200, threads: 1);

    [Fact]
    public void An_update_owns_what_it_changed_and_a_forced_apply_gets_everything_back() =>
        Gen.Select(ConfigGen, ConfigGen).Sample((first, second) =>
        {
            var live = Apply(null, first, "keel");
            var edited = Render(second);
            edited["metadata"]!["managedFields"] = Json.ManagedFields(live).DeepClone();
            live = Manager.Update(live, edited, "editor", null, T0);

            var forced = Manager.Apply(live, Render(first), "keel", force: true, null, T0).Result!;
            var fresh = Apply(null, first, "keel");

            Assert.Equal(Json.Text(Json.FieldsOf(fresh, "keel")), Json.Text(Json.FieldsOf(forced, "keel")));
            Assert.False(Manager.Apply(forced, Render(first), "keel", false, null, T0).HasConflicts);
        }, seed: Seed, iter: 200, threads: 1);
}
