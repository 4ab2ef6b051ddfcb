namespace Keel.ApiServer.Schema.Cel.Library;

/// <summary>A run-time error raised by this server's CEL functions, worded as cel-go words it.</summary>
internal sealed class CelEvaluationException(string message) : global::Cel.CelException(message);
