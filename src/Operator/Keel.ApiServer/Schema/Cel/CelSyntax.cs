using Antlr4.Runtime;
using Cel.Internal;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>
/// Parses CEL with the Cel package's ANTLR grammar, collecting lexer and parser errors with their positions
/// (the package's own <c>Parse</c> drops lexer errors).
/// </summary>
internal static class CelSyntax
{
    public static CelParser.StartContext? Parse(string expression, List<CelIssue> issues)
    {
        var listener = new Listener(issues);
        var lexer = new CelLexer(new AntlrInputStream(expression));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(listener);
        var parser = new CelParser(new CommonTokenStream(lexer));
        parser.RemoveErrorListeners();
        parser.AddErrorListener(listener);
        var tree = parser.start();
        return issues.Count == 0 ? tree : null;
    }

    private sealed class Listener(List<CelIssue> issues) : BaseErrorListener, IAntlrErrorListener<int>
    {
        public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
            issues.Add(new CelIssue(line, charPositionInLine, "Syntax error: " + msg));

        public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e) =>
            issues.Add(new CelIssue(line, charPositionInLine, "Syntax error: " + msg));
    }
}
