using Grader.Checking;
using Grader.Solving;

namespace Grader.Tests.Checking;

/// <summary>Inputs on a kink are a `kink`, not a mismatch; a forward pass that fails names the node and values.</summary>
public class KinkAndFailureTests
{
    [Theory]
    [InlineData("f = relu(x)", "x: 0, y: 1")]
    [InlineData("f = abs(x)", "x: 0, y: 1")]
    [InlineData("f = max(x, y)", "x: 1.5, y: 1.5")]
    [InlineData("f = min(x, y)", "x: -2, y: -2")]
    [InlineData("f = 3 * relu(x - y) + y", "x: 1, y: 1")]
    public void InputOnAKinkIsReportedAsAKink(string function, string inputs)
    {
        var check = GradientChecker.Check(Sets.Compile(Sets.OneFunction(function, inputs)));

        Assert.Equal(CheckStatus.Kink, check.Status);
        Assert.DoesNotContain(check.Checks, c => c.Status == CheckStatus.Mismatch);
        Assert.Equal("an input sits on a kink (relu or abs at 0, a tie in max or min); pick another input",
            check.Message);
    }

    [Fact]
    public void KinkNamesBothOneSidedSlopes()
    {
        var check = GradientChecker.Check(Sets.Compile(Sets.OneFunction("f = abs(x)", "x: 0")));

        // |x| has slope -1 left of 0 and +1 right of it.
        var kink = Assert.Single(check.Checks);
        Assert.Equal("one-sided slopes differ: -1 from the left, 1 from the right", kink.Message);
    }

    [Theory]
    [InlineData("log(x)", "x: -1",
        "set.yaml:5:10: error: problem `p`: node `f`: `log(x)`: log of a non-positive number: x = -1")]
    [InlineData("sqrt(x)", "x: -4",
        "set.yaml:5:10: error: problem `p`: node `f`: `sqrt(x)`: square root of a negative number: x = -4")]
    [InlineData("x ^ 0.5", "x: -4",
        "set.yaml:5:12: error: problem `p`: node `f`: `x ^ 0.5`: a negative number to a non-integer power: "
            + "x = -4")]
    public void FailingForwardPassNamesTheNodeAndTheValue(string expression, string inputs, string failure)
    {
        var solution = Solver.Solve(Sets.Compile(Sets.OneNode(expression, inputs)));

        Assert.Equal(failure, solution.Failure?.ToString());
    }

    [Fact]
    public void DivisionByZeroNamesTheNodeAndTheZeroDenominator()
    {
        var solution = Solver.Solve(Sets.Compile(Sets.OneNode("1 / x", "x: 0")));

        var failure = solution.Failure?.ToString();
        Assert.StartsWith("set.yaml:5:12: error: problem `p`: node `f`: `1 / x`: division by zero: ", failure);
        Assert.EndsWith("x = 0", failure);
    }

    [Fact]
    public void FailureInsideAStepNamesTheStepOfTheFunction()
    {
        var solution = Solver.Solve(Sets.Compile(Sets.OneFunction("f = 2 * log(x)", "x: -1")));

        Assert.Equal("set.yaml:4:23: error: problem `p`: node `t1`: `log(x)`: log of a non-positive number: x = -1",
            solution.Failure?.ToString());
    }

    [Fact]
    public void CheckOfAFailingProblemIsAnError()
    {
        var check = GradientChecker.Check(Sets.Compile(Sets.OneNode("log(x)", "x: -1")));

        Assert.Equal(CheckStatus.Error, check.Status);
        Assert.Empty(check.Checks);
    }
}
