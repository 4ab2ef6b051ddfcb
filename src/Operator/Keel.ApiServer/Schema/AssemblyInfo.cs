using System.Runtime.CompilerServices;

// The schema engine's tests exercise internal pieces (Go-style formatting, the CEL checker) directly.
[assembly: InternalsVisibleTo("Keel.ApiServer.Tests")]
