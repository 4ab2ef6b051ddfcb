namespace Keel.Runtime.Client;

/// <summary>A watch stream broke or carried something undecodable; the informer reconnects.</summary>
public sealed class WatchStreamException : Exception
{
    public WatchStreamException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
