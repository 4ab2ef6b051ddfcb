using Keel.Model.Topology;

namespace Keel.CrdWriter;

/// <summary>
/// The files the writer owns: one YAML file per generated CRD of our own kinds, directly in the CRD directory.
/// Kinds imported from upstream (their CRD sits in the <c>upstream/</c> subdirectory, which the import reads)
/// are generated too, for schemas and merge code, but installed from upstream's file, so they are not written.
/// The bytes are the ones build/import-crds.sh writes for our kinds, so both checks agree.
/// </summary>
public static class CrdFiles
{
    public const string UpstreamDirectory = "upstream";

    /// <summary>File name and content of every CRD of our own kinds, in name order.</summary>
    public static IEnumerable<(string FileName, string Content)> Render(string directory) =>
        CrdCatalog.All
            .Where(crd => !File.Exists(Path.Combine(directory, UpstreamDirectory, crd.FileName)))
            .Select(crd => (crd.FileName, crd.ToYaml()));

    /// <summary>
    /// Writes every CRD into <paramref name="directory"/> and deletes top-level <c>*.yaml</c> files no CRD
    /// produces any more (a kind that was removed or renamed); subdirectories are left alone.
    /// </summary>
    public static IReadOnlyList<string> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var (fileName, content) in Render(directory))
        {
            var path = Path.Combine(directory, fileName);
            File.WriteAllText(path, content);
            written.Add(path);
        }

        foreach (var stale in Directory.EnumerateFiles(directory, "*.yaml"))
        {
            if (!written.Contains(stale) && IsCustomResourceDefinition(stale))
            {
                File.Delete(stale);
            }
        }

        return written;
    }

    // Only CRD files are ours to delete; anything else a person put there stays.
    private static bool IsCustomResourceDefinition(string path) =>
        File.ReadLines(path).Take(5).Any(line => line.Trim() == "kind: CustomResourceDefinition");
}
