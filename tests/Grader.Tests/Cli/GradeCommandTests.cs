namespace Grader.Tests.Cli;

public class GradeCommandTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("101")]
    [InlineData("NaN")]
    [InlineData("1e999")]
    public void PassMarkThatIsNotAPercentageIsAnArgumentError(string passMark)
    {
        var set = RepositoryPaths.Of("problems", "section3.yaml");
        var alice = RepositoryPaths.Of("submissions", "alice.yaml");

        var run = CliRun.Of("grade", set, alice, "--pass-mark", passMark);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["grader: error: --pass-mark must be a percentage from 0 to 100", "Run `grader --help` for usage."],
            run.ErrorLines);
    }
}
