namespace Keel.ApiServer.Apply;

/// <summary>
/// A patch or apply request that cannot be applied. <see cref="StatusCode"/> is the HTTP status the API
/// server answers with: 400 (BadRequest) for a malformed patch or apply configuration, 422
/// (Unprocessable) for a well-formed patch that does not apply to the object (a failed JSON Patch
/// <c>test</c>, a missing path).
/// </summary>
public sealed class PatchException : Exception
{
    public PatchException(string message, int statusCode)
        : base(message) => StatusCode = statusCode;

    public PatchException(string message, Exception innerException, int statusCode)
        : base(message, innerException) => StatusCode = statusCode;

    public PatchException()
        : this("invalid patch")
    {
    }

    public PatchException(string message)
        : this(message, BadRequest)
    {
    }

    public PatchException(string message, Exception innerException)
        : this(message, innerException, BadRequest)
    {
    }

    public const int BadRequest = 400;

    public const int Unprocessable = 422;

    public int StatusCode { get; }
}
