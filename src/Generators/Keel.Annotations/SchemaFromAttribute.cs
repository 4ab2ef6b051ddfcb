using System;

namespace Keel.Annotations;

/// <summary>
/// Gives a free-form property (a <c>JsonObject</c>/<c>JsonNode</c> in C#) the schema of <see cref="Type"/>.
/// With <see cref="Templatable"/> every position that wants an integer also accepts a string
/// (<c>x-kubernetes-int-or-string</c>) and every boolean or number position accepts any scalar, so a
/// preset can write <c>port: '{{ "http" | getPort }}'</c> where the typed object wants an int32.
/// The value is rendered and converted to <see cref="Type"/> by the operator, not by the API server.
/// On a list or map of free-form values (<c>IList&lt;JsonObject&gt;</c>), each item (or map value) gets the schema.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class SchemaFromAttribute : Attribute
{
    public SchemaFromAttribute(Type type) => Type = type;

    public Type Type { get; }

    public bool Templatable { get; set; }
}
