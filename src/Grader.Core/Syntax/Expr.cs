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
}

public sealed class NumberExpr(double value, int start, int end) : Expr(start, end)
{
    public double Value { get; } = value;

    public override IReadOnlyList<Expr> Children => [];
}

public sealed class NameExpr(string name, int start, int end) : Expr(start, end)
{
    public string Name { get; } = name;

    public override IReadOnlyList<Expr> Children => [];
}

public sealed class NegateExpr(Expr operand, int start) : Expr(start, operand.End)
{
    public Expr Operand { get; } = operand;

    public override IReadOnlyList<Expr> Children => [Operand];
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

public sealed class BinaryExpr(BinaryOperator op, Expr left, Expr right, int operatorStart)
    : Expr(left.Start, right.End)
{
    public BinaryOperator Operator { get; } = op;

    public Expr Left { get; } = left;

    public Expr Right { get; } = right;

    public int OperatorStart { get; } = operatorStart;

    public override IReadOnlyList<Expr> Children => [Left, Right];
}

public sealed class CallExpr(string name, IReadOnlyList<Expr> arguments, int start, int open, int end)
    : Expr(start, end)
{
    public string Name { get; } = name;

    public IReadOnlyList<Expr> Arguments { get; } = arguments;

    /// <summary>Offset of the opening parenthesis.</summary>
    public int Open { get; } = open;

    public override IReadOnlyList<Expr> Children => Arguments;
}

public sealed class IndexExpr(Expr target, IReadOnlyList<Expr> indices, int end) : Expr(target.Start, end)
{
    public Expr Target { get; } = target;

    public IReadOnlyList<Expr> Indices { get; } = indices;

    public override IReadOnlyList<Expr> Children => [Target, .. Indices];
}
