namespace Keel.Model.Migration;

/// <summary>What became of one key of the ConfigMap.</summary>
public enum PartOutcome
{
    /// <summary>A typed part of the BaseConfig spec (templates kept as strings).</summary>
    Typed,

    /// <summary>A typed part after a legacy upgrade (InferencePool v1alpha2 → v1, InferenceModel → InferenceObjective).</summary>
    Upgraded,

    /// <summary>Raw template text under spec.templates (its template produces structure).</summary>
    Raw,

    /// <summary>Nothing: the value is empty or renders to nothing, in both forms.</summary>
    Absent,

    /// <summary>Left out: an unknown key (with the flag that allows it), or an inferenceModel beside an inferenceObjective.</summary>
    Dropped,

    /// <summary>The value is broken (template or YAML error, wrong shape): no BaseConfig.</summary>
    Failed,

    /// <summary>The value could only be raw, and raw templates were not allowed: no BaseConfig.</summary>
    Refused,
}
