namespace Keel.Model.Rendering;

/// <summary>Who owns a workload Deployment's <c>spec.replicas</c> (spec 5.6).</summary>
public enum ReplicasPolicy
{
    /// <summary>Not a workload Deployment, or it has no replicas.</summary>
    None,

    /// <summary>The operator owns replicas: apply them every time (an explicit 0 scales to zero).</summary>
    Owned,

    /// <summary>
    /// <c>decoupleScaling</c>: replicas are set only when the Deployment is created; once it exists the applied object
    /// leaves <c>spec.replicas</c> out (<see cref="RenderedChild.ApplyBody"/>) so an autoscaler owns them.
    /// </summary>
    InitialOnly,
}
