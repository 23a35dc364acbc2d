using Xunit;
using Grader.Grading;
using static Grader.Tests.Grading.GradingFixture;

namespace Grader.Tests.Grading;

public class ToleranceLevelTests
{
    // f = 3x at x = 1: f = 3 and df/dx = 3 in every problem.
    private const string Set = """
        set: levels
        tolerance: { rel: 0.1 }
        problems:
          - id: set-level
            nodes: { f: 3 * x }
            inputs: { x: 1 }
            ask: [f]
          - id: problem-level
            nodes: { f: 3 * x }
            inputs: { x: 1 }
            tolerance: { decimals: 1 }
            ask: [f, { key: df/dx, tolerance: { sigfigs: 3 } }]
        """;

    [Theory]
    // The set's rel 0.1 of 3 is 0.3.
    [InlineData("set-level", "f", 3.29, "rel 0.1 or abs 1e-9", Verdict.Correct)]
    [InlineData("set-level", "f", 3.31, "rel 0.1 or abs 1e-9", Verdict.Incorrect)]
    // The problem's decimals 1 replaces it: 0.05.
    [InlineData("problem-level", "f", 3.04, "1 decimal place", Verdict.Correct)]
    [InlineData("problem-level", "f", 3.2, "1 decimal place", Verdict.Incorrect)]
    // The answer's sigfigs 3 replaces both: 0.005, so 3.04 is now wrong.
    [InlineData("problem-level", "df/dx", 3.004, "3 significant figures", Verdict.Correct)]
    [InlineData("problem-level", "df/dx", 3.04, "3 significant figures", Verdict.Incorrect)]
    public void TheMostSpecificToleranceApplies(string problem, string key, double got, string tolerance, Verdict verdict)
    {
        var submission = $"answers: {{ {problem}: {{ {key}: {got.ToString(System.Globalization.CultureInfo.InvariantCulture)} }} }}";

        var answer = Answer(Grade(Set, submission), problem, key);

        Assert.Equal(tolerance, answer.Tolerance.ToString());
        Assert.Equal(verdict, answer.Verdict);
    }
}
