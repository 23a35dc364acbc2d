using Grader.Diagnostics;
using Grader.Syntax;
using Grader.Tapes;
using Grader.Values;

namespace Grader.Graphs;

/// <summary>
/// Compiles expressions into tape steps. The walk over an expression is a loop with
/// an explicit stack, so a sum of a hundred thousand terms compiles like a short one.
/// Mistakes are thrown as <see cref="DiagnosticException"/> and caught by the caller.
/// </summary>
public sealed class TapeBuilder
{
    public static readonly IReadOnlyDictionary<string, double> Constants = new Dictionary<string, double>
    {
        ["e"] = Math.E,
        ["pi"] = Math.PI,
    };

    private readonly List<Step> _steps = [];

    public int Count => _steps.Count;

    public IReadOnlyList<Step> Steps => _steps;

    public int AddInput(string name, Tensor value, SourcePosition at) =>
        Add(new Step { Op = Op.Input, Value = value, Name = name, Owner = name, Position = at, Text = name });

    public Tape Build() => new(_steps.ToArray());

    /// <summary>
    /// Compiles <paramref name="expr"/> and returns the slot of its value, a step named
    /// <paramref name="name"/>. Names are looked up with <paramref name="resolve"/>,
    /// which returns a slot or null for a name it does not know.
    /// </summary>
    public int Compile(Expr expr, ExpressionSource source, string name, Func<NameExpr, int?> resolve,
        IEnumerable<string>? known = null)
    {
        var context = new Context(source, name, resolve, known ?? []);
        var result = CompileTree(expr, context);
        var last = _steps[result];
        if (last.Name is null && last.Op is not (Op.Input or Op.Constant))
        {
            _steps[result] = Rename(last, name);
            return result;
        }

        var text = source.Slice(expr.Start, expr.End).Trim();
        return Add(new Step
        {
            Op = Op.Identity,
            Args = [result],
            Name = name,
            Owner = name,
            Position = last.Position,
            Text = text,
        });
    }

    private sealed record Context(ExpressionSource Source, string Owner, Func<NameExpr, int?> Resolve,
        IEnumerable<string> Known);

    private sealed class Frame(Expr expr)
    {
        public Expr Expr { get; } = expr;

        public List<Expr> Pending { get; } = [];

        public List<int> Slots { get; } = [];

        public int? Axis { get; set; }

        public bool Expanded { get; set; }
    }

    private int CompileTree(Expr root, Context context)
    {
        var stack = new Stack<Frame>();
        stack.Push(new Frame(root));
        var result = -1;
        while (stack.Count > 0)
        {
            var frame = stack.Peek();
            if (!frame.Expanded)
            {
                frame.Expanded = true;
                if (TryLeaf(frame.Expr, context) is { } leaf)
                {
                    stack.Pop();
                    result = Deliver(stack, leaf);
                    continue;
                }

                Expand(frame, context);
            }

            if (frame.Slots.Count < frame.Pending.Count)
            {
                stack.Push(new Frame(frame.Pending[frame.Slots.Count]));
                continue;
            }

            stack.Pop();
            result = Deliver(stack, Emit(frame, context));
        }

        return result;
    }

    private static int Deliver(Stack<Frame> stack, int slot)
    {
        if (stack.Count > 0)
        {
            stack.Peek().Slots.Add(slot);
        }

        return slot;
    }

    /// <summary>The slot of a number, constant or name; null when the expression is an operation.</summary>
    private int? TryLeaf(Expr expr, Context context)
    {
        switch (expr)
        {
            case NumberExpr number:
                return AddConstant(number.Value, expr, context);
            case NegateExpr { Operand: NumberExpr literal }:
                return AddConstant(-literal.Value, expr, context);
            case NameExpr name:
                if (context.Resolve(name) is { } slot)
                {
                    return slot;
                }

                if (Constants.TryGetValue(name.Name, out var constant))
                {
                    return AddConstant(constant, expr, context);
                }

                var hint = FunctionInfo.All.ContainsKey(name.Name)
                    ? $"; `{name.Name}` is a function: write `{name.Name}(…)`"
                    : Suggest.Hint(name.Name, context.Known.Concat(Constants.Keys));
                throw Error(context, expr.Start, $"unknown name `{name.Name}`{hint}");
            default:
                return null;
        }
    }

    private int AddConstant(double value, Expr expr, Context context) => Add(new Step
    {
        Op = Op.Constant,
        Value = Tensor.Scalar(value),
        Owner = context.Owner,
        Position = context.Source.PositionOf(expr.Start),
        Text = Excerpt(context.Source, expr.Start, expr.End),
    });

    private static void Expand(Frame frame, Context context)
    {
        switch (frame.Expr)
        {
            case NegateExpr negate:
                frame.Pending.Add(negate.Operand);
                break;
            case BinaryExpr binary:
                frame.Pending.Add(binary.Left);
                frame.Pending.Add(binary.Right);
                break;
            case IndexExpr index:
                frame.Pending.Add(index.Target);
                frame.Pending.AddRange(index.Indices);
                break;
            case CallExpr call:
                var function = Lookup(call, context);
                frame.Pending.Add(call.Arguments[0]);
                if (call.Arguments.Count == 2 && function.TakesAxis)
                {
                    frame.Axis = ReadAxis(call.Arguments[1], function, context);
                }
                else if (call.Arguments.Count == 2)
                {
                    frame.Pending.Add(call.Arguments[1]);
                }

                break;
        }
    }

    private static FunctionInfo Lookup(CallExpr call, Context context)
    {
        if (!FunctionInfo.All.TryGetValue(call.Name, out var function))
        {
            var asName = new NameExpr(call.Name, call.Start, call.Open);
            var isValue = context.Resolve(asName) is not null || Constants.ContainsKey(call.Name);
            if (isValue)
            {
                var group = context.Source.Slice(call.Open, call.End).Trim();
                throw Error(context, call.Open, $"unexpected `(` after `{call.Name}`: there is no implied "
                    + $"multiplication; write `{call.Name} * {group}`");
            }

            throw Error(context, call.Start, $"unknown function `{call.Name}`"
                + Suggest.Hint(call.Name, FunctionInfo.All.Keys));
        }

        var count = call.Arguments.Count;
        if (count < function.MinArgs || count > function.MaxArgs)
        {
            var wanted = function.MinArgs == function.MaxArgs
                ? Plural(function.MinArgs, "argument")
                : $"{function.MinArgs} or {Plural(function.MaxArgs, "argument")}";
            throw Error(context, call.Start, $"`{call.Name}` takes {wanted}, got {count}: write {function.Usage}");
        }

        return function;
    }

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    private static int ReadAxis(Expr expr, FunctionInfo function, Context context)
    {
        var value = expr switch
        {
            NumberExpr n => n.Value,
            NegateExpr { Operand: NumberExpr n } => -n.Value,
            _ => double.NaN,
        };
        if (value is not (0 or 1 or -1))
        {
            throw Error(context, expr.Start, $"the axis of `{function.Name}` must be 0, 1 or -1, "
                + $"got `{context.Source.Slice(expr.Start, expr.End).Trim()}`");
        }

        return (int)value;
    }

    private int Emit(Frame frame, Context context)
    {
        var expr = frame.Expr;
        var (op, at) = expr switch
        {
            NegateExpr => (Op.Negate, expr.Start),
            BinaryExpr binary => (BinaryOp(binary.Operator), binary.OperatorStart),
            IndexExpr => (Op.Index, expr.Start),
            CallExpr call => (CallOp(call, frame), call.Start),
            _ => throw new InvalidOperationException($"unexpected {expr.GetType().Name}"),
        };

        return Add(new Step
        {
            Op = op,
            Args = frame.Slots.ToArray(),
            Axis = frame.Axis,
            Owner = context.Owner,
            Position = context.Source.PositionOf(at),
            Text = Excerpt(context.Source, expr.Start, expr.End),
        });
    }

    private static Op CallOp(CallExpr call, Frame frame)
    {
        var op = FunctionInfo.All[call.Name].Op;
        return (op, frame.Slots.Count) switch
        {
            (Op.Max, 1) => Op.MaxAll,
            (Op.Min, 1) => Op.MinAll,
            _ => op,
        };
    }

    private static Op BinaryOp(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => Op.Add,
        BinaryOperator.Subtract => Op.Subtract,
        BinaryOperator.Multiply => Op.Multiply,
        BinaryOperator.Divide => Op.Divide,
        BinaryOperator.MatMul => Op.MatMul,
        _ => Op.Power,
    };

    private int Add(Step step)
    {
        _steps.Add(step);
        return _steps.Count - 1;
    }

    private static Step Rename(Step step, string name) => new()
    {
        Op = step.Op,
        Args = step.Args,
        Axis = step.Axis,
        Value = step.Value,
        Name = name,
        Owner = step.Owner,
        Position = step.Position,
        Text = step.Text,
    };

    /// <summary>Longest step text kept whole; every step of a long sum would otherwise copy most of it.</summary>
    private const int MaxStepText = 80;

    /// <summary>
    /// The source text of a step for messages. A long one keeps its two ends around an
    /// ellipsis, so that the texts of a chain of n operations take O(n) memory, not O(n²).
    /// </summary>
    private static string Excerpt(ExpressionSource source, int start, int end)
    {
        if (end - start <= MaxStepText)
        {
            return source.Slice(start, end).Trim();
        }

        var half = MaxStepText / 2;
        return $"{source.Slice(start, start + half).Trim()} … {source.Slice(end - half, end).Trim()}";
    }

    private static DiagnosticException Error(Context context, int offset, string message) =>
        new(Diagnostic.Error(context.Source.PositionOf(offset), message));
}
