using System.Text;

namespace Keel.ApiServer.Schema.Errors;

/// <summary>
/// An immutable field path rendered like apimachinery's <c>field.Path</c>: <c>spec.ports[0].name</c>,
/// <c>spec.labels[app]</c>. Children share their parent, so walking a document allocates one small node per step and
/// the string is only built when an error needs it.
/// </summary>
internal sealed class FieldPath
{
    private enum Kind : byte { Root, Child, Index, Key }

    private readonly FieldPath? _parent;
    private readonly Kind _kind;
    private readonly string? _name;
    private readonly int _index;

    /// <summary>
    /// The empty path: the object itself. Go's nil <c>*field.Path</c> prints as <c>&lt;nil&gt;</c>, which is the field the
    /// real server reports for errors on a custom resource as a whole (<c>&lt;nil&gt;: Invalid value: "object": …</c>).
    /// </summary>
    public static readonly FieldPath Root = new(null, Kind.Root, null, 0);

    /// <summary>How Go prints a nil field path.</summary>
    public const string NilPath = "<nil>";

    private FieldPath(FieldPath? parent, Kind kind, string? name, int index)
    {
        _parent = parent;
        _kind = kind;
        _name = name;
        _index = index;
    }

    public static FieldPath Of(params string[] names)
    {
        var path = Root;
        foreach (var name in names)
        {
            path = path.Child(name);
        }

        return path;
    }

    public FieldPath Child(string name) => new(this, Kind.Child, name, 0);

    public FieldPath Index(int index) => new(this, Kind.Index, null, index);

    public FieldPath Key(string key) => new(this, Kind.Key, key, 0);

    public bool IsRoot => _kind == Kind.Root;

    /// <summary>The first named element, e.g. <c>spec</c> for <c>spec.ports[0]</c>.</summary>
    public string RootName
    {
        get
        {
            var node = this;
            string? first = null;
            while (node is not null && node._kind != Kind.Root)
            {
                if (node._kind == Kind.Child)
                {
                    first = node._name;
                }

                node = node._parent;
            }

            return first ?? "";
        }
    }

    public override string ToString() => Render(openApiStyle: false);

    /// <summary>
    /// The name kube-openapi gives the node in schema validation messages (<c>spec.labels.app</c>): map keys are
    /// joined with dots, not brackets. The real server also uses it as the error's field.
    /// </summary>
    public string ToOpenApiName() => Render(openApiStyle: true);

    private string Render(bool openApiStyle)
    {
        if (_kind == Kind.Root)
        {
            return openApiStyle ? "" : NilPath;
        }

        var chain = new List<FieldPath>();
        for (var node = this; node is not null && node._kind != Kind.Root; node = node._parent)
        {
            chain.Add(node);
        }

        var builder = new StringBuilder();
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            var node = chain[i];
            switch (node._kind)
            {
                case Kind.Child:
                    if (builder.Length > 0)
                    {
                        builder.Append('.');
                    }

                    builder.Append(node._name);
                    break;
                case Kind.Index:
                    builder.Append('[').Append(node._index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
                    break;
                case Kind.Key when openApiStyle:
                    if (builder.Length > 0)
                    {
                        builder.Append('.');
                    }

                    builder.Append(node._name);
                    break;
                case Kind.Key:
                    builder.Append('[').Append(node._name).Append(']');
                    break;
            }
        }

        return builder.ToString();
    }
}
