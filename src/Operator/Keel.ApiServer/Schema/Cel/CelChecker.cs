using Antlr4.Runtime;
using Cel.Helpers;
using Cel.Internal;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>What the checker learned about one expression.</summary>
internal sealed record CelCheckResult(DeclType Type, IReadOnlyList<CelIssue> Issues, bool UsesOldSelf);

/// <summary>
/// A static checker for CEL over the Cel package's parse tree. The package interprets dynamically and never checks
/// types, so this does what cel-go's checker does for Kubernetes at CRD creation: resolves identifiers, field
/// selections against the schema (<c>undefined field 'x'</c>), function overloads and operator operand types,
/// and rejects syntax the interpreter would silently mis-evaluate (optional selection <c>.?</c>, message
/// construction, three-argument comprehensions).
/// </summary>
internal sealed partial class CelChecker
{
    private static readonly HashSet<string> Macros = new(StringComparer.Ordinal) { "all", "exists", "exists_one", "map", "filter" };

    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal)
    {
        "int", "uint", "double", "bool", "string", "bytes", "list", "map", "null_type", "type", "dyn",
    };

    private readonly IReadOnlyDictionary<string, DeclType> _variables;
    private readonly List<(string Name, DeclType Type)> _scopes = [];
    private readonly List<CelIssue> _issues = [];
    private bool _usesOldSelf;

    private CelChecker(IReadOnlyDictionary<string, DeclType> variables) => _variables = variables;

    public static CelCheckResult Check(CelParser.StartContext tree, IReadOnlyDictionary<string, DeclType> variables)
    {
        var checker = new CelChecker(variables);
        var type = checker.Expr(tree.e);
        return new CelCheckResult(type, checker._issues, checker._usesOldSelf);
    }

    private void Issue(IToken? token, string message) =>
        _issues.Add(new CelIssue(token?.Line ?? 1, token?.Column ?? 0, message));

    private void Issue(ParserRuleContext context, string message) => Issue(context.Start, message);

    private DeclType Expr(CelParser.ExprContext c)
    {
        if (c.op is null)
        {
            return Or(c.e);
        }

        var condition = Or(c.e);
        var whenTrue = Or(c.e1);
        var whenFalse = Expr(c.e2);
        if (!condition.IsAssignableTo(DeclType.Bool))
        {
            Issue(c.op, NoOverload("_?_:_", null, condition, whenTrue, whenFalse));
        }

        return DeclType.Join(whenTrue, whenFalse);
    }

    private DeclType Or(CelParser.ConditionalOrContext c)
    {
        var first = And(c.e);
        if (c._e1.Count == 0)
        {
            return first;
        }

        var left = first;
        for (var i = 0; i < c._e1.Count; i++)
        {
            var right = And(c._e1[i]);
            if (!left.IsAssignableTo(DeclType.Bool) || !right.IsAssignableTo(DeclType.Bool))
            {
                Issue(c._ops[i], NoOverload("_||_", null, left, right));
            }

            left = DeclType.Bool;
        }

        return DeclType.Bool;
    }

    private DeclType And(CelParser.ConditionalAndContext c)
    {
        var first = Relation(c.e);
        if (c._e1.Count == 0)
        {
            return first;
        }

        var left = first;
        for (var i = 0; i < c._e1.Count; i++)
        {
            var right = Relation(c._e1[i]);
            if (!left.IsAssignableTo(DeclType.Bool) || !right.IsAssignableTo(DeclType.Bool))
            {
                Issue(c._ops[i], NoOverload("_&&_", null, left, right));
            }

            left = DeclType.Bool;
        }

        return DeclType.Bool;
    }

    private DeclType Relation(CelParser.RelationContext c)
    {
        if (c.op is null)
        {
            return Calc(c.calc());
        }

        var left = Relation(c.relation(0));
        var right = Relation(c.relation(1));
        switch (c.op.Text)
        {
            case "==":
            case "!=":
                if (!Comparable(left, right))
                {
                    Issue(c.op, NoOverload(c.op.Text == "==" ? "_==_" : "_!=_", null, left, right));
                }

                break;
            case "in":
                var fits = right.Kind switch
                {
                    DeclKind.Dyn => true,
                    DeclKind.List => Comparable(left, right.Elem!),
                    DeclKind.Map => Comparable(left, right.Key!),
                    _ => false,
                };
                if (!fits)
                {
                    Issue(c.op, NoOverload("@in", null, left, right));
                }

                break;
            default:
                if (!Orderable(left, right))
                {
                    Issue(c.op, NoOverload("_" + c.op.Text + "_", null, left, right));
                }

                break;
        }

        return DeclType.Bool;
    }

    /// <summary>
    /// Equality operands: same types, numbers of any kind, or null against anything (nullable fields). URLs, quantities
    /// and optionals have no equality in the interpreter, so comparing them is refused rather than failing at run time.
    /// </summary>
    private static bool Comparable(DeclType a, DeclType b)
    {
        if (a.Kind is DeclKind.Url or DeclKind.Quantity or DeclKind.Optional || b.Kind is DeclKind.Url or DeclKind.Quantity or DeclKind.Optional)
        {
            return false;
        }

        return a.IsAssignableTo(b) || b.IsAssignableTo(a) || (a.IsNumeric && b.IsNumeric) || a.Kind == DeclKind.Null || b.Kind == DeclKind.Null;
    }

    private static bool Orderable(DeclType a, DeclType b)
    {
        if (a.IsDyn || b.IsDyn)
        {
            return true;
        }

        if (a.IsNumeric && b.IsNumeric)
        {
            return true;
        }

        return a.Kind == b.Kind && a.Kind is DeclKind.String or DeclKind.Bytes or DeclKind.Bool or DeclKind.Timestamp or DeclKind.Duration;
    }

    private DeclType Calc(CelParser.CalcContext c)
    {
        if (c.op is null)
        {
            return Unary(c.unary());
        }

        var left = Calc(c.calc(0));
        var right = Calc(c.calc(1));
        var result = Arithmetic(c.op.Text, left, right);
        if (result is null)
        {
            var name = c.op.Text switch { "+" => "_+_", "-" => "_-_", "*" => "_*_", "/" => "_/_", _ => "_%_" };
            Issue(c.op, NoOverload(name, null, left, right));
            return DeclType.Dyn;
        }

        return result;
    }

    private static DeclType? Arithmetic(string op, DeclType left, DeclType right)
    {
        if (left.IsDyn || right.IsDyn)
        {
            var known = left.IsDyn ? right : left;
            return op == "+" && known.Kind is DeclKind.String or DeclKind.List or DeclKind.Bytes || known.IsNumeric ? known : DeclType.Dyn;
        }

        switch (op)
        {
            case "+":
                if (left.Kind == right.Kind && left.Kind is DeclKind.Int or DeclKind.Uint or DeclKind.Double or DeclKind.String or DeclKind.Bytes or DeclKind.Duration)
                {
                    return left;
                }

                if (left.Kind == DeclKind.List && right.Kind == DeclKind.List)
                {
                    return DeclType.ListOf(DeclType.Join(left.Elem!, right.Elem!));
                }

                if ((left.Kind, right.Kind) is (DeclKind.Timestamp, DeclKind.Duration) or (DeclKind.Duration, DeclKind.Timestamp))
                {
                    return DeclType.Timestamp;
                }

                return null;
            case "-":
                if (left.Kind == right.Kind && left.Kind is DeclKind.Int or DeclKind.Uint or DeclKind.Double or DeclKind.Duration)
                {
                    return left;
                }

                if (left.Kind == DeclKind.Timestamp && right.Kind == DeclKind.Timestamp)
                {
                    return DeclType.Duration;
                }

                if (left.Kind == DeclKind.Timestamp && right.Kind == DeclKind.Duration)
                {
                    return DeclType.Timestamp;
                }

                return null;
            case "*":
            case "/":
                return left.Kind == right.Kind && left.IsNumeric ? left : null;
            default:
                return left.Kind == right.Kind && left.Kind is DeclKind.Int or DeclKind.Uint ? left : null;
        }
    }

    private DeclType Unary(CelParser.UnaryContext c)
    {
        switch (c)
        {
            case CelParser.LogicalNotContext not:
                var operand = Member(not.member());
                if (!operand.IsAssignableTo(DeclType.Bool))
                {
                    Issue(not.Start, NoOverload("!_", null, operand));
                }

                return DeclType.Bool;
            case CelParser.NegateContext negate:
                var value = Member(negate.member());
                if (!value.IsDyn && value.Kind is not (DeclKind.Int or DeclKind.Double or DeclKind.Duration))
                {
                    Issue(negate.Start, NoOverload("-_", null, value));
                }

                return value;
            case CelParser.MemberExprContext member:
                return Member(member.member());
            default:
                Issue(c, "unsupported expression");
                return DeclType.Dyn;
        }
    }

    private DeclType Member(CelParser.MemberContext c)
    {
        switch (c)
        {
            case CelParser.PrimaryExprContext primary:
                return Primary(primary.primary());
            case CelParser.SelectContext select:
                if (select.opt is not null)
                {
                    Issue(select.op, "optional field selection ('.?') is not supported by this API server; use has() instead");
                }

                return Select(Member(select.member()), select.id.Text, select.op);
            case CelParser.MemberCallContext call:
                return MemberCall(call);
            case CelParser.IndexContext index:
                if (index.opt is not null)
                {
                    Issue(index.op, "optional index ('[?') is not supported by this API server");
                }

                return Index(Member(index.member()), Expr(index.index), index.op);
            default:
                Issue(c, "unsupported expression");
                return DeclType.Dyn;
        }
    }

    private DeclType Select(DeclType operand, string field, IToken location)
    {
        switch (operand.Kind)
        {
            case DeclKind.Dyn:
                return DeclType.Dyn;
            case DeclKind.Map:
                return operand.Value!;
            case DeclKind.Object:
                if (operand.Fields!.TryGetValue(field, out var type))
                {
                    return type;
                }

                Issue(location, $"undefined field '{field}'");
                return DeclType.Dyn;
            default:
                Issue(location, $"type '{operand.Name}' does not support field selection");
                return DeclType.Dyn;
        }
    }

    private DeclType Index(DeclType operand, DeclType index, IToken location)
    {
        switch (operand.Kind)
        {
            case DeclKind.Dyn:
                return DeclType.Dyn;
            case DeclKind.List when index.IsDyn || index.Kind is DeclKind.Int or DeclKind.Uint:
                return operand.Elem!;
            case DeclKind.Map when Comparable(index, operand.Key!):
                return operand.Value!;
            default:
                Issue(location, NoOverload("_[_]", null, operand, index));
                return DeclType.Dyn;
        }
    }

    private static string NoOverload(string name, DeclType? receiver, params DeclType[] arguments)
    {
        var args = "(" + string.Join(", ", arguments.Select(a => a.Name)) + ")";
        return $"found no matching overload for '{name}' applied to '{(receiver is null ? "" : receiver.Name + ".")}{args}'";
    }

    /// <summary>Validates a literal the interpreter only decodes when it runs.</summary>
    private DeclType Literal(CelParser.LiteralContext literal)
    {
        try
        {
            switch (literal)
            {
                case CelParser.IntContext i:
                    Int64Helpers.ConvertInt((i.sign is null ? "" : "-") + i.tok.Text);
                    return DeclType.Int;
                case CelParser.UintContext u:
                    UInt64Helpers.ConvertUInt(u.tok.Text);
                    return DeclType.Uint;
                case CelParser.DoubleContext:
                    return DeclType.Double;
                case CelParser.StringContext s:
                    StringHelpers.Unescape(s.tok.Text, isBytes: false);
                    return DeclType.String;
                case CelParser.BytesContext b:
                    StringHelpers.Unescape(b.tok.Text[1..], isBytes: true);
                    return DeclType.Bytes;
                case CelParser.BoolTrueContext or CelParser.BoolFalseContext:
                    return DeclType.Bool;
                case CelParser.NullContext:
                    return DeclType.Null;
            }
        }
        catch (Exception ex) when (ex is global::Cel.CelException or FormatException or OverflowException)
        {
            Issue(literal, "invalid literal: " + ex.Message);
            return DeclType.Dyn;
        }

        Issue(literal, "unsupported literal");
        return DeclType.Dyn;
    }
}
