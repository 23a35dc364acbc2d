using System.Globalization;
using CsCheck;

namespace Grader.Tests.Solving;

internal enum Shape
{
    X,
    Y,
    Z,
    Number,
    Add,
    Subtract,
    Multiply,
    SafeDivide,
    ExpTanh,
    Sin,
    Cos,
    Tanh,
    Sigmoid,
    LogOnePlusSquare,
    SqrtOnePlusSquare,
    Power,
    Negate,
}

/// <summary>
/// A random smooth expression over x, y and z, defined on all of ℝ³: denominators
/// are 1 + b², logarithms and roots take 1 + a², and exp takes tanh(a) in (-1, 1).
/// </summary>
internal sealed record RandomExpression(Shape Shape, RandomExpression? A, RandomExpression? B, double Number = 0,
    int Exponent = 0)
{
    private static readonly Gen<RandomExpression> Leaf = Gen.OneOf(
        Gen.OneOf(Gen.Const(Shape.X), Gen.Const(Shape.Y), Gen.Const(Shape.Z)).Select(s => new RandomExpression(s, null, null)),
        Gen.OneOf(Gen.Const(0.5), Gen.Const(1.5), Gen.Const(2.0), Gen.Const(3.0))
            .Select(n => new RandomExpression(Shape.Number, null, null, n)));

    public static Gen<RandomExpression> Tree(int depth)
    {
        if (depth == 0)
        {
            return Leaf;
        }

        var sub = Tree(depth - 1);
        var unary = Gen.Select(Gen.Int[(int)Shape.ExpTanh, (int)Shape.Negate], sub, Gen.Int[2, 3],
            (s, a, n) => new RandomExpression((Shape)s, a, null, 0, n));
        var binary = Gen.Select(Gen.Int[(int)Shape.Add, (int)Shape.SafeDivide], sub, sub,
            (s, a, b) => new RandomExpression((Shape)s, a, b));
        return Gen.Frequency((1, Leaf), (2, unary), (3, binary));
    }

    public override string ToString() => Text(e => e.ToString());

    /// <summary>This operation written with its operands as <paramref name="operand"/> writes them.</summary>
    public string Text(Func<RandomExpression, string> operand)
    {
        string a() => operand(A!);
        string b() => operand(B!);

        return Shape switch
        {
            Shape.X => "x",
            Shape.Y => "y",
            Shape.Z => "z",
            Shape.Number => Number.ToString(CultureInfo.InvariantCulture),
            Shape.Add => $"({a()} + {b()})",
            Shape.Subtract => $"({a()} - {b()})",
            Shape.Multiply => $"({a()} * {b()})",
            Shape.SafeDivide => $"({a()} / (1 + {b()} ^ 2))",
            Shape.ExpTanh => $"exp(tanh({a()}))",
            Shape.Sin => $"sin({a()})",
            Shape.Cos => $"cos({a()})",
            Shape.Tanh => $"tanh({a()})",
            Shape.Sigmoid => $"sigmoid({a()})",
            Shape.LogOnePlusSquare => $"log(1 + {a()} ^ 2)",
            Shape.SqrtOnePlusSquare => $"sqrt(1 + {a()} ** 2)",
            Shape.Power => $"(({a()}) ^ {Exponent})",
            _ => $"(-{a()})",
        };
    }

    public bool IsLeaf => A is null;

    /// <summary>The value and partial derivatives at (x, y, z), by forward-mode differentiation.</summary>
    public Dual Evaluate(double x, double y, double z)
    {
        Dual Square(Dual u) => u * u;

        return Shape switch
        {
            Shape.X => new Dual(x, 1, 0, 0),
            Shape.Y => new Dual(y, 0, 1, 0),
            Shape.Z => new Dual(z, 0, 0, 1),
            Shape.Number => Dual.Constant(Number),
            Shape.Add => A!.Evaluate(x, y, z) + B!.Evaluate(x, y, z),
            Shape.Subtract => A!.Evaluate(x, y, z) - B!.Evaluate(x, y, z),
            Shape.Multiply => A!.Evaluate(x, y, z) * B!.Evaluate(x, y, z),
            Shape.SafeDivide => A!.Evaluate(x, y, z) / (Dual.Constant(1) + Square(B!.Evaluate(x, y, z))),
            Shape.ExpTanh => A!.Evaluate(x, y, z).Tanh().Exp(),
            Shape.Sin => A!.Evaluate(x, y, z).Sin(),
            Shape.Cos => A!.Evaluate(x, y, z).Cos(),
            Shape.Tanh => A!.Evaluate(x, y, z).Tanh(),
            Shape.Sigmoid => A!.Evaluate(x, y, z).Sigmoid(),
            Shape.LogOnePlusSquare => (Dual.Constant(1) + Square(A!.Evaluate(x, y, z))).Log(),
            Shape.SqrtOnePlusSquare => (Dual.Constant(1) + Square(A!.Evaluate(x, y, z))).Sqrt(),
            Shape.Power => A!.Evaluate(x, y, z).Power(Exponent),
            _ => -A!.Evaluate(x, y, z),
        };
    }

    /// <summary>Every subexpression that is an operation, children before parents.</summary>
    public IEnumerable<RandomExpression> Operations()
    {
        foreach (var child in new[] { A, B }.OfType<RandomExpression>())
        {
            foreach (var inner in child.Operations())
            {
                yield return inner;
            }
        }

        if (!IsLeaf)
        {
            yield return this;
        }
    }
}
