namespace Grader.Tapes;

/// <summary>
/// Value and local derivative of each element-wise operation, one line each.
/// Binary derivatives receive the operands and the result.
/// </summary>
internal static class Elementwise
{
    public static double Unary(Op op, double x) => op switch
    {
        Op.Negate => -x,
        Op.Identity => x,
        Op.Exp => Math.Exp(x),
        Op.Log => Math.Log(x),
        Op.Sqrt => Math.Sqrt(x),
        Op.Sin => Math.Sin(x),
        Op.Cos => Math.Cos(x),
        Op.Tan => Math.Tan(x),
        Op.Tanh => Math.Tanh(x),
        Op.Sigmoid => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x)),
        Op.Relu => x > 0 ? x : 0,
        Op.Abs => Math.Abs(x),
        _ => throw new InvalidOperationException($"{op} is not unary"),
    };

    /// <summary>dy/dx given x and y = f(x).</summary>
    public static double UnaryDerivative(Op op, double x, double y) => op switch
    {
        Op.Negate => -1,                   // d(-x) = -1
        Op.Identity => 1,
        Op.Exp => y,                       // d exp(x) = exp(x)
        Op.Log => 1 / x,                   // d log(x) = 1/x
        Op.Sqrt => 0.5 / y,                // d sqrt(x) = 1 / (2 sqrt(x))
        Op.Sin => Math.Cos(x),
        Op.Cos => -Math.Sin(x),
        Op.Tan => 1 + y * y,               // d tan(x) = 1 + tan²(x)
        Op.Tanh => TanhSlope(x),           // d tanh(x) = 1 - tanh²(x) = 1 / cosh²(x)
        Op.Sigmoid => SigmoidSlope(x),     // d σ(x) = σ(x)(1 - σ(x)) = σ(x)σ(-x)
        Op.Relu => x > 0 ? 1 : 0,          // 0 at the kink x = 0
        Op.Abs => Math.Sign(x),            // 0 at the kink x = 0
        _ => throw new InvalidOperationException($"{op} is not unary"),
    };

    /// <summary>1 / cosh²(x): unlike 1 - tanh², keeps its relative precision where tanh saturates.</summary>
    private static double TanhSlope(double x)
    {
        var cosh = Math.Cosh(x);
        return 1 / (cosh * cosh);
    }

    /// <summary>e / (1 + e)² with e = exp(-|x|): σ(x)σ(-x) without the cancellation in 1 - σ(x).</summary>
    private static double SigmoidSlope(double x)
    {
        var e = Math.Exp(-Math.Abs(x));
        return e / ((1 + e) * (1 + e));
    }

    /// <summary>A reason the operation is undefined at x, or null.</summary>
    public static string? UnaryDomain(Op op, double x) => op switch
    {
        Op.Log when x <= 0 => "log of a non-positive number",
        Op.Sqrt when x < 0 => "square root of a negative number",
        _ => null,
    };

    public static bool UnaryKink(Op op, double x) => op is Op.Relu or Op.Abs && x == 0;

    public static double Binary(Op op, double a, double b) => op switch
    {
        Op.Add => a + b,
        Op.Subtract => a - b,
        Op.Multiply => a * b,
        Op.Divide => a / b,
        Op.Power => Math.Pow(a, b),
        Op.Max => a >= b ? a : b,
        Op.Min => a <= b ? a : b,
        _ => throw new InvalidOperationException($"{op} is not binary"),
    };

    public static double LeftDerivative(Op op, double a, double b, double y) => op switch
    {
        Op.Add or Op.Subtract => 1,
        Op.Multiply => b,                  // d(ab)/da = b
        Op.Divide => 1 / b,                // d(a/b)/da = 1/b
        Op.Power => b == 0 ? 0 : b * Math.Pow(a, b - 1), // d(a^b)/da = b a^(b-1)
        Op.Max => a >= b ? 1 : 0,          // a tie goes to the left operand
        Op.Min => a <= b ? 1 : 0,
        _ => throw new InvalidOperationException($"{op} is not binary"),
    };

    public static double RightDerivative(Op op, double a, double b, double y) => op switch
    {
        Op.Add => 1,
        Op.Subtract => -1,
        Op.Multiply => a,                  // d(ab)/db = a
        Op.Divide => -y / b,               // d(a/b)/db = -a/b²
        Op.Power => a > 0 ? y * Math.Log(a) : 0, // d(a^b)/db = a^b ln a
        Op.Max => a >= b ? 0 : 1,
        Op.Min => a <= b ? 0 : 1,
        _ => throw new InvalidOperationException($"{op} is not binary"),
    };

    public static string? BinaryDomain(Op op, double a, double b) => op switch
    {
        Op.Divide when b == 0 => "division by zero",
        Op.Power when a == 0 && b < 0 => "division by zero (zero to a negative power)",
        Op.Power when a < 0 && Math.Round(b) != b => "a negative number to a non-integer power",
        _ => null,
    };

    public static bool BinaryKink(Op op, double a, double b) => op is Op.Max or Op.Min && a == b;
}
