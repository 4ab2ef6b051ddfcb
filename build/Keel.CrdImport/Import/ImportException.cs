namespace Keel.CrdImport.Import;

/// <summary>A schema the import cannot turn into C#: the message names the file and the schema path.</summary>
internal sealed class ImportException(string message) : Exception(message);
