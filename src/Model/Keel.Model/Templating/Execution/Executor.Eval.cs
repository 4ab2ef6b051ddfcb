using System.Text.RegularExpressions;
using Keel.Model.Templating.Formatting;
using Keel.Model.Templating.Functions;
using Keel.Model.Templating.Syntax;
using Keel.Model.Templating.Values;

namespace Keel.Model.Templating.Execution;

internal sealed partial class Executor
{
    private static readonly Node[] NoArgs = [];

    private TemplateValue EvalPipeline(TemplateValue dot, PipeNode? pipe)
    {
        if (pipe is null)
        {
            return TemplateValue.Invalid;
        }

        At(pipe);
        var value = TemplateValue.Invalid;
        var hasFinal = false;
        foreach (var command in pipe.Commands)
        {
            value = EvalCommand(dot, command, hasFinal, value).Unboxed();
            hasFinal = true;
        }

        foreach (var variable in pipe.Declarations)
        {
            if (pipe.IsAssign)
            {
                SetVar(variable.Ident[0], value);
            }
            else
            {
                Push(variable.Ident[0], value);
            }
        }

        return value;
    }

    private void Step()
    {
        if (++steps > limits.MaxSteps)
        {
            throw TemplateRuntimeException.Limit($"execution exceeds the limit of {limits.MaxSteps} steps");
        }
    }

    private void NotAFunction(IReadOnlyList<Node> args, bool hasFinal)
    {
        if (args.Count > 1 || hasFinal)
        {
            throw Error($"can't give argument to non-function {args[0]}");
        }
    }

    private TemplateValue EvalCommand(TemplateValue dot, CommandNode command, bool hasFinal, TemplateValue final)
    {
        Step();
        var first = command.Args[0];
        switch (first)
        {
            case FieldNode field:
                return EvalFieldNode(dot, field, command.Args, hasFinal, final);
            case ChainNode chain:
                return EvalChainNode(dot, chain, command.Args, hasFinal, final);
            case IdentifierNode identifier:
                return EvalFunction(dot, identifier, command, command.Args, hasFinal, final);
            case PipeNode pipe:
                NotAFunction(command.Args, hasFinal);
                return EvalPipeline(dot, pipe);
            case VariableNode variable:
                return EvalVariableNode(dot, variable, command.Args, hasFinal, final);
        }

        At(first);
        NotAFunction(command.Args, hasFinal);
        return first switch
        {
            BoolNode b => TemplateValue.FromBool(b.Value),
            DotNode => dot,
            NilNode => throw Error("nil is not a command"),
            NumberNode n => IdealConstant(n),
            StringNode s => TemplateValue.FromString(s.Text),
            _ => throw Error($"can't evaluate command {GoQuote.Quote(first.ToString()!)}"),
        };
    }

    /// <summary>A number where no type is known: the literal's spelling decides, as in Go.</summary>
    private TemplateValue IdealConstant(NumberNode constant)
    {
        At(constant);
        var text = constant.Text;
        var isHexInt = text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'X' && text.IndexOfAny(['p', 'P']) < 0;
        if (constant.IsComplex)
        {
            return TemplateValue.FromComplex(constant.Complex128);
        }

        if (constant.IsFloat && !isHexInt && !text.StartsWith('\'') && text.IndexOfAny(['.', 'e', 'E', 'p', 'P']) >= 0)
        {
            return TemplateValue.FromFloat(constant.Float64);
        }

        if (constant.IsInt)
        {
            return TemplateValue.FromInt(constant.Int64);
        }

        if (constant.IsUint)
        {
            throw Error($"{text} overflows int");
        }

        return TemplateValue.Invalid;
    }

    private TemplateValue EvalFieldNode(TemplateValue dot, FieldNode field, IReadOnlyList<Node> args, bool hasFinal, TemplateValue final)
    {
        At(field);
        return EvalFieldChain(dot, dot, field, field.Ident, args, hasFinal, final);
    }

    private TemplateValue EvalChainNode(TemplateValue dot, ChainNode chain, IReadOnlyList<Node> args, bool hasFinal, TemplateValue final)
    {
        At(chain);
        if (chain.Node is NilNode)
        {
            throw Error($"indirection through explicit nil in {chain}");
        }

        var receiver = chain.Node switch
        {
            PipeNode pipe => EvalPipeline(dot, pipe),
            IdentifierNode identifier => EvalFunction(dot, identifier, identifier, [identifier], false, default),
            _ => EvalEmptyInterface(dot, chain.Node),
        };
        return EvalFieldChain(dot, receiver, chain, chain.Fields, args, hasFinal, final);
    }

    private TemplateValue EvalVariableNode(TemplateValue dot, VariableNode variable, IReadOnlyList<Node> args, bool hasFinal, TemplateValue final)
    {
        At(variable);
        var value = VarValue(variable.Ident[0]);
        if (variable.Ident.Count == 1)
        {
            NotAFunction(args.Count == 0 ? [variable] : args, hasFinal);
            return value;
        }

        return EvalFieldChain(dot, value, variable, variable.Ident.Skip(1).ToArray(), args, hasFinal, final);
    }

    private TemplateValue EvalFieldChain(TemplateValue dot, TemplateValue receiver, Node node, IReadOnlyList<string> ident, IReadOnlyList<Node> args, bool hasFinal, TemplateValue final)
    {
        var n = ident.Count;
        for (var i = 0; i < n - 1; i++)
        {
            receiver = EvalField(ident[i], NoArgs, false, receiver);
        }

        return EvalField(ident[n - 1], args, hasFinal, receiver);
    }

    private TemplateValue EvalField(string fieldName, IReadOnlyList<Node> args, bool hasFinal, TemplateValue receiver)
    {
        if (!receiver.IsValid)
        {
            return TemplateValue.Invalid;
        }

        var typeName = receiver.IsBoxed || receiver.Kind == GoKind.Nil ? "interface {}" : receiver.GoTypeName;
        if (receiver.Kind == GoKind.Nil)
        {
            throw Error($"nil pointer evaluating {typeName}.{fieldName}");
        }

        var hasArgs = args.Count > 1 || hasFinal;
        switch (receiver.Kind)
        {
            case GoKind.Record:
                if (receiver.AsRecord.TryGetField(fieldName, out var field))
                {
                    if (hasArgs)
                    {
                        throw Error($"{fieldName} has arguments but cannot be invoked as function");
                    }

                    return field;
                }

                break;
            case GoKind.Map:
                if (hasArgs)
                {
                    throw Error($"{fieldName} is not a method but has arguments");
                }

                var map = receiver.AsMap;
                if (!map.TryGetValue(fieldName, out var entry))
                {
                    return TemplateValue.Invalid;
                }

                return map.ElementKind == GoKind.Nil ? entry.Boxed() : entry;
        }

        throw Error($"can't evaluate field {fieldName} in type {typeName}");
    }

    private TemplateValue EvalFunction(TemplateValue dot, IdentifierNode node, Node command, IReadOnlyList<Node> args, bool hasFinal, TemplateValue final)
    {
        At(node);
        return EvalCall(dot, node.Function, command, args, hasFinal, final);
    }

    private TemplateValue EvalCall(TemplateValue dot, TemplateFunction function, Node node, IReadOnlyList<Node> allArgs, bool hasFinal, TemplateValue final)
    {
        Step();
        var name = function.Name;
        var args = allArgs.Count > 0 ? allArgs.Skip(1).ToArray() : NoArgs;
        var numIn = args.Length + (hasFinal ? 1 : 0);
        var numFixed = args.Length;
        if (function.Variadic is not null)
        {
            numFixed = function.Parameters.Length;
            if (numIn < numFixed)
            {
                throw Error($"wrong number of args for {name}: want at least {numFixed} got {args.Length}");
            }
        }
        else if (numIn != function.Parameters.Length)
        {
            throw Error($"wrong number of args for {name}: want {function.Parameters.Length} got {numIn}");
        }

        if (function.Special is SpecialForm.And or SpecialForm.Or)
        {
            var value = TemplateValue.Invalid;
            foreach (var arg in args)
            {
                value = EvalArg(dot, ParameterType.Value, arg).Unboxed();
                if (IsTrue(value) == (function.Special == SpecialForm.Or))
                {
                    return value;
                }
            }

            return hasFinal ? ValidateType(final, ParameterType.Value) : value;
        }

        var argv = new TemplateValue[numIn];
        var i = 0;
        for (; i < numFixed && i < args.Length; i++)
        {
            argv[i] = EvalArg(dot, function.Parameters[i], args[i]);
        }

        if (function.Variadic is { } variadic)
        {
            for (; i < args.Length; i++)
            {
                argv[i] = EvalArg(dot, variadic, args[i]);
            }
        }

        if (hasFinal)
        {
            var type = function.Variadic is { } v
                ? (numIn - 1 < numFixed ? function.Parameters[numIn - 1] : v)
                : function.Parameters[^1];
            argv[i] = ValidateType(final, type);
        }

        At(node);
        if (function.Special == SpecialForm.Call)
        {
            var callee = args.Length > 0 ? args[0].ToString()! : GoFmt.Sprint([final]);
            var fn = argv[0].Unboxed();
            throw Error(fn.IsValid
                ? $"error calling call: non-function {callee} of type {fn.GoTypeName}"
                : "error calling call: call of nil");
        }

        try
        {
            return function.Body(this, argv);
        }
        catch (FunctionException e)
        {
            At(node);
            throw Error($"error calling {name}: {e.Message}");
        }
        catch (RegexMatchTimeoutException)
        {
            At(node);
            throw TemplateRuntimeException.Limit($"error calling {name}: regular expression match exceeded {limits.RegexTimeout.TotalMilliseconds} ms");
        }
    }

    private TemplateValue EvalArg(TemplateValue dot, ParameterType type, Node node)
    {
        At(node);
        switch (node)
        {
            case DotNode:
                return ValidateType(dot, type);
            case NilNode:
                return type switch
                {
                    ParameterType.Any => TemplateValue.Nil,
                    ParameterType.Value => TemplateValue.Invalid,
                    ParameterType.Map => TemplateValue.FromMap(new TemplateMap(isNil: true)),
                    _ => throw Error($"cannot assign nil to {type.GoName()}"),
                };
            case FieldNode field:
                return ValidateType(EvalFieldNode(dot, field, [node], false, default), type);
            case VariableNode variable:
                return ValidateType(EvalVariableNode(dot, variable, NoArgs, false, default), type);
            case PipeNode pipe:
                return ValidateType(EvalPipeline(dot, pipe), type);
            case IdentifierNode identifier:
                return ValidateType(EvalFunction(dot, identifier, identifier, [identifier], false, default), type);
            case ChainNode chain:
                return ValidateType(EvalChainNode(dot, chain, NoArgs, false, default), type);
        }

        return type switch
        {
            ParameterType.Bool => node is BoolNode b ? TemplateValue.FromBool(b.Value) : throw Error($"expected bool; found {node}"),
            ParameterType.Float64 => node is NumberNode { IsFloat: true } f ? TemplateValue.FromFloat(f.Float64) : throw Error($"expected float; found {node}"),
            ParameterType.Int => node is NumberNode { IsInt: true } n ? TemplateValue.FromInt(n.Int64) : throw Error($"expected integer; found {node}"),
            ParameterType.String => node is StringNode s ? TemplateValue.FromString(s.Text) : throw Error($"expected string; found {node}"),
            ParameterType.Any or ParameterType.Value => EvalEmptyInterface(dot, node),
            _ => throw Error($"can't handle {node} for arg of type {type.GoName()}"),
        };
    }

    private TemplateValue EvalEmptyInterface(TemplateValue dot, Node node)
    {
        At(node);
        return node switch
        {
            BoolNode b => TemplateValue.FromBool(b.Value),
            DotNode => dot,
            NumberNode n => IdealConstant(n),
            StringNode s => TemplateValue.FromString(s.Text),
            FieldNode f => EvalFieldNode(dot, f, NoArgs, false, default),
            VariableNode v => EvalVariableNode(dot, v, NoArgs, false, default),
            PipeNode p => EvalPipeline(dot, p),
            IdentifierNode i => EvalFunction(dot, i, i, [i], false, default),
            _ => throw Error($"can't handle assignment of {node} to empty interface argument"),
        };
    }

    /// <summary>Go's validateType: checks a value against a parameter type, converting "no value" where Go does.</summary>
    private static TemplateValue ValidateType(TemplateValue value, ParameterType type)
    {
        if (!value.IsValid)
        {
            return type switch
            {
                ParameterType.Any => TemplateValue.Nil,
                ParameterType.Value => TemplateValue.Invalid,
                ParameterType.Map => TemplateValue.FromMap(new TemplateMap(isNil: true)),
                _ => throw Error($"invalid value; expected {type.GoName()}"),
            };
        }

        var ok = type switch
        {
            ParameterType.Any or ParameterType.Value => true,
            ParameterType.String => value.Kind == GoKind.String,
            ParameterType.Int => value.Kind == GoKind.Int,
            ParameterType.Bool => value.Kind == GoKind.Bool,
            ParameterType.Float64 => value.Kind == GoKind.Float64,
            ParameterType.Map => value.Kind == GoKind.Map && value.AsMap.ElementKind == GoKind.Nil,
            _ => false,
        };
        if (ok)
        {
            return type is ParameterType.Any or ParameterType.Value ? value : value.Unboxed();
        }

        var got = value.Kind == GoKind.Nil ? "interface {}" : value.GoTypeName;
        throw Error($"wrong type for value; expected {type.GoName()}; got {got}");
    }
}
