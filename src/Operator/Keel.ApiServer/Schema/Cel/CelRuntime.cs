using Cel;
using Cel.Internal;
using Keel.ApiServer.Schema.Cel.Library;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>
/// The one CEL environment of the process: the Cel package's interpreter with this server's replacements and
/// Kubernetes extension functions registered. Registration happens once here; afterwards the environment is only
/// read (compiling and evaluating), which the package supports concurrently.
/// </summary>
internal static class CelRuntime
{
    private static readonly CelEnvironment Environment = Create();

    /// <summary>Variables every rule can see besides self/oldSelf: the namespaces of the optional and sets libraries.</summary>
    public static readonly IReadOnlyDictionary<string, DeclType> NamespaceVariables = new Dictionary<string, DeclType>(StringComparer.Ordinal)
    {
        ["optional"] = DeclType.OptionalNamespace,
        ["sets"] = DeclType.SetsNamespace,
    };

    private static CelEnvironment Create()
    {
        var environment = new CelEnvironment(null, null);
        CoreFunctions.Register(environment);
        StringsLibrary.Register(environment);
        ListsLibrary.Register(environment);
        RegexLibrary.Register(environment);
        CelUrl.Register(environment);
        CelQuantity.Register(environment);
        CelOptional.Register(environment);
        SetsLibrary.Register(environment);
        return environment;
    }

    public static CelProgramDelegate Compile(CelParser.StartContext tree) => Environment.Compile(tree);

    /// <summary>Binds self/oldSelf and the library namespaces for one evaluation.</summary>
    public static Dictionary<string, object?> Activation(object? self, bool hasOldSelf, object? oldSelf)
    {
        var variables = new Dictionary<string, object?>(4, StringComparer.Ordinal)
        {
            ["self"] = self,
            ["optional"] = CelOptional.OptionalNamespace.Instance,
            ["sets"] = SetsLibrary.SetsNamespace.Instance,
        };
        if (hasOldSelf)
        {
            variables["oldSelf"] = oldSelf;
        }

        return variables;
    }
}
