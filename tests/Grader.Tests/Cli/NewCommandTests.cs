using Grader.Problems;
using Grader.Tests.Schemas;

namespace Grader.Tests.Cli;

public sealed class NewCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("grader-new-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void StarterSetLoadsWithoutDiagnostics()
    {
        var (set, diagnostics) = ProblemSetLoader.Load(StarterSet.Text("starter"), "starter.yaml");

        Assert.Empty(diagnostics);
        Assert.Equal(["named-steps", "one-expression", "per-student"], set!.Problems.Select(p => p.Id));
    }

    [Fact]
    public void StarterSetHasOneProblemOfEachKind()
    {
        var (set, _) = ProblemSetLoader.Load(StarterSet.Text("starter"), "starter.yaml");

        Assert.Contains(set!.Problems, p => p.Function is null && !p.HasVariants);
        Assert.Contains(set.Problems, p => p.Function is not null);
        Assert.Contains(set.Problems, p => p.HasVariants);
    }

    [Fact]
    public void StarterSetMatchesTheSchema()
    {
        var errors = SchemaValidation.Errors(SchemaValidation.ProblemSet.Value, StarterSet.Text("starter"));

        Assert.Empty(errors);
    }

    [Fact]
    public void NewFileVerifiesWithExitZero()
    {
        var file = Path.Combine(_folder, "week3.yaml");

        var created = CliRun.Of("new", file);
        var verified = CliRun.Of("verify", file);

        Assert.Equal(0, created.ExitCode);
        Assert.Equal(0, verified.ExitCode);
        Assert.StartsWith("# yaml-language-server: $schema=", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Week 3.yaml", null, "set: week-3")]
    [InlineData("anything.yaml", "section4", "set: section4")]
    public void SetIdComesFromTheOptionOrTheFileName(string name, string? id, string expectedLine)
    {
        var file = Path.Combine(_folder, name);
        string[] args = id is null ? ["new", file] : ["new", file, "--id", id];

        var run = CliRun.Of(args);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(expectedLine, File.ReadAllLines(file));
    }

    [Fact]
    public void ExistingFileIsNotOverwritten()
    {
        var file = Path.Combine(_folder, "mine.yaml");
        File.WriteAllText(file, "set: mine\n");

        var run = CliRun.Of("new", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{file}:1:1: error: the file already exists", run.Error, StringComparison.Ordinal);
        Assert.Equal("set: mine\n", File.ReadAllText(file));
    }

    [Fact]
    public void InvalidIdExitsTwo()
    {
        var run = CliRun.Of("new", Path.Combine(_folder, "x.yaml"), "--id", "Week 3");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.False(File.Exists(Path.Combine(_folder, "x.yaml")));
    }
}
