using Keel.DeployCheck;

// Usage: Keel.DeployCheck <deploy folder> <chart rendering (helm template --include-crds output)>
// Exit 0 when the chart renders exactly the objects of the folder (see ChartComparison), 1 with the differences otherwise.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Keel.DeployCheck <deploy folder> <rendered chart yaml>");
    return 2;
}

var manifests = ManifestSet.Read(args[0]);
var chart = ManifestSet.Read(args[1]);
var differences = ChartComparison.Differences(manifests, chart);
if (differences.Count == 0)
{
    Console.WriteLine($"The chart renders the {chart.Objects.Count} objects of {args[0]} (the Namespace aside).");
    return 0;
}

Console.Error.WriteLine($"The chart's rendering with default values differs from {args[0]}:");
foreach (var difference in differences)
{
    Console.Error.WriteLine("  " + difference);
}

return 1;
