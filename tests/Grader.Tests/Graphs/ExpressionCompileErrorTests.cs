namespace Grader.Tests.Graphs;

/// <summary>
/// Mistakes found when an expression is compiled against its problem: names,
/// functions and argument counts. The node's expression starts at line 5, column 10.
/// </summary>
public class ExpressionCompileErrorTests
{
    [Theory]
    [InlineData("x(y + z)", "set.yaml:5:11: error: unexpected `(` after `x`: there is no implied multiplication; "
        + "write `x * (y + z)`")]
    [InlineData("pi(x + 1)", "set.yaml:5:12: error: unexpected `(` after `pi`: there is no implied multiplication; "
        + "write `pi * (x + 1)`")]
    public void NameFollowedByParenthesisSuggestsTheProduct(string expression, string error)
    {
        Assert.Equal([error], Sets.Errors(Sets.OneNode(expression, "x: 1, y: 2, z: 3")));
    }

    [Fact]
    public void ImpliedMultiplicationInAFunctionSuggestsTheProduct()
    {
        var yaml = Sets.OneFunction("f = x(y + z)", "x: 1, y: 2, z: 3");

        Assert.Equal(["set.yaml:4:20: error: unexpected `(` after `x`: there is no implied multiplication; "
            + "write `x * (y + z)`"], Sets.Errors(yaml));
    }

    [Theory]
    [InlineData("expp(x) + 1", "set.yaml:5:10: error: unknown function `expp`; did you mean `exp`?")]
    [InlineData("x + sigmod(x)", "set.yaml:5:14: error: unknown function `sigmod`; did you mean `sigmoid`?")]
    [InlineData("foo(x)", "set.yaml:5:10: error: unknown function `foo`")]
    public void UnknownFunctionSuggestsTheClosest(string expression, string error)
    {
        Assert.Equal([error], Sets.Errors(Sets.OneNode(expression)));
    }

    [Theory]
    [InlineData("xx + 1", "xy: 1", "set.yaml:5:10: error: unknown name `xx`; did you mean `xy`?")]
    [InlineData("2 * wibble", "x: 1", "set.yaml:5:14: error: unknown name `wibble`")]
    [InlineData("exp + x", "x: 1", "set.yaml:5:10: error: unknown name `exp`; `exp` is a function: write `exp(…)`")]
    public void UnknownNameSuggestsTheClosest(string expression, string inputs, string error)
    {
        Assert.Equal([error], Sets.Errors(Sets.OneNode(expression, inputs)));
    }

    [Theory]
    [InlineData("exp(x, x)", "set.yaml:5:10: error: `exp` takes 1 argument, got 2: write exp(x)")]
    [InlineData("log()", "set.yaml:5:10: error: `log` takes 1 argument, got 0: write log(x)")]
    [InlineData("x + dot(x)", "set.yaml:5:14: error: `dot` takes 2 arguments, got 1: write dot(a, b)")]
    [InlineData("max(x, x, x)", "set.yaml:5:10: error: `max` takes 1 or 2 arguments, got 3: write max(a, b) or max(X)")]
    public void WrongArgumentCountNamesTheFunction(string expression, string error)
    {
        Assert.Equal([error], Sets.Errors(Sets.OneNode(expression)));
    }
}
