using System.Text.Encodings.Web;
using System.Text.Json;

namespace Keel.ApiServer.Storage;

/// <summary>One set of serializer options for the whole server: compact, and HTML characters left alone
/// (the real server writes <c>&lt;</c> and <c>&amp;</c> as they are; so must we, for byte-faithful round trips).</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Indented = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
    };
}
