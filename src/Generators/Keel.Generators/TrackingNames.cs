namespace Keel.Generators;

/// <summary>Names of the pipeline steps, for incrementality tests.</summary>
public static class TrackingNames
{
    public const string Resources = nameof(Resources);
    public const string Rules = nameof(Rules);
    public const string Settings = nameof(Settings);
    public const string JsonContexts = nameof(JsonContexts);
    public const string Model = nameof(Model);
}
