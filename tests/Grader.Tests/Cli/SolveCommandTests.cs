using Snapshooter;
using Snapshooter.Xunit;

namespace Grader.Tests.Cli;

public class SolveCommandTests
{
    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("markdown")]
    public void SolveOfSection3MatchesItsSnapshot(string format)
    {
        var (exit, output, error) = Reports.CliRun.Grader("solve", "problems/section3.yaml", "--format", format);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Snapshot.Match(output, SnapshotNameExtension.Create(format));
    }

    [Fact]
    public void SolveGivesTheWorksheetAnswersForForwardBackward()
    {
        var (_, output, _) = Reports.CliRun.Grader("solve", "problems/section3.yaml", "--problem", "forward-backward", "--format", "json");

        // x = 3, y = 4, z = -2: q = y + z = 2, f = x q = 6; df/dq = x = 3, df/dx = q = 2, df/dy = df/dz = x = 3.
        Assert.Contains("\"answers\": {", output);
        foreach (var pair in new[] { "\"q\": 2", "\"f\": 6", "\"df/dq\": 3", "\"df/dx\": 2", "\"df/dy\": 3", "\"df/dz\": 3" })
        {
            Assert.Contains(pair, output);
        }
    }

    [Fact]
    public void SolveOfAMissingProblemSuggestsTheClosestAndExitsTwo()
    {
        var (exit, _, error) = Reports.CliRun.Grader("solve", "problems/section3.yaml", "--problem", "sigmod");

        Assert.Equal(2, exit);
        Assert.Equal("problems/section3.yaml:1:1: error: no problem `sigmod` in set `section3`; did you mean `sigmoid`?\n",
            error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void SolveOfAMissingFileExitsTwoWithOneErrorLine()
    {
        var (exit, output, error) = Reports.CliRun.Grader("solve", "no-such-set.yaml");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.StartsWith("no-such-set.yaml:1:1: error: cannot read the file: ", error);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public void UnknownFormatExitsTwo()
    {
        var (exit, _, error) = Reports.CliRun.Grader("solve", "problems/section3.yaml", "--format", "yaml");

        Assert.Equal(2, exit);
        Assert.StartsWith("grader: error: ", error);
    }
}
