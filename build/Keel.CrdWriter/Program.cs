using Keel.CrdWriter;

// Usage: Keel.CrdWriter <directory>
// Writes each generated CRD to <directory>/<plural>.<group>.yaml and removes generated files no CRD produces.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Keel.CrdWriter <directory>");
    return 2;
}

var written = CrdFiles.Write(args[0]);
Console.WriteLine(written.Count == 0
    ? "No custom resources are declared; nothing to write."
    : $"Wrote {written.Count} CRD file(s) to {args[0]}.");
return 0;
