using Keel.Annotations;

namespace Keel.Model.Api;

/// <summary>
/// vLLM parallelism. The accelerator count of the model container is <c>tensor × dataLocal</c>, and
/// <c>--tensor-parallel-size</c> (and the data-parallel flags) are added to its args when greater than 1.
/// </summary>
public sealed partial class Parallelism
{
    /// <summary>Tensor parallelism (vLLM <c>--tensor-parallel-size</c>): accelerators per model replica. Defaults to 1.</summary>
    [Minimum(0)]
    [Default("1")]
    [SchemaNullable]
    public int? Tensor { get; set; }

    /// <summary>Data parallelism across all pods of the role (vLLM <c>--data-parallel-size</c>).</summary>
    [Minimum(1)]
    public int? Data { get; set; }

    /// <summary>Data-parallel ranks in one pod (vLLM <c>--data-parallel-size-local</c>).</summary>
    [Minimum(1)]
    public int? DataLocal { get; set; }

    /// <summary>Pods per model replica for multi-node serving (a LeaderWorkerSet group size).</summary>
    [Minimum(1)]
    public int? Workers { get; set; }
}
