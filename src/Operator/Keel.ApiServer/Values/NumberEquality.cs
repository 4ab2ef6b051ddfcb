namespace Keel.ApiServer.Values;

/// <summary>
/// How <see cref="JsonEquality"/> compares two numbers, each first decoded to a <see cref="GoNumber"/>
/// (int64 or float64). Kubernetes uses three different rules, depending on who compares.
/// </summary>
internal enum NumberEquality
{
    /// <summary>
    /// structured-merge-diff's <c>value.Equals</c> (server-side apply: managed fields, conflicts, "did the
    /// apply change the object"): two int64s exactly, otherwise both as float64, so 1 equals 1.0 and an
    /// int64 past 2^53 equals the float64 it rounds to.
    /// </summary>
    MergeDiff,

    /// <summary>
    /// The bytes the API server would store (its no-op write check compares encoded objects): equal when
    /// Go's <c>json.Marshal</c> writes the same text, so 1 equals 1.0 and 1e2 equals 100, but -0.0 is not 0.
    /// </summary>
    Encoded,

    /// <summary>
    /// <c>reflect.DeepEqual</c> over the decoded values (apiextensions-apiserver's ratcheting, CRD
    /// per-version comparisons): an int64 never equals a float64, so 1 is not 1.0 and 1e2 is not 100.
    /// </summary>
    GoTyped,
}
