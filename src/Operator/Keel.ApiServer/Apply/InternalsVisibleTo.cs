using System.Runtime.CompilerServices;

// The apply engine's pieces (field sets, merge, compare, prune) are tested directly against
// structured-merge-diff's documented behaviour.
[assembly: InternalsVisibleTo("Keel.ApiServer.Tests")]
