using Xunit;
using Grader.Grading;
using static Grader.Tests.Grading.GradingFixture;

namespace Grader.Tests.Grading;

public class TensorHintTests
{
    // z = x + 1, h = 3 z, L = sum(h) at x = [1, -1]. By hand:
    // z = [2, 0], h = [6, 0], L = 6, dL/dh = [1, 1], dL/dz = 3 dL/dh = [3, 3], dL/dx = [3, 3].
    private const string Set = """
        set: tensor-hints
        problems:
          - id: scale
            nodes: { z: x + 1, h: 3 * z, L: sum(h) }
            inputs: { x: [1, -1] }
            ask: [z, h, L, dL/dh, dL/dz, "dL/dz[1]"]
        """;

    [Theory]
    [InlineData("dL/dz", "[1, 1]")]
    [InlineData("\"dL/dz[1]\"", "1")]
    public void TheUpstreamGradientOfATensorNodeIsNotCalledASwap(string key, string got)
    {
        var result = Grade(Set, $"answers:\n  scale:\n    dL/dh: [1, 1]\n    {key}: {got}\n");

        var answer = Answer(result, "scale", key.Trim('"'));
        Assert.Equal(Verdict.Incorrect, answer.Verdict);
        Assert.Equal(
            "this is `dL/dh`, the gradient arriving at `h`; multiply it by the local gradient `dh/dz`",
            answer.Hint);
    }

    // The batch-bias problem of problems/tensors.yaml, by hand:
    // X = [[1, 2], [0, -1], [2, 1]], W = [[1, -1], [0.5, 2]], b = [0.5, -1], T = [[2, 2], [0, -2], [3, 0]];
    // H = X W + b = [[2.5, 2], [0, -3], [3, -1]], dL/dH = H - T = [[0.5, 0], [0, -1], [0, -1]],
    // dL/db = the rows of dL/dH summed = [0.5, -2], dL/dW = Xᵀ dL/dH = [[0.5, -2], [1, 0]].
    private static readonly Lazy<Grader.Problems.ProblemSet> Tensors = new(() =>
    {
        var (set, diagnostics) = Grader.Problems.ProblemSetLoader.LoadFile(RepositoryPaths.Of("problems", "tensors.yaml"));
        Assert.True(set is not null, string.Join("\n", diagnostics));
        return set!;
    });

    [Theory]
    // Xᵀ dL/dH transposed.
    [InlineData("dL/dW", "[[0.5, 1], [-2, 0]]", Verdict.Incorrect, "the matrix is transposed")]
    // dL/dH itself: the gradient at every row, not summed over the batch.
    [InlineData("dL/db", "[[0.5, 0], [0, -1], [0, -1]]", Verdict.Invalid,
        "expected a 2-vector, got a 3×2 matrix; sum over the batch (axis 0): a vector broadcast to every row gets "
        + "the sum of the rows' gradients")]
    // The first sample alone: outer(x0, dL/dH row 0) = outer([1, 2], [0.5, 0]).
    [InlineData("dL/dW", "[[0.5, 0], [1, 0]]", Verdict.Incorrect,
        "this is the gradient of sample 0 alone; over a batch the gradients of all samples add up")]
    // The mean over the batch of 3 instead of the sum: [0.5, -2] / 3.
    [InlineData("dL/db", "[0.1666667, -0.6666667]", Verdict.Incorrect,
        "off by a factor of 3, the batch size: sum versus mean over the batch?")]
    public void ClassicBatchMistakesGetTheirHint(string key, string got, Verdict verdict, string hint)
    {
        var submission = Submission($"set: tensors\nanswers:\n  batch-bias:\n    {key}: {got}\n");

        var answer = Answer(SubmissionGrader.Grade(Tensors.Value, submission), "batch-bias", key);

        Assert.Equal(verdict, answer.Verdict);
        Assert.Equal(hint, string.Join("; ", new[] { answer.Reason, answer.Hint }.Where(t => t is not null)));
    }

    [Fact]
    public void ATransposedMatrixOfAnotherShapeIsInvalidAndSaysTransposed()
    {
        // f = W x with upstream u = [1, -2]: df/dW = outer(u, x) = [[2, 1, -1], [-4, -2, 2]], a 2×3.
        var submission = Submission("set: tensors\nanswers:\n  linear-classifier:\n    df/dW: [[2, -4], [1, -2], [-1, 2]]\n");

        var answer = Answer(SubmissionGrader.Grade(Tensors.Value, submission), "linear-classifier", "df/dW");

        Assert.Equal(Verdict.Invalid, answer.Verdict);
        Assert.Equal("expected a 2×3 matrix, got a 3×2 matrix", answer.Reason);
        Assert.Equal("transposed: the answer has the shape of the matrix it differentiates by, 2×3", answer.Hint);
    }

    [Fact]
    public void OneWrongElementIsNamedAsTheWorst()
    {
        // df/dx = Wᵀ u = [-5, -2, 2.5]; only element 2 is wrong.
        var submission = Submission("set: tensors\nanswers:\n  linear-classifier:\n    df/dx: [-5, -2, 3]\n");

        var answer = Answer(SubmissionGrader.Grade(Tensors.Value, submission), "linear-classifier", "df/dx");

        Assert.Equal(Verdict.Incorrect, answer.Verdict);
        Assert.Equal("[2]", answer.WorstElement);
        Assert.Equal(0.5, answer.AbsError!.Value, 12);
    }
}
