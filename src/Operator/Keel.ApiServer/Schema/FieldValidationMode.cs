namespace Keel.ApiServer.Schema;

/// <summary>The <c>fieldValidation</c> query parameter: what happens to fields the schema does not know.</summary>
public enum FieldValidationMode
{
    /// <summary>Unknown fields are dropped silently.</summary>
    Ignore,

    /// <summary>Unknown fields are dropped and reported as <c>unknown field "path"</c> warnings (the server default).</summary>
    Warn,

    /// <summary>Unknown fields fail the request with a strict decoding error (HTTP 400).</summary>
    Strict,
}
