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
}
