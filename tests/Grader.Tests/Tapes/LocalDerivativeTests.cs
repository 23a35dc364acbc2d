using Grader.Checking;
using Grader.Solving;

namespace Grader.Tests.Tapes;

/// <summary>
/// Every primitive operation at a smooth point: backprop against the analytic
/// derivative written in the row, and against the finite-difference checker.
/// </summary>
public class LocalDerivativeTests
{
    private const double X = 0.7;
    private const double Y = 1.3;

    private static double Sigmoid(double t) => 1 / (1 + Math.Exp(-t));

    /// <summary>f(x, y), then ∂f/∂x and ∂f/∂y at (X, Y) worked out by hand.</summary>
    public static TheoryData<string, double, double> Operations => new()
    {
        { "exp(x)", Math.Exp(X), 0 },
        { "log(x)", 1 / X, 0 },
        { "ln(x)", 1 / X, 0 },
        { "sqrt(x)", 1 / (2 * Math.Sqrt(X)), 0 },
        { "sin(x)", Math.Cos(X), 0 },
        { "cos(x)", -Math.Sin(X), 0 },
        { "tan(x)", 1 / (Math.Cos(X) * Math.Cos(X)), 0 },
        { "tanh(x)", 1 / (Math.Cosh(X) * Math.Cosh(X)), 0 },
        { "sigmoid(x)", Sigmoid(X) * (1 - Sigmoid(X)), 0 },
        { "relu(x)", 1, 0 },
        { "relu(-x)", 0, 0 },
        { "abs(x)", 1, 0 },
        { "abs(-x)", 1, 0 },
        { "-x", -1, 0 },
        { "x + y", 1, 1 },
        { "x - y", 1, -1 },
        { "x * y", Y, X },
        { "x / y", 1 / Y, -X / (Y * Y) },
        { "x ^ y", Y * Math.Pow(X, Y - 1), Math.Pow(X, Y) * Math.Log(X) },
        { "x ** 3", 3 * X * X, 0 },
        { "max(x, y)", 0, 1 },
        { "max(y, x)", 0, 1 },
        { "min(x, y)", 1, 0 },
        { "min(y, x)", 1, 0 },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public void BackpropMatchesTheAnalyticDerivative(string expression, double dfdx, double dfdy)
    {
        var compiled = Sets.Compile(Sets.OneFunction($"f = {expression}", $"x: {X}, y: {Y}"));

        var solution = Solver.Solve(compiled);

        Assert.Null(solution.Failure);
        AssertClose(dfdx, solution.Gradients!["x"].ScalarValue);
        AssertClose(dfdy, solution.Gradients!["y"].ScalarValue);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void FiniteDifferencesAgreeWithBackprop(string expression, double dfdx, double dfdy)
    {
        var compiled = Sets.Compile(Sets.OneFunction($"f = {expression}", $"x: {X}, y: {Y}"));

        var check = GradientChecker.Check(compiled);

        Assert.Equal(CheckStatus.Ok, check.Status);
        Assert.Equal(["df/dx", "df/dy"], check.Checks.Select(c => c.Key));
        Assert.All(check.Checks, c => Assert.InRange(c.RelError, 0, 1e-8));
        AssertClose(dfdx, check.Checks[0].Numeric, 1e-8);
        AssertClose(dfdy, check.Checks[1].Numeric, 1e-8);
    }

    private static void AssertClose(double expected, double actual, double relative = 1e-12)
    {
        var scale = Math.Max(Math.Abs(expected), 1e-300);
        Assert.True(Math.Abs(actual - expected) <= relative * scale,
            $"expected {expected:R}, got {actual:R}");
    }
}
