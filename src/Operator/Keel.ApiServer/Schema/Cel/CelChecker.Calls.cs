using Antlr4.Runtime;
using Cel.Internal;

namespace Keel.ApiServer.Schema.Cel;

/// <summary>Identifiers, literals, function calls and macros.</summary>
internal sealed partial class CelChecker
{
    private DeclType Primary(CelParser.PrimaryContext c)
    {
        switch (c)
        {
            case CelParser.IdentOrGlobalCallContext ident:
                return ident.op is null ? Identifier(ident) : GlobalCall(ident);
            case CelParser.NestedContext nested:
                return Expr(nested.e);
            case CelParser.CreateListContext list:
                var elem = (DeclType?)null;
                foreach (var item in list.elems?._elems ?? [])
                {
                    if (item.opt is not null)
                    {
                        Issue(item.Start, "optional list elements ('?x') are not supported by this API server");
                    }

                    var type = Expr(item.e);
                    elem = elem is null ? type : DeclType.Join(elem, type);
                }

                return DeclType.ListOf(elem ?? DeclType.Dyn);
            case CelParser.CreateStructContext map:
                DeclType? key = null;
                DeclType? value = null;
                var entries = map.entries;
                if (entries is not null)
                {
                    for (var i = 0; i < entries._keys.Count; i++)
                    {
                        if (entries._keys[i].opt is not null)
                        {
                            Issue(entries._keys[i].Start, "optional map entries ('?key') are not supported by this API server");
                        }

                        var keyType = Expr(entries._keys[i].e);
                        if (!keyType.IsDyn && keyType.Kind is not (DeclKind.String or DeclKind.Int or DeclKind.Uint or DeclKind.Bool))
                        {
                            Issue(entries._keys[i].Start, $"unsupported map key type: {keyType.Name}");
                        }

                        var valueType = Expr(entries._values[i]);
                        key = key is null ? keyType : DeclType.Join(key, keyType);
                        value = value is null ? valueType : DeclType.Join(value, valueType);
                    }
                }

                return DeclType.MapOf(key ?? DeclType.Dyn, value ?? DeclType.Dyn);
            case CelParser.CreateMessageContext message:
                Issue(message.op, "message construction is not supported by this API server");
                return DeclType.Dyn;
            case CelParser.ConstantLiteralContext constant:
                return Literal(constant.literal());
            default:
                Issue(c, "unsupported expression");
                return DeclType.Dyn;
        }
    }

    private DeclType Identifier(CelParser.IdentOrGlobalCallContext ident)
    {
        var name = ident.id.Text;
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].Name == name)
            {
                return _scopes[i].Type;
            }
        }

        if (ident.leadingDot is null && CelNames.IsReserved(name))
        {
            Issue(ident.id, $"reserved identifier: {name}");
            return DeclType.Dyn;
        }

        if (_variables.TryGetValue(name, out var type))
        {
            if (name == "oldSelf")
            {
                _usesOldSelf = true;
            }

            return type;
        }

        if (TypeNames.Contains(name))
        {
            return DeclType.Type;
        }

        Issue(ident.id, $"undeclared reference to '{name}' (in container '')");
        return DeclType.Dyn;
    }

    private DeclType GlobalCall(CelParser.IdentOrGlobalCallContext call)
    {
        var name = call.id.Text;
        var args = call.args?._e ?? [];
        if (name == "has")
        {
            return Has(call, args);
        }

        var argTypes = args.Select(Expr).ToArray();
        return Resolve(name, receiver: null, argTypes, call.op);
    }

    private DeclType Has(CelParser.IdentOrGlobalCallContext call, IList<CelParser.ExprContext> args)
    {
        if (args.Count != 1 || AsSelect(args[0]) is not { } select || select.opt is not null)
        {
            Issue(call.op, "invalid argument to has() macro");
            foreach (var arg in args)
            {
                Expr(arg);
            }

            return DeclType.Bool;
        }

        var operand = Member(select.member());
        switch (operand.Kind)
        {
            case DeclKind.Dyn:
            case DeclKind.Map:
                break;
            case DeclKind.Object:
                if (!operand.Fields!.ContainsKey(select.id.Text))
                {
                    Issue(select.op, $"undefined field '{select.id.Text}'");
                }

                break;
            default:
                Issue(select.op, $"type '{operand.Name}' does not support field selection");
                break;
        }

        return DeclType.Bool;
    }

    /// <summary>The select expression an argument consists of, if it is nothing but one (<c>has(a.b)</c>).</summary>
    private static CelParser.SelectContext? AsSelect(CelParser.ExprContext expr)
    {
        if (expr.op is not null || expr.e._e1.Count > 0 || expr.e.e._e1.Count > 0)
        {
            return null;
        }

        var relation = expr.e.e.e;
        if (relation.op is not null || relation.calc() is not { op: null } calc)
        {
            return null;
        }

        return calc.unary() is CelParser.MemberExprContext { } member ? member.member() as CelParser.SelectContext : null;
    }

    private DeclType MemberCall(CelParser.MemberCallContext call)
    {
        var name = call.id.Text;
        var args = call.args?._e ?? [];
        if (Macros.Contains(name))
        {
            return Macro(call, name, args);
        }

        var receiver = Member(call.member());
        var argTypes = args.Select(Expr).ToArray();
        return Resolve(name, receiver, argTypes, call.open);
    }

    private DeclType Macro(CelParser.MemberCallContext call, string name, IList<CelParser.ExprContext> args)
    {
        var range = Member(call.member());
        if (args.Count != 2)
        {
            Issue(call.open, args.Count == 3
                ? $"the three-argument form of {name}() is not supported by this API server"
                : $"{name}() takes a variable and an expression");
            foreach (var arg in args)
            {
                Expr(arg);
            }

            return name is "map" or "filter" ? DeclType.ListOfDyn : DeclType.Bool;
        }

        var variable = AsIdentifier(args[0]);
        if (variable is null)
        {
            Issue(args[0].Start, "argument must be a simple name");
            return DeclType.Dyn;
        }

        DeclType elem;
        switch (range.Kind)
        {
            case DeclKind.List:
                elem = range.Elem!;
                break;
            case DeclKind.Map:
                elem = range.Key!;
                break;
            case DeclKind.Dyn:
                elem = DeclType.Dyn;
                break;
            default:
                Issue(call.open, $"expression of type '{range.Name}' cannot be range of a comprehension (must be list, map, or dynamic)");
                elem = DeclType.Dyn;
                break;
        }

        _scopes.Add((variable, elem));
        var body = Expr(args[1]);
        _scopes.RemoveAt(_scopes.Count - 1);

        switch (name)
        {
            case "map":
                return DeclType.ListOf(body);
            case "filter":
                if (!body.IsAssignableTo(DeclType.Bool))
                {
                    Issue(args[1].Start, NoOverload("filter", null, body));
                }

                return range.Kind == DeclKind.Map ? DeclType.ListOf(elem) : DeclType.ListOf(elem);
            default:
                if (!body.IsAssignableTo(DeclType.Bool))
                {
                    Issue(args[1].Start, $"found no matching overload for '{name}' applied to '({body.Name})'");
                }

                return DeclType.Bool;
        }
    }

    private static string? AsIdentifier(CelParser.ExprContext expr)
    {
        var text = expr.GetText();
        return text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_') ? text : null;
    }

    /// <summary>Finds the overload of <paramref name="name"/> for the receiver and argument types.</summary>
    private DeclType Resolve(string name, DeclType? receiver, DeclType[] args, IToken location)
    {
        var overloads = CelFunctionTable.OverloadsOf(name);
        var styled = overloads.Where(o => o.Receiver == (receiver is not null) && o.Parameters.Length == args.Length).ToList();
        if (overloads.Count == 0 || styled.Count == 0 && !overloads.Any(o => o.Receiver == (receiver is not null)))
        {
            Issue(location, $"undeclared reference to '{name}' (in container '')");
            return DeclType.Dyn;
        }

        var matches = styled.Where(o => Accepts(o, receiver, args)).ToList();
        if (matches.Count == 0)
        {
            Issue(location, NoOverload(name, receiver, args));
            return DeclType.Dyn;
        }

        var results = matches.Select(o => o.Result(receiver, args)).ToList();
        return results.Skip(1).All(r => r.Name == results[0].Name) ? results[0] : DeclType.Dyn;
    }

    private static bool Accepts(CelFunctionTable.Overload overload, DeclType? receiver, DeclType[] args)
    {
        if (receiver is not null && !Fits(receiver, overload.ReceiverKind))
        {
            return false;
        }

        for (var i = 0; i < args.Length; i++)
        {
            if (!Fits(args[i], overload.Parameters[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Fits(DeclType type, DeclKind? expected) =>
        expected is null || type.IsDyn || type.Kind == expected || (type.Kind == DeclKind.Null && expected is DeclKind.List or DeclKind.Map);
}
