using Grader.Problems;
using Grader.Solving;
using Xunit;
using static Grader.Tests.Tensors.TensorProblem;

namespace Grader.Tests.Tensors;

/// <summary>
/// Every shape mistake is reported whole, as `FILE:LINE:COLUMN: error: MESSAGE`. Mistakes
/// the loader can see make the set invalid; the rest stop the forward pass.
/// </summary>
public class TensorShapeErrorTests
{
    // Input values that cannot be read are errors of the loader, at the value's position.
    [Theory]
    [InlineData("[[1, 2], [3]]", "t.yaml:7:19: error: input `x`: ragged matrix: row 1 has 1 element, row 0 has 2")]
    [InlineData("[1, [2, 3]]", "t.yaml:7:14: error: input `x`: ragged list: element 1 is a list, element 0 is a number")]
    [InlineData("[]", "t.yaml:7:10: error: input `x`: empty list: a vector needs at least one element")]
    public void UnreadableTensorInputIsALoaderError(string value, string expected)
    {
        var (_, diagnostics) = ProblemSetLoader.Load(SetText("f: sum(x)", [("x", value)]), "t.yaml");

        Assert.Equal(expected, Assert.Single(diagnostics).ToString());
    }

    // A shape mistake in an operation does not depend on the values: the loader runs the
    // graph once and reports it, naming both shapes, and the set is invalid.
    [Theory]
    [InlineData("f: sum(W @ x)", "[[1, 2, 3], [4, 5, 6]]", "[1, 2]",
        "t.yaml:5:16: error: node `f`: `W @ x`: cannot multiply a 2×3 by a 2-vector: "
        + "expected `x` to have 3 elements, one for each column of `W`")]
    [InlineData("f: sum(W @ x)", "[[1, 2, 3], [4, 5, 6]]", "[[1, 2], [3, 4]]",
        "t.yaml:5:16: error: node `f`: `W @ x`: cannot multiply a 2×3 by a 2×2: "
        + "expected `x` to have 3 rows, one for each column of `W`")]
    [InlineData("f: x @ W", "[[1, 2, 3], [4, 5, 6]]", "[1, 2, 3]",
        "t.yaml:5:12: error: node `f`: `x @ W`: cannot multiply a 3-vector by a 2×3: "
        + "expected `W` to have 3 rows, one for each element of `x`")]
    [InlineData("f: sum(W + x)", "[[1, 2, 3], [4, 5, 6]]", "[1, 2]",
        "t.yaml:5:16: error: node `f`: `W + x`: shapes 2×3 and 2-vector do not broadcast: "
        + "their last dimensions, 3 and 2, must be equal or one of them 1")]
    [InlineData("f: sum(W * x)", "[[1, 2, 3], [4, 5, 6]]", "[[1], [2], [3]]",
        "t.yaml:5:16: error: node `f`: `W * x`: shapes 2×3 and 3×1 do not broadcast: "
        + "their first dimensions, 2 and 3, must be equal or one of them 1")]
    [InlineData("f: dot(W, x)", "[[1, 2, 3], [4, 5, 6]]", "[1, 2, 3]",
        "t.yaml:5:10: error: node `f`: `dot(W, x)`: dot needs two vectors of one length, "
        + "got 2×3 and 3-vector")]
    [InlineData("f: sum(W, 1) @ x", "[[1, 2, 3], [4, 5, 6]]", "[1, 2, 3]",
        "t.yaml:5:20: error: node `f`: `sum(W, 1) @ x`: cannot multiply a 2-vector by a 3-vector: "
        + "expected `x` to have 2 elements, one for each element of `sum(W, 1)`")]
    public void ShapeMistakeInAnOperationIsALoaderErrorNamingBothShapes(string nodes, string w, string x, string expected)
    {
        var (_, diagnostics) = ProblemSetLoader.Load(SetText(nodes, [("W", w), ("x", x)]), "t.yaml");

        Assert.Equal(expected, Assert.Single(diagnostics).ToString());
    }

    // An index out of range depends on the values: the forward pass stops there.
    [Theory]
    [InlineData("f: W[2, 0]", "[[1, 2, 3], [4, 5, 6]]", "[1, 2, 3]",
        "t.yaml:5:10: error: problem `p`: node `f`: `W[2, 0]`: index 2 is out of range 0 to 1 for a 2×3")]
    [InlineData("f: x[3]", "[[1, 2, 3], [4, 5, 6]]", "[1, 2, 3]",
        "t.yaml:5:10: error: problem `p`: node `f`: `x[3]`: index 3 is out of range 0 to 2 for a 3-vector")]
    public void LiteralIndexOutOfRangeStopsTheForwardPass(string nodes, string w, string x, string expected)
    {
        var solution = Solver.Solve(Compile(SetText(nodes, [("W", w), ("x", x)])));

        Assert.Equal(expected, solution.Failure?.ToString());
    }

    // An index read from an input is checked at every evaluation.
    [Theory]
    [InlineData("5", "t.yaml:5:10: error: problem `p`: node `f`: `s[y]`: index 5 is out of range 0 to 2 for a 3-vector")]
    [InlineData("-1", "t.yaml:5:10: error: problem `p`: node `f`: `s[y]`: index -1 is out of range 0 to 2 for a 3-vector")]
    [InlineData("1.5", "t.yaml:5:10: error: problem `p`: node `f`: `s[y]`: an index must be a whole number, got y = 1.5")]
    [InlineData("[1, 2]", "t.yaml:5:10: error: problem `p`: node `f`: `s[y]`: an index must be a whole number, got y = [1, 2]")]
    public void IndexFromAnInputMustBeAWholeNumberInRange(string y, string expected)
    {
        var solution = Solver.Solve(Compile(SetText("f: s[y]", [("s", "[1, 2, 3]"), ("y", y)])));

        Assert.Equal(expected, solution.Failure?.ToString());
    }

    [Theory]
    [InlineData("[1, 2, 3]", "t.yaml:9:15: error: `upstream` is a 3-vector, but the output `f` is a 2-vector")]
    [InlineData("[[1, 2]]", "t.yaml:9:15: error: `upstream` is a 1×2, but the output `f` is a 2-vector")]
    [InlineData("2", "t.yaml:9:15: error: `upstream` is a scalar, but the output `f` is a 2-vector")]
    public void UpstreamOfTheWrongShapeIsReportedAtItsValue(string upstream, string expected)
    {
        var yaml = SetText("f: W @ x", [("W", "[[1, 2, 3], [4, 5, 6]]"), ("x", "[1, 2, 3]")], upstream);
        var (set, diagnostics) = ProblemSetLoader.Load(yaml, "t.yaml");

        Assert.Null(set);
        Assert.Equal(expected, Assert.Single(diagnostics).ToString());
    }

    [Theory]
    [InlineData("df/dW[2, 0]", "t.yaml:10:12: error: `df/dW[2, 0]`: index 2 is out of range 0 to 1 for a 2×3")]
    [InlineData("df/dW[0, 3]", "t.yaml:10:12: error: `df/dW[0, 3]`: index 3 is out of range 0 to 2 for a 2×3")]
    [InlineData("f[2]", "t.yaml:10:12: error: `f[2]`: index 2 is out of range 0 to 1 for a 2-vector")]
    [InlineData("df/dx[0, 1]", "t.yaml:10:12: error: `df/dx[0, 1]`: 2 indices for a 3-vector")]
    public void ElementKeyOutOfRangeIsReportedAtTheKey(string key, string expected)
    {
        var yaml = SetText("f: W @ x", [("W", "[[1, 2, 3], [4, 5, 6]]"), ("x", "[1, 2, 3]")], "[1, 2]", $"[\"{key}\"]");
        var (set, diagnostics) = ProblemSetLoader.Load(yaml, "t.yaml");

        Assert.Null(set);
        Assert.Equal(expected, Assert.Single(diagnostics).ToString());
    }
}
