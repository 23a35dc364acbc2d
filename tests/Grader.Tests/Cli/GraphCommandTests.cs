namespace Grader.Tests.Cli;

public sealed class GraphCommandTests
{
    private static readonly string Section3 = RepositoryPaths.Of("problems", "section3.yaml");

    [Fact]
    public void UnknownProblemExitsTwoWithASuggestion()
    {
        var run = CliRun.Of("graph", Section3, "--problem", "forward-backwards");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        var error = Assert.Single(run.ErrorLines);
        Assert.Equal($"{Section3}:1:1: error: no problem `forward-backwards` in set `section3`; "
            + "did you mean `forward-backward`?", error);
    }

    [Fact]
    public void MissingProblemOptionExitsTwo()
    {
        var run = CliRun.Of("graph", Section3);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--problem", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dot", "digraph \"forward-backward\" {")]
    [InlineData("mermaid", "flowchart LR")]
    public void FormatPicksTheLanguage(string format, string firstLine)
    {
        var run = CliRun.Of("graph", Section3, "--problem", "forward-backward", "--format", format);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(firstLine, run.Output.Split('\n')[0]);
    }

    [Fact]
    public void BareShowsNoNumbers()
    {
        var run = CliRun.Of("graph", Section3, "--problem", "forward-backward", "--show", "bare");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("q = 2", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("df/dq", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void SolveMarkdownEmbedsEachProblemsMermaidGraph()
    {
        var run = CliRun.Of("solve", Section3, "--format", "markdown");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(4, run.Output.Split("```mermaid\nflowchart LR\n").Length - 1);
    }
}
