using Grader.Graphs;
using Grader.Problems;
using Grader.Solving;

namespace Grader.Tests;

/// <summary>Loads problem sets and solves their problems, failing the test on any load error.</summary>
public static class Solutions
{
    public static ProblemSet LoadShipped(string file)
    {
        var (set, diagnostics) = ProblemSetLoader.LoadFile(RepositoryPaths.Of("problems", file));
        Assert.True(set is not null, string.Join("\n", diagnostics));
        return set!;
    }

    public static ProblemSet LoadText(string yaml)
    {
        var (set, diagnostics) = ProblemSetLoader.Load(yaml, "test.yaml");
        Assert.True(set is not null, string.Join("\n", diagnostics));
        return set!;
    }

    public static Solution Solve(ProblemSet set, string problemId, string? student = null)
    {
        var problem = set.Problems.Single(p => p.Id == problemId);
        return Solver.Solve(ProblemCompiler.Compile(problem, set.Id, student));
    }
}
