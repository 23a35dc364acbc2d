using Xunit;
using System.Text.RegularExpressions;
using CommandLine = Grader.Cli.Cli;
using Grader.Grading;
using static Grader.Tests.Grading.GradingFixture;

namespace Grader.Tests.Grading;

public sealed class BatchGraderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("grader-batch-").FullName;
    private readonly string _set;

    public BatchGraderTests()
    {
        var root = RepositoryRoot();
        _set = Path.Combine(root, "problems", "section3.yaml");
        File.Copy(Path.Combine(root, "submissions", "alice.yaml"), Path.Combine(_folder, "b-alice.yaml"));
        Directory.CreateDirectory(Path.Combine(_folder, "late"));
        File.Copy(Path.Combine(root, "submissions", "bob.yaml"), Path.Combine(_folder, "late", "bob.yml"));
        File.WriteAllText(Path.Combine(_folder, "a-broken.yaml"), "set: section3\nanswers: [1, 2\n");
        File.WriteAllText(Path.Combine(_folder, "c-list.yaml"), "- 1\n- 2\n");
        File.WriteAllText(Path.Combine(_folder, "notes.txt"), "not a submission\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AFolderIsExpandedToItsYamlFilesInPathOrder()
    {
        var (files, errors) = BatchGrader.Expand([_folder]);

        Assert.Empty(errors);
        Assert.Equal(["a-broken.yaml", "b-alice.yaml", "c-list.yaml", "late/bob.yml"],
            files.Select(f => Path.GetRelativePath(_folder, f).Replace('\\', '/')));
    }

    [Fact]
    public void ALinkedFolderIsNotEnteredSoALinkBackUpTheTreeEnds()
    {
        Directory.CreateSymbolicLink(Path.Combine(_folder, "late", "up"), _folder);
        File.CreateSymbolicLink(Path.Combine(_folder, "linked.yaml"), Path.Combine(_folder, "b-alice.yaml"));

        var (files, errors) = BatchGrader.Expand([_folder]);

        Assert.Empty(errors);
        Assert.Equal(["a-broken.yaml", "b-alice.yaml", "c-list.yaml", "late/bob.yml", "linked.yaml"],
            files.Select(f => Path.GetRelativePath(_folder, f).Replace('\\', '/')));
    }

    [Fact]
    public void HiddenFilesAndFoldersAreNoSubmissions()
    {
        Directory.CreateDirectory(Path.Combine(_folder, ".github", "workflows"));
        File.WriteAllText(Path.Combine(_folder, ".github", "workflows", "ci.yml"), "on: push\n");
        File.WriteAllText(Path.Combine(_folder, ".#b-alice.yaml"), "answers: {}\n");

        var (files, errors) = BatchGrader.Expand([_folder]);

        Assert.Empty(errors);
        Assert.Equal(["a-broken.yaml", "b-alice.yaml", "c-list.yaml", "late/bob.yml"],
            files.Select(f => Path.GetRelativePath(_folder, f).Replace('\\', '/')));
    }

    [Fact]
    public void BrokenFilesScoreZeroAndTheOthersAreGraded()
    {
        var (files, _) = BatchGrader.Expand([_folder]);

        var results = BatchGrader.Grade(Set(File.ReadAllText(_set)), files);

        // alice is right everywhere (28/28); bob is worked by hand in GradeReportSnapshotTests (18/28).
        Assert.Equal(
            [("a-broken", SubmissionStatus.Error, 0.0), ("alice", SubmissionStatus.Graded, 28.0),
             ("c-list", SubmissionStatus.Error, 0.0), ("bob", SubmissionStatus.Graded, 18.0)],
            results.Select(r => (r.Student, r.Status, r.Score)));
        Assert.All(results, r => Assert.Equal(28, r.MaxScore));
    }

    [Fact]
    public void BrokenFilesAreReportedAsErrorsWithTheirPositionAndTheExitStatusIsOne()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = CommandLine.Run(["grade", _set, _folder, "--format", "json"], output, error);

        Assert.Equal(1, code);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(new Regex(@"^.*a-broken\.yaml:\d+:\d+: error: .+$"), lines[0]);
        Assert.Matches(new Regex(@"^.*c-list\.yaml:1:1: error: .+$"), lines[1]);
        Assert.Contains("\"student\": \"alice\"", output.ToString());
        Assert.Contains("\"student\": \"bob\"", output.ToString());
    }

    [Fact]
    public void AnUnclosedListIsReportedWhereTheParserStopped()
    {
        var (_, error) = SubmissionLoader.Load("set: section3\nanswers: [1, 2\n", "broken.yaml");

        Assert.NotNull(error);
        Assert.Matches(@"^broken\.yaml:[23]:\d+: error: ", error!.ToString());
    }

    [Fact]
    public void AFileThatIsNotAMappingSaysWhatWasExpected()
    {
        var (_, error) = SubmissionLoader.Load("- 1\n- 2\n", "list.yaml");

        Assert.NotNull(error);
        Assert.StartsWith("list.yaml:1:1: error: ", error!.ToString());
        Assert.Contains("answers", error.ToString());
    }
}
