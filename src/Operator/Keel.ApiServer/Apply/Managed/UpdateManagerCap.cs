namespace Keel.ApiServer.Apply.Managed;

/// <summary>
/// Keeps managedFields bounded as the API server does: beyond the maximum number of Update entries,
/// the oldest are merged, per API version, into an <c>ancient-changes</c> entry. Apply entries are never merged.
/// </summary>
internal static class UpdateManagerCap
{
    public const string AncientChangesManager = "ancient-changes";

    public static void Apply(ManagedSets managers, int maxUpdateManagers)
    {
        var updaters = managers.Keys.Where(k => !k.IsApply).ToList();
        if (updaters.Count <= maxUpdateManagers)
        {
            return;
        }
        updaters.Sort((a, b) =>
        {
            var byTime = Seconds(managers[a]).CompareTo(Seconds(managers[b]));
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Identifier, b.Identifier);
        });

        var firstByVersion = new Dictionary<string, ManagerKey>(StringComparer.Ordinal);
        var remaining = updaters.Count;
        for (var i = 0; i < updaters.Count && remaining > maxUpdateManagers; i++)
        {
            var key = updaters[i];
            var entry = managers[key];
            var bucket = ManagerKey.ForUpdate(AncientChangesManager, entry.ApiVersion, null);
            if (!firstByVersion.TryGetValue(entry.ApiVersion, out var first))
            {
                firstByVersion[entry.ApiVersion] = key;
                continue;
            }
            if (!managers.ContainsKey(bucket))
            {
                var firstEntry = managers[first];
                managers.Remove(first);
                managers[bucket] = firstEntry with { Key = bucket };
            }
            managers[bucket] = managers[bucket] with
            {
                Fields = entry.Fields.Union(managers[bucket].Fields),
                ApiVersion = entry.ApiVersion,
                Time = entry.Time,
            };
            managers.Remove(key);
            remaining--;
        }
    }

    private static long Seconds(ManagedEntry entry) => entry.Time?.ToUnixTimeSeconds() ?? 0;
}
