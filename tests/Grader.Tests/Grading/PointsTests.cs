using Xunit;
using CommandLine = Grader.Cli.Cli;
using Grader.Grading;
using static Grader.Tests.Grading.GradingFixture;

namespace Grader.Tests.Grading;

public class PointsTests
{
    // f = 2x at x = 1, g = x + 1 at x = 4: f = 2, df/dx = 2, g = 5, dg/dx = 1.
    private const string Set = """
        set: points
        problems:
          - id: default
            nodes: { f: 2 * x }
            inputs: { x: 1 }
            ask: [f, df/dx]
          - id: weighted
            points: 3
            nodes: { g: x + 1 }
            inputs: { x: 4 }
            ask: [g, { key: dg/dx, points: 2 }]
        """;

    [Theory]
    // default: 1 + 1; weighted: 3 (problem level) + 2 (answer level); 7 in all.
    [InlineData("{ f: 2, df/dx: 2 }", "{ g: 5, dg/dx: 1 }", 2, 5, 7)]
    [InlineData("{ f: 2, df/dx: 0 }", "{ g: 5, dg/dx: 0 }", 1, 3, 4)]
    [InlineData("{ f: 0 }", "{ dg/dx: 1 }", 0, 2, 2)]
    [InlineData("{ }", "{ }", 0, 0, 0)]
    public void PointsAddUpPerAnswerAndPerProblem(string first, string second, double defaultScore, double weightedScore, double total)
    {
        var result = Grade(Set, $"answers:\n  default: {first}\n  weighted: {second}\n");

        Assert.Equal([("default", defaultScore, 2.0), ("weighted", weightedScore, 5.0)],
            result.Problems.Select(p => (p.Id, p.Score, p.MaxScore)));
        Assert.Equal(total, result.Score);
        Assert.Equal(7, result.MaxScore);
    }

    [Theory]
    [InlineData("weighted", "g", 3)]
    [InlineData("weighted", "dg/dx", 2)]
    [InlineData("default", "f", 1)]
    public void EachAnswerCarriesItsOwnMaximum(string problem, string key, double maxPoints)
    {
        var answer = Answer(Grade(Set, "answers: {}"), problem, key);

        Assert.Equal(maxPoints, answer.MaxPoints);
        Assert.Equal(0, answer.Points);
    }

    [Theory]
    // bob scores 18/28 = 64.3 % (worked by hand in GradeReportSnapshotTests).
    [InlineData("50", 0)]
    [InlineData("64.2", 0)]
    [InlineData("64.3", 1)]
    [InlineData("100", 1)]
    public void PassMarkSetsTheExitStatus(string passMark, int exitCode)
    {
        var root = RepositoryRoot();
        var bob = Path.Combine(root, "submissions", "bob.yaml");
        var set = Path.Combine(root, "problems", "section3.yaml");

        var code = CommandLine.Run(["grade", set, bob, "--format", "json", "--pass-mark", passMark], new StringWriter(), new StringWriter());

        Assert.Equal(exitCode, code);
    }

    [Fact]
    public void FullMarksPassTheDefaultPassMark()
    {
        var root = RepositoryRoot();
        var alice = Path.Combine(root, "submissions", "alice.yaml");
        var set = Path.Combine(root, "problems", "section3.yaml");

        var code = CommandLine.Run(["grade", set, alice, "--format", "json"], new StringWriter(), new StringWriter());

        Assert.Equal(0, code);
    }
}
