using Keel.ApiServer.Apply;

namespace Keel.ApiServer.Tests.Apply;

/// <summary>One topology and field manager per kind are shared by all requests of the server.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void A_shared_field_manager_gives_every_thread_the_sequential_result()
    {
        var manager = new FieldManager(TestSchemas.Deployment);
        var now = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
        string Run(int i)
        {
            var applied = Json.Obj($$"""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"d{{i}}"},"spec":{"replicas":{{i % 4}},"template":{"spec":{"containers":[{"name":"c","image":"i:{{i % 3}}","ports":[{"containerPort":80}]}]} } } }""");
            var live = manager.Apply(null, applied, "a", false, null, now).Result!;
            var edited = (System.Text.Json.Nodes.JsonObject)live.DeepClone();
            edited["spec"]!["replicas"] = 9;
            return Json.Text(manager.Update(live, edited, "hpa", null, now));
        }
        var expected = Enumerable.Range(0, 64).Select(Run).ToArray();

        var actual = new string[64];
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Run(i));

        Assert.Equal(expected, actual);
    }
}
