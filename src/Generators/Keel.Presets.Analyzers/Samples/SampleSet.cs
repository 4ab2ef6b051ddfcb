using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Keel.Presets.Analyzers.Samples;

/// <summary>
/// The sample ModelServices of the project: AdditionalFiles with the metadata <c>KeelSampleModelService=true</c>
/// (the Keel.Model package turns every <c>&lt;KeelSampleModelService Include="..." /&gt;</c> item into one).
/// </summary>
internal sealed class SampleSet
{
    public const string MetadataKey = "build_metadata.AdditionalFiles.KeelSampleModelService";

    private SampleSet(ImmutableArray<SampleModelService> modelServices, ImmutableArray<string> files, ImmutableArray<(string File, string Message)> errors)
    {
        ModelServices = modelServices;
        Files = files;
        Errors = errors;
    }

    public ImmutableArray<SampleModelService> ModelServices { get; }

    /// <summary>Every sample file given, readable or not.</summary>
    public ImmutableArray<string> Files { get; }

    public ImmutableArray<(string File, string Message)> Errors { get; }

    public static SampleSet Read(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var modelServices = ImmutableArray.CreateBuilder<SampleModelService>();
        var files = ImmutableArray.CreateBuilder<string>();
        var errors = ImmutableArray.CreateBuilder<(string, string)>();
        foreach (var file in options.AdditionalFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (!options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(MetadataKey, out var flag)
                || !string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var name = Path.GetFileName(Path.GetDirectoryName(file.Path)) + "/" + Path.GetFileName(file.Path);
            files.Add(name);
            var text = file.GetText(cancellationToken)?.ToString();
            if (text is null)
            {
                errors.Add((name, "the file cannot be read"));
                continue;
            }

            modelServices.AddRange(SampleReader.Read(name, text, out var error));
            if (error is not null)
            {
                errors.Add((name, error));
            }
        }

        return new SampleSet(modelServices.ToImmutable(), files.ToImmutable(), errors.ToImmutable());
    }
}
