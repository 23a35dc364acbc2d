using Xunit;

namespace Grader.Tests.Reports;

public sealed class OutputFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("grader-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("junit")]
    public void OutputWritesTheReportToTheFileAndLeavesNoTemporaryFile(string format)
    {
        var target = Path.Combine(_folder, "report." + format);
        var (_, expected, _) = CliRun.Grader("grade", "problems/section3.yaml", "submissions", "--format", format);

        var (code, output, _) = CliRun.Grader("grade", "problems/section3.yaml", "submissions", "--format", format, "--output", target);

        Assert.Equal(1, code);
        Assert.Equal("", output);
        var root = Grading.GradingFixture.RepositoryRoot() + Path.DirectorySeparatorChar;
        Assert.Equal(expected, File.ReadAllText(target).Replace(root, ""));
        Assert.Equal([target], Directory.GetFiles(_folder));
    }

    [Fact]
    public void OutputReplacesAnExistingFile()
    {
        var target = Path.Combine(_folder, "report.json");
        File.WriteAllText(target, "old report that is longer than the new one would be if it were cut" + new string('x', 100000));

        CliRun.Grader("grade", "problems/section3.yaml", "submissions/alice.yaml", "--format", "json", "--output", target);

        Assert.StartsWith("{", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_folder));
    }

    [Fact]
    public void AnOutputFolderThatDoesNotExistIsAnErrorWithExitStatusTwo()
    {
        var target = Path.Combine(_folder, "missing", "report.json");

        var (code, _, error) = CliRun.Grader("grade", "problems/section3.yaml", "submissions/alice.yaml", "--format", "json", "--output", target);

        Assert.Equal(2, code);
        Assert.StartsWith(target + ":1:1: error: cannot write the report", error);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }
}
