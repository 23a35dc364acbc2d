using Xunit;
using System.Globalization;
using Grader.Grading;
using static Grader.Tests.Grading.GradingFixture;

namespace Grader.Tests.Grading;

public class HintTests
{
    // product: q = y z, f = x q at x = 2, y = 3, z = 5. By hand:
    // q = 15, f = 30, df/dq = x = 2, df/dx = q = 15, df/dy = x z = 10, df/dz = x y = 6,
    // and the local gradient dq/dy = z = 5.
    // split: q = y + z, f = x q at x = 3, y = 4, z = -2 (the worksheet's first problem):
    // q = 2, f = 6, df/dq = 3, df/dx = 2, df/dy = 3, df/dz = 3, dq/dy = 1.
    // sigmoid: t = exp(-x), s = 1 / (1 + t) at x = 0: t = 1, s = 1/2,
    // ds/dt = -1/(1 + t)^2 = -1/4, ds/dx = ds/dt * (-t) = 1/4.
    private const string Set = """
        set: hints
        problems:
          - id: product
            nodes: { q: y * z, f: x * q }
            inputs: { x: 2, y: 3, z: 5 }
            ask: [q, f, df/dq, df/dx, df/dy, df/dz]
          - id: split
            nodes: { q: y + z, f: x * q }
            inputs: { x: 3, y: 4, z: -2 }
            ask: [q, f, df/dq, df/dx, df/dy, df/dz]
          - id: sigmoid
            nodes: { t: exp(-x), s: 1 / (1 + t) }
            inputs: { x: 0 }
            ask: [t, s, ds/dt, ds/dx]
        """;

    [Theory]
    [InlineData("product", "df/dz", "-6", 6.0, "the sign is flipped")]
    [InlineData("sigmoid", "ds/dx", "-0.25", 0.25, "the sign is flipped")]
    [InlineData("product", "df/dx", "30", 15.0, "this is the answer to `f`, not to `df/dx`")]
    [InlineData("split", "df/dy", "1", 3.0,
        "this is the local gradient `dq/dy`; the chain rule multiplies it by the upstream gradient `df/dq`")]
    [InlineData("product", "df/dy", "5", 10.0,
        "this is the local gradient `dq/dy`; the chain rule multiplies it by the upstream gradient `df/dq`")]
    [InlineData("product", "df/dy", "2", 10.0,
        "this is `df/dq`, the gradient arriving at `q`; multiply it by the local gradient `dq/dy`")]
    [InlineData("sigmoid", "ds/dx", "-1/4", 0.25, "the sign is flipped")]
    [InlineData("product", "df/dz", "0.166667", 6.0,
        "this is the reciprocal of the answer: check which way the division goes")]
    [InlineData("product", "df/dy", "0.1", 10.0,
        "this is the reciprocal of the answer: check which way the division goes")]
    [InlineData("product", "df/dz", "6.04", 6.0,
        "right to 2 significant figures only; the tolerance is rel 0.001 or abs 1e-9: keep more digits")]
    [InlineData("product", "f", "30.2", 30.0,
        "right to 2 significant figures only; the tolerance is rel 0.001 or abs 1e-9: keep more digits")]
    public void AWrongAnswerGetsTheHintForItsMistake(string problem, string key, string got, double expected, string hint)
    {
        var answer = Answer(Grade(Set, $"answers:\n  {problem}:\n    {key}: {got}\n"), problem, key);

        Assert.Equal(Verdict.Incorrect, answer.Verdict);
        Assert.Equal(hint, answer.Hint);
        Assert.DoesNotContain(expected.ToString(CultureInfo.InvariantCulture), answer.Hint);
    }

    [Theory]
    [InlineData("12", null)]        // 16 and 12 differ in the first figure
    [InlineData("20", "right to 1 significant figure only")]
    [InlineData("16.2", "right to 2 significant figures only")]
    public void RightToFewerFiguresMeansTheSameFiguresWhenRounded(string got, string? hint)
    {
        // f = x * q = 4 * 4 = 16.
        var set = "set: s\nproblems:\n  - id: p\n    nodes: { q: y + z, f: x * q }\n"
            + "    inputs: { x: 4, y: 5, z: -1 }\n    ask: [f]\n";

        var answer = Answer(Grade(set, $"answers:\n  p: {{ f: {got} }}\n"), "p", "f");

        Assert.Equal(Verdict.Incorrect, answer.Verdict);
        Assert.Equal(hint, answer.Hint?.Split(';')[0]);
    }

    [Fact]
    public void TwoAnswersThatHoldEachOthersValuesAreCalledSwapped()
    {
        // In `product`, f = 30 and df/dx = 15: the student wrote them the other way round.
        var result = Grade(Set, "answers:\n  product: { f: 15, df/dx: 30 }\n");

        Assert.Equal("answers swapped with `f`: each has the other's value", Answer(result, "product", "df/dx").Hint);
        Assert.Equal("answers swapped with `df/dx`: each has the other's value", Answer(result, "product", "f").Hint);
    }

    [Fact]
    public void AWrongNodeValueCarriesForwardToTheNextNode()
    {
        // q = 3 instead of 2; then f = x q = 3 * 3 = 9 is right for the student's q.
        var result = Grade(Set, "answers:\n  split: { q: 3, f: 9 }\n");

        var f = Answer(result, "split", "f");
        Assert.Equal(Verdict.Incorrect, f.Verdict);
        Assert.True(f.CarriedForward);
        Assert.Equal(0, f.Points);
        Assert.Equal("error carried forward from `q`: this is right for your own value of `q`, fix that first", f.Hint);
        Assert.DoesNotContain("6", f.Hint);
    }

    [Fact]
    public void AWrongUpstreamGradientCarriesBackToTheInputs()
    {
        // df/dq = 4 instead of 3; then df/dy = df/dq * dq/dy = 4 * 1 = 4 for the student.
        var result = Grade(Set, "answers:\n  split: { df/dq: 4, df/dy: 4, df/dz: 4 }\n");

        var dy = Answer(result, "split", "df/dy");
        Assert.True(dy.CarriedForward);
        Assert.Equal(
            "error carried forward from `df/dq`: this is right for your own value of `df/dq`, fix that first",
            dy.Hint);
        Assert.DoesNotContain("3", dy.Hint);
    }

    [Fact]
    public void TheHintPointsAtTheFirstWrongNode()
    {
        // a = x + 1 = 2 at x = 1, b = 2a = 4, c = 3b = 12. With a = 3: b = 6, c = 18.
        const string chain = """
            set: chain
            problems:
              - id: chain
                nodes: { a: x + 1, b: 2 * a, c: 3 * b }
                inputs: { x: 1 }
                ask: [a, b, c]
            """;

        var result = Grade(chain, "answers:\n  chain: { a: 3, b: 6, c: 18 }\n");

        Assert.Contains("`a`", Answer(result, "chain", "b").Hint);
        Assert.Contains("`a`", Answer(result, "chain", "c").Hint);
    }

    [Theory]
    [InlineData("carry_forward: true\n", "")]
    [InlineData("", "    carry_forward: true\n")]
    public void CarryForwardOnTheSetOrProblemCreditsTheCarriedAnswer(string setLevel, string problemLevel)
    {
        var set = "set: credit\n" + setLevel + "problems:\n  - id: split\n" + problemLevel
            + "    nodes: { q: y + z, f: x * q }\n    inputs: { x: 3, y: 4, z: -2 }\n    ask: [q, f]\n";

        var result = Grade(set, "answers:\n  split: { q: 3, f: 9 }\n");

        var f = Answer(result, "split", "f");
        Assert.Equal(Verdict.Correct, f.Verdict);
        Assert.True(f.CarriedForward);
        Assert.Equal(1, f.Points);
        Assert.EndsWith("(credited)", f.Hint);
        Assert.Equal(Verdict.Incorrect, Answer(result, "split", "q").Verdict);
        Assert.Equal(1, result.Score);
    }

    [Fact]
    public void BobsHintsNeverStateAReferenceValue()
    {
        var root = RepositoryRoot();
        var set = Set(File.ReadAllText(Path.Combine(root, "problems", "section3.yaml")));
        var bob = Submission(File.ReadAllText(Path.Combine(root, "submissions", "bob.yaml")), "bob.yaml");

        var result = SubmissionGrader.Grade(set, bob);

        foreach (var answer in result.Answers.Where(a => a.Hint is not null && a.Expected.IsScalar))
        {
            var expected = answer.Expected.ScalarValue;
            Assert.DoesNotContain(expected.ToString("0.####", CultureInfo.InvariantCulture), Digits(answer.Hint!));
        }
    }

    /// <summary>The numbers of a hint, without the tolerance's own numbers and figure counts.</summary>
    private static string Digits(string hint)
    {
        var cut = hint.IndexOf("; the tolerance is", StringComparison.Ordinal);
        return cut < 0 ? hint : hint[..cut].Replace("right to 2 significant figures", "");
    }
}
