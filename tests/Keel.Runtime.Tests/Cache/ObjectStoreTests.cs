using k8s.Models;
using Keel.Runtime.Cache;
using Keel.Runtime.Resources;
using Keel.Runtime.Tests.Support;

namespace Keel.Runtime.Tests.Cache;

public sealed class ObjectStoreTests
{
    [Fact]
    public void Controller_owner_index_follows_updates_and_deletes()
    {
        var store = new ObjectStore<V1ConfigMap>();
        var child = Objects.ConfigMap("child");
        child.Metadata.OwnerReferences = [Objects.ControllerRef("ModelService", "ms", "owner-1", "x/v1")];
        store.Upsert(child);
        Assert.Single(store.ByIndex(IndexNames.ControllerUid, "owner-1"));

        var moved = Objects.ConfigMap("child");
        moved.Metadata.OwnerReferences = [Objects.ControllerRef("ModelService", "ms2", "owner-2", "x/v1")];
        store.Upsert(moved);
        Assert.Empty(store.ByIndex(IndexNames.ControllerUid, "owner-1"));
        Assert.Single(store.ByIndex(IndexNames.ControllerUid, "owner-2"));

        store.Remove(new ObjectKey("default", "child"));
        Assert.Empty(store.ByIndex(IndexNames.ControllerUid, "owner-2"));
    }

    [Fact]
    public void Custom_indexes_cover_existing_and_later_objects_and_names_are_unique()
    {
        var store = new ObjectStore<V1ConfigMap>();
        store.Upsert(Objects.ConfigMap("a", data: new Dictionary<string, string> { ["preset"] = "p1" }));
        store.AddIndex("preset", cm => cm.Data.TryGetValue("preset", out var p) ? [p] : []);
        store.Upsert(Objects.ConfigMap("b", data: new Dictionary<string, string> { ["preset"] = "p1" }));
        store.Upsert(Objects.ConfigMap("c", data: new Dictionary<string, string> { ["preset"] = "p2" }));

        Assert.Equal(["a", "b"], store.KeysByIndex("preset", "p1").Select(k => k.Name).Order());
        Assert.Throws<InvalidOperationException>(() => store.AddIndex("preset", _ => []));
        Assert.Throws<InvalidOperationException>(() => store.ByIndex("missing", "x"));
    }

    [Fact]
    public void A_throwing_index_function_does_not_break_the_store()
    {
        var store = new ObjectStore<V1ConfigMap>();
        store.AddIndex("fragile", cm => [cm.Data["needed"]]);
        store.Upsert(Objects.ConfigMap("odd"));
        Assert.NotNull(store.Get(new ObjectKey("default", "odd")));
        Assert.Empty(store.ByIndex("fragile", "x"));
    }

    [Fact]
    public void Replace_reports_added_updated_removed_and_unchanged()
    {
        var store = new ObjectStore<V1ConfigMap>();
        var keep = Objects.ConfigMap("keep");
        keep.Metadata.ResourceVersion = "1";
        var change = Objects.ConfigMap("change");
        change.Metadata.ResourceVersion = "1";
        store.Upsert(keep);
        store.Upsert(change);
        store.Upsert(Objects.ConfigMap("gone"));

        var changed = Objects.ConfigMap("change");
        changed.Metadata.ResourceVersion = "2";
        var delta = store.Replace([keep, changed, Objects.ConfigMap("new")]);

        Assert.Equal("new", Assert.Single(delta.Added).Metadata.Name);
        Assert.Equal("2", Assert.Single(delta.Updated).New.Metadata.ResourceVersion);
        Assert.Equal("gone", Assert.Single(delta.Removed).Metadata.Name);
        Assert.Equal("keep", Assert.Single(delta.Unchanged).Metadata.Name);
        Assert.Equal(3, store.Count);
    }

    [Fact]
    public void Cache_reader_hands_out_copies_and_lists_by_label_selector()
    {
        var cache = new InformerCache(new FakeApi());
        var informer = cache.GetInformer<V1ConfigMap>();
        informer.Store.Upsert(Objects.ConfigMap("a", "ns1", labels: new Dictionary<string, string> { ["app"] = "x", ["tier"] = "web" }));
        informer.Store.Upsert(Objects.ConfigMap("b", "ns2", labels: new Dictionary<string, string> { ["app"] = "x" }));
        informer.Store.Upsert(Objects.ConfigMap("c", "ns1", labels: new Dictionary<string, string> { ["app"] = "y" }));
        var reader = cache.For<V1ConfigMap>();

        var copy = reader.Get(new ObjectKey("ns1", "a"))!;
        copy.Metadata.Labels["app"] = "mutated";
        Assert.Equal("x", reader.Peek(new ObjectKey("ns1", "a"))!.Metadata.Labels["app"]);

        Assert.Equal(["a", "b"], reader.List(selector: LabelSelector.Parse("app=x")).Select(o => o.Metadata.Name).Order());
        Assert.Equal(["a"], reader.List("ns1", LabelSelector.Parse("app=x,tier")).Select(o => o.Metadata.Name));
        Assert.Equal(["a", "c"], reader.List("ns1").Select(o => o.Metadata.Name).Order());
        Assert.Equal(["c"], reader.List(selector: LabelSelector.Parse("app notin (x)")).Select(o => o.Metadata.Name));
    }
}
