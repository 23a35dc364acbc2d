namespace Grader.Syntax;

/// <summary>
/// A node of an expression's syntax tree. Start and End are offsets in its
/// <see cref="ExpressionSource"/>. Trees may be very deep (a sum of many terms
/// is left-deep), so every walk over them is iterative.
/// </summary>
public abstract class Expr(int start, int end)
{
    public int Start { get; } = start;

    public int End { get; } = end;

    public abstract IReadOnlyList<Expr> Children { get; }

    /// <summary>The same expression with a wider span: `(y + z)` with its parentheses.</summary>
    public abstract Expr Spanning(int start, int end);
}

public sealed class NumberExpr(double value, int start, int end) : Expr(start, end)
{
    public double Value { get; } = value;

    public override IReadOnlyList<Expr> Children => [];

    public override Expr Spanning(int start, int end) => new NumberExpr(Value, start, end);
}

public sealed class NameExpr(string name, int start, int end) : Expr(start, end)
{
    public string Name { get; } = name;

    public override IReadOnlyList<Expr> Children => [];

    public override Expr Spanning(int start, int end) => new NameExpr(Name, start, end);
}

public sealed class NegateExpr(Expr operand, int start, int? end = null) : Expr(start, end ?? operand.End)
{
    public Expr Operand { get; } = operand;

    public override IReadOnlyList<Expr> Children => [Operand];

    public override Expr Spanning(int start, int end) => new NegateExpr(Operand, start, end);
}

public enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
    MatMul,
    Power,
}

public sealed class BinaryExpr(
    BinaryOperator op, Expr left, Expr right, int operatorStart, int? start = null, int? end = null)
    : Expr(start ?? left.Start, end ?? right.End)
{
    public BinaryOperator Operator { get; } = op;

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public int OperatorStart { get; } = operatorStart;

    public override IReadOnlyList<Expr> Children => [Left, Right];

    public override Expr Spanning(int start, int end) =>
        new BinaryExpr(Operator, Left, Right, OperatorStart, start, end);
}

public sealed class CallExpr(string name, IReadOnlyList<Expr> arguments, int start, int open, int end)
    : Expr(start, end)
{
    public string Name { get; } = name;

    public IReadOnlyList<Expr> Arguments { get; } = arguments;

    /// <summary>Offset of the opening parenthesis.</summary>
    public int Open { get; } = open;

    public override IReadOnlyList<Expr> Children => Arguments;

    public override Expr Spanning(int start, int end) => new CallExpr(Name, Arguments, start, Open, end);
}

public sealed class IndexExpr(Expr target, IReadOnlyList<Expr> indices, int end, int? start = null)
    : Expr(start ?? target.Start, end)
{
    public Expr Target { get; } = target;

    public IReadOnlyList<Expr> Indices { get; } = indices;

    public override IReadOnlyList<Expr> Children => [Target, .. Indices];

    public override Expr Spanning(int start, int end) => new IndexExpr(Target, Indices, end, start);
}
