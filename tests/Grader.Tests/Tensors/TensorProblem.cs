using System.Text;
using Grader.Checking;
using Grader.Graphs;
using Grader.Problems;
using Grader.Solving;
using Grader.Values;
using Xunit;

namespace Grader.Tests.Tensors;

/// <summary>Builds a one-problem set from nodes and inputs, and reads back what Grader computed.</summary>
internal static class TensorProblem
{
    public static string SetText(string nodes, (string Name, string Value)[] inputs, string? upstream = null,
        string? ask = null)
    {
        var text = new StringBuilder("set: t\nproblems:\n  - id: p\n    nodes:\n");
        foreach (var line in nodes.Split(';'))
        {
            text.Append("      ").Append(line.Trim()).Append('\n');
        }

        text.Append("    inputs:\n");
        foreach (var (name, value) in inputs)
        {
            text.Append("      ").Append(name).Append(": ").Append(value).Append('\n');
        }

        if (upstream is not null)
        {
            text.Append("    upstream: ").Append(upstream).Append('\n');
        }

        if (ask is not null)
        {
            text.Append("    ask: ").Append(ask).Append('\n');
        }

        return text.ToString();
    }

    public static CompiledProblem Compile(string yaml)
    {
        var (set, diagnostics) = ProblemSetLoader.Load(yaml, "t.yaml");
        Assert.True(set is not null, string.Join("\n", diagnostics));
        var compiled = ProblemCompiler.Compile(set!.Problems[0], set.Id, null);
        Assert.False(compiled.Failed, string.Join("\n", compiled.Diagnostics));
        return compiled;
    }

    /// <summary>Solves the problem and asserts that every gradient agrees with finite differences.</summary>
    public static Solution SolveChecked(string yaml)
    {
        var compiled = Compile(yaml);
        var solution = Solver.Solve(compiled);
        Assert.True(solution.Failure is null, solution.Failure?.ToString());
        var check = GradientChecker.Check(compiled);
        Assert.True(check.Status == CheckStatus.Ok, $"{check.Status}: {check.Message}: "
            + string.Join("; ", check.Checks.Select(c => $"{c.Key} {c.Backprop} vs {c.Numeric}")));
        return solution;
    }

    /// <summary>Shapes equal, elements within 1e-12 relative to the larger magnitude (or 1).</summary>
    public static void AssertClose(Dense expected, Tensor actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (var k = 0; k < expected.Data.Length; k++)
        {
            var scale = Math.Max(1, Math.Max(Math.Abs(expected.Data[k]), Math.Abs(actual.Data[k])));
            Assert.True(Math.Abs(expected.Data[k] - actual.Data[k]) <= 1e-12 * scale,
                $"element {k}: expected {expected.Data[k]}, got {actual.Data[k]} ({expected} vs {actual})");
        }
    }
}
