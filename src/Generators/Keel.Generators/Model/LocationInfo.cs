using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Keel.Generators.Model;

/// <summary>A source location without a reference to the syntax tree (which would break caching).</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(SyntaxReference? reference) =>
        reference is null ? null : From(reference.GetSyntax().GetLocation());
}

/// <summary>A diagnostic to report, as data.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Diagnostics.Get(Id), Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Cast<object>(Arguments.Items)));

    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        new(descriptor.Id, location, arguments.ToEquatableArray());
}
