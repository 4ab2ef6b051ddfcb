namespace Keel.Model.Api;

/// <summary>Identity of the <c>llm-d.ai</c> API group this operator serves.</summary>
public static class LlmdApi
{
    /// <summary>The API group of ModelService and BaseConfig.</summary>
    public const string Group = "llm-d.ai";

    /// <summary>The served and stored version of ModelService and BaseConfig.</summary>
    public const string Version = "v1alpha1";

    /// <summary><c>llm-d.ai/v1alpha1</c>.</summary>
    public const string GroupVersion = Group + "/" + Version;
}
