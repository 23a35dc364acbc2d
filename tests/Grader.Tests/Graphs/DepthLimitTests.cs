using Grader.Solving;

namespace Grader.Tests.Graphs;

/// <summary>Long chains are fine; deep nesting is refused with one line, never a stack overflow.</summary>
public class DepthLimitTests
{
    [Fact]
    public void SumOfTwoHundredThousandTermsSolves()
    {
        const int terms = 200_000;
        var sum = string.Join(" + ", Enumerable.Repeat("x", terms));

        var solution = Solver.Solve(Sets.Compile(Sets.OneNode(sum, "x: 0.5")));

        Assert.Null(solution.Failure);
        Assert.Equal(0.5 * terms, solution.Values["f"].ScalarValue);
        Assert.Equal(terms, solution.Gradients!["x"].ScalarValue);
    }

    [Fact]
    public void FunctionOfTwoHundredThousandTermsIsRefusedRatherThanSplitIntoStepsNoOneCanAnswer()
    {
        var sum = string.Join(" + ", Enumerable.Repeat("x", 200_000));
        var yaml = $"set: s\nproblems:\n  - id: p\n    function: f = {sum}\n    inputs: {{ x: 0.5 }}\n";

        var (set, diagnostics) = Grader.Problems.ProblemSetLoader.Load(yaml, "set.yaml");

        Assert.Null(set);
        Assert.Equal("set.yaml:4:15: error: the function splits into 199999 steps, more than 10000 a student can "
            + "answer; give a long expression as one of `nodes:` instead", Assert.Single(diagnostics).ToString());
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("-", "")]
    [InlineData("exp(", ")")]
    public void TenThousandNestedLevelsAreRefusedOnOneLine(string open, string close)
    {
        const int levels = 10_000;
        var text = string.Concat(Enumerable.Repeat(open, levels)) + "x" + string.Concat(Enumerable.Repeat(close, levels));

        var errors = Sets.Errors(Sets.OneNode(text));

        // The 201st level opens at offset 200 * open.Length; the expression starts at column 10.
        var column = 10 + 200 * open.Length + open.Length - 1;
        Assert.Equal([$"set.yaml:5:{column}: error: expression nests deeper than 200 levels; split it into named nodes"],
            errors);
    }

    [Fact]
    public void PowerTowerDeeperThanTheLimitIsRefused()
    {
        var tower = string.Join(" ^ ", Enumerable.Repeat("x", 10_000));

        var errors = Sets.Errors(Sets.OneNode(tower));

        Assert.Single(errors);
        Assert.EndsWith("error: expression nests deeper than 200 levels; split it into named nodes", errors[0]);
    }

    [Fact]
    public void DeepYamlNestingIsRefusedOnOneLine()
    {
        const int levels = 10_000;
        var yaml = "set: s\nproblems: " + new string('[', levels) + new string(']', levels) + "\n";

        var errors = Sets.Errors(yaml);

        // The root mapping is the first level, so the 64th `[` is the 65th level.
        Assert.Equal(["set.yaml:2:74: error: YAML nests deeper than 64 levels"], errors);
    }
}
