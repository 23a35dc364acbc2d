using Snapshooter;
using Snapshooter.Xunit;
using Xunit;

namespace Grader.Tests.Reports;

/// <summary>
/// Whole-output snapshots of every grade format. The scores in them, by hand:
/// alice is right everywhere, 28/28. bob: forward-backward 4/6 (df/dy = 1 is dq/dy,
/// df/dz = -3 has the sign flipped), sigmoid 6/8 (z = 0.62 is 0.4 % off, dz/dt1 = -0.3875
/// lacks the factor e^-0.5; 0.6065, 1.6065, -0.3875 and 0.235 are within 0.1 %),
/// square-plus 4/5 (dz/dx = 1/6 instead of 6), sum-times-sum 4/9 (b = 2 instead of -2
/// and z, dz/da, dz/dx, dz/dy carried from it): 18/28. carol: df/dq = 3 and df/dy = 3,
/// then z = 1/(1 + e^-0.5) and dz/dx = e^-0.5/(1 + e^-0.5)^2 exactly: 4/28.
/// </summary>
public class GradeReportSnapshotTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("junit")]
    [InlineData("markdown")]
    [InlineData("csv")]
    public void EveryFormatOfTheExampleSubmissionsMatchesItsSnapshot(string format)
    {
        var (code, output, _) = CliRun.Grader("grade", "problems/section3.yaml", "submissions", "--format", format);

        Assert.Equal(1, code);
        Snapshot.Match(output, SnapshotNameExtension.Create(format));
    }

    [Fact]
    public void RevealingAddsTheReferenceAndTheAcceptedInterval()
    {
        var (code, output, _) = CliRun.Grader("grade", "problems/section3.yaml", "submissions/bob.yaml", "--reveal");

        Assert.Equal(1, code);
        Snapshot.Match(output);
    }

    [Fact]
    public void GradescopeResultsOfOneSubmissionMatchTheirSnapshot()
    {
        var (code, output, _) = CliRun.Grader("grade", "problems/section3.yaml", "submissions/alice.yaml", "--format", "gradescope");

        Assert.Equal(0, code);
        Snapshot.Match(output);
    }

    [Fact]
    public void GradescopeRefusesMoreThanOneSubmission()
    {
        var (code, _, error) = CliRun.Grader("grade", "problems/section3.yaml", "submissions", "--format", "gradescope");

        Assert.Equal(2, code);
        Assert.Equal("grader: error: the gradescope format takes exactly one submission, got 3\n", error);
    }

    [Theory]
    [InlineData("alice", "28/28 (100 %)")]
    [InlineData("bob", "18/28 (64.3 %)")]
    [InlineData("carol", "4/28 (14.3 %)")]
    public void TheTextReportGivesTheScoresWorkedByHand(string student, string score)
    {
        var (_, output, _) = CliRun.Grader("grade", "problems/section3.yaml", "submissions");

        Assert.Contains($"{student}  submissions/{student}.yaml  {score}", output);
    }
}
