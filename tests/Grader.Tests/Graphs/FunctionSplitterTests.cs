using Grader.Graphs;
using Grader.Solving;

namespace Grader.Tests.Graphs;

/// <summary>How `function:` becomes named steps, and what a problem asks by default.</summary>
public class FunctionSplitterTests
{
    private static string[] Steps(string function, string inputs)
    {
        var compiled = Sets.Compile(Sets.OneFunction(function, inputs));
        return compiled.Problem.Nodes.Select(n => $"{n.Name}: {n.Text}").ToArray();
    }

    [Theory]
    [InlineData("f = x * (y + z)", "x: 3, y: 4, z: -2", new[] { "t1: y + z", "f: x * t1" })]
    [InlineData("f = exp(x) * sin(y)", "x: 1, y: 2", new[] { "t1: exp(x)", "t2: sin(y)", "f: t1 * t2" })]
    [InlineData("s = 1 / (1 + exp(-x))", "x: 0.5",
        new[] { "t1: -x", "t2: exp(t1)", "t3: 1 + t2", "s: 1 / t3" })]
    [InlineData("f = (x - y) ^ 2 + max(x, y)", "x: 1, y: 2",
        new[] { "t1: x - y", "t2: t1 ^ 2", "t3: max(x, y)", "f: t2 + t3" })]
    [InlineData("f = -2 * x", "x: 1", new[] { "f: -2 * x" })]
    [InlineData("f = x", "x: 1", new[] { "f: x" })]
    public void StepsAreNamedInEvaluationOrderLeftOperandFirst(string function, string inputs, string[] steps)
    {
        Assert.Equal(steps, Steps(function, inputs));
    }

    [Fact]
    public void StepNamesSkipTheNamesOfInputs()
    {
        var steps = Steps("f = (x + t1) * (x - t3)", "x: 1, t1: 2, t3: 3");

        Assert.Equal(["t2: x + t1", "t4: x - t3", "f: t2 * t4"], steps);
    }

    [Fact]
    public void DefaultAskIsEveryNodeThenTheOutputGradientAtEveryInput()
    {
        var compiled = Sets.Compile(Sets.OneFunction("s = 1 / (1 + exp(-x))", "x: 0.5, y: 2"));

        Assert.Equal(["t1", "t2", "t3", "s", "ds/dx", "ds/dy"], compiled.Keys.Select(k => k.Text));
    }

    [Fact]
    public void CompoundNodeExpressionsSolveToHandWorkedValues()
    {
        const string yaml = """
            set: s
            problems:
              - id: p
                nodes:
                  q: x * y + exp(z)
                  f: q ^ 2 / 2
                inputs: { x: 2, y: 3, z: 0 }
            """;
        var compiled = Sets.Compile(yaml);

        var solution = Solver.Solve(compiled);

        // q = 2·3 + e⁰ = 7, f = 7²/2; df/dq = q = 7, so df/dx = 7y, df/dy = 7x, df/dz = 7e⁰.
        Assert.Equal(["q", "f", "df/dx", "df/dy", "df/dz"], compiled.Keys.Select(k => k.Text));
        Assert.Equal([7, 24.5, 21, 14, 7], solution.Answers.Select(a => a.Value.ScalarValue));
        Assert.Equal(7, solution.Gradients!["q"].ScalarValue);
    }

    [Fact]
    public void SplitFunctionSolvesToTheWorksheetValues()
    {
        var solution = Solver.Solve(Sets.Compile(Sets.OneFunction("f = x * (y + z)", "x: 3, y: 4, z: -2")));

        // q = y + z = 2, f = x q = 6; df/dx = y + z, df/dy = df/dz = x.
        Assert.Equal(2, solution.Values["t1"].ScalarValue);
        Assert.Equal(6, solution.Values["f"].ScalarValue);
        Assert.Equal([2.0, 3, 3], new[] { "x", "y", "z" }.Select(n => solution.Gradients![n].ScalarValue));
    }
}
