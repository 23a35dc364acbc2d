using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Grader.Graphs;
using Grader.Problems;
using Grader.Tapes;
using Grader.Values;

namespace Grader.Benchmarks;

/// <summary>
/// One tape evaluated many times, as the gradient checker and the grader do: a problem
/// is compiled once, and each benchmark call is one forward pass, or one forward and
/// one backward pass, through a reused <see cref="TapeRun"/>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Throughput, launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class TapeBenchmarks
{
    private TapeRun _matmul = null!;
    private int _matmulOutput;
    private TapeRun _sum = null!;
    private int _sumOutput;
    private readonly Tensor _one = Tensor.Scalar(1);

    [GlobalSetup]
    public void Setup()
    {
        (_matmul, _matmulOutput) = Compile(MatMulProblem(256));
        (_sum, _sumOutput) = Compile(SumProblem(200_000));
    }

    [Benchmark]
    public StepFailure? MatMulForward() => _matmul.Forward();

    [Benchmark]
    public void MatMulForwardBackward()
    {
        _matmul.Forward();
        _matmul.Backward(_matmulOutput, _one);
    }

    [Benchmark]
    public StepFailure? SumForward() => _sum.Forward();

    [Benchmark]
    public void SumForwardBackward()
    {
        _sum.Forward();
        _sum.Backward(_sumOutput, _one);
    }

    private static (TapeRun Run, int Output) Compile(string yaml)
    {
        var (set, diagnostics) = ProblemSetLoader.Load(yaml, "bench.yaml");
        if (set is null)
        {
            throw new InvalidOperationException(string.Join("\n", diagnostics));
        }

        var compiled = ProblemCompiler.Compile(set.Problems[0], set.Id, null);
        if (compiled.Failed)
        {
            throw new InvalidOperationException(string.Join("\n", compiled.Diagnostics));
        }

        return (new TapeRun(compiled.Tape), compiled.Output.Slot);
    }

    /// <summary>L = sum(A @ B) for two n×n matrices of small deterministic values.</summary>
    private static string MatMulProblem(int n)
    {
        var text = new StringBuilder();
        text.Append("set: bench\nproblems:\n  - id: matmul\n    nodes:\n      C: A @ B\n      L: sum(C)\n");
        text.Append("    inputs:\n");
        text.Append("      A: ").Append(Matrix(n, 1)).Append('\n');
        text.Append("      B: ").Append(Matrix(n, 2)).Append('\n');
        return text.ToString();
    }

    private static string Matrix(int n, int seed)
    {
        var rows = Enumerable.Range(0, n).Select(r => "[" + string.Join(", ", Enumerable.Range(0, n)
            .Select(c => (((r * 31 + c * 17 + seed * 7) % 19) / 10.0 - 0.9).ToString(CultureInfo.InvariantCulture)))
            + "]");
        return "[" + string.Join(", ", rows) + "]";
    }

    /// <summary>s = x + x + … with <paramref name="terms"/> terms: a tape of scalar additions.</summary>
    private static string SumProblem(int terms)
    {
        var sum = string.Join(" + ", Enumerable.Repeat("x", terms));
        return $"set: bench\nproblems:\n  - id: sum\n    nodes:\n      s: {sum}\n    inputs: {{ x: 0.5 }}\n";
    }
}
