using Grader.Checking;
using Grader.Tests.Grading;
using Xunit;

namespace Grader.Tests.Checking;

public class ProblemVerifierTests
{
    private static Verification Verify(string problemYaml)
    {
        var set = GradingFixture.Set("set: v\nproblems:\n" + problemYaml);
        return ProblemVerifier.Verify(set.Problems[0], set.Id);
    }

    [Fact]
    public void VariantOnAKinkIsNamed()
    {
        var verification = Verify("  - id: p\n    function: f = relu(x) * 2\n    inputs: { x: { range: [-2, 2] } }\n");

        var finding = Assert.Single(verification.Findings);
        Assert.Equal("x = 0", finding.Inputs);
        Assert.Equal(CheckStatus.Kink, finding.Status);
        Assert.Equal(5, verification.VariantsChecked);
    }

    [Fact]
    public void VariantsWhereTheForwardPassFailsAreNamedWithTheNode()
    {
        var verification = Verify("  - id: p\n    function: f = log(x)\n    inputs: { x: { range: [-1, 2] } }\n");

        Assert.Equal(["x = -1", "x = 0"], verification.Findings.Select(f => f.Inputs));
        Assert.All(verification.Findings, f => Assert.Equal(CheckStatus.Error, f.Status));
        Assert.Equal("node `f`: `log(x)`: log of a non-positive number: x = -1", verification.Findings[0].Message);
    }

    [Fact]
    public void LargeVariantSpacesAreSampled()
    {
        var verification = Verify("  - id: p\n    function: f = x * y\n    inputs: { x: { uniform: [1, 2], decimals: 3 }, y: 2 }\n");

        Assert.Equal(ProblemVerifier.VariantBudget, verification.VariantsChecked);
        Assert.Empty(verification.Findings);
    }

    [Fact]
    public void InputsThatHideASignErrorAreFlagged()
    {
        // q = y + z = 0, so df/dx = q = 0 and -0 is accepted too.
        var verification = Verify("  - id: p\n    nodes: { q: y + z, f: x * q }\n    inputs: { x: 3, y: 2, z: -2 }\n"
            + "    ask: [df/dx]\n");

        var warning = Assert.Single(verification.Warnings);
        Assert.Equal("`df/dx`: the tolerance accepts a flipped sign, so the problem cannot catch that mistake; "
            + "choose other inputs", warning);
    }

    [Fact]
    public void MistakesThatAlwaysCoincideWithTheAnswerAreNotFlagged()
    {
        // df/dy = df/dq for every input, since dq/dy = 1: no choice of inputs can tell them apart.
        var verification = Verify("  - id: p\n    nodes: { q: y + z, f: x * q }\n    inputs: { x: 3, y: 4, z: -2 }\n"
            + "    ask: [df/dq, df/dy]\n");

        Assert.Empty(verification.Warnings);
    }
}
