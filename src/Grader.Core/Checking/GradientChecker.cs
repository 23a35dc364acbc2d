using Grader.Graphs;
using Grader.Solving;
using Grader.Tapes;
using Grader.Values;

namespace Grader.Checking;

public enum CheckStatus
{
    Ok,
    Kink,
    Mismatch,
    Error,
}

/// <summary>
/// One gradient compared with its numerical derivative; for a tensor, the worst
/// element, named in <see cref="Key"/>.
/// </summary>
public sealed record GradientCheck(string Key, double Backprop, double Numeric, double AbsError, double RelError,
    CheckStatus Status, string? Message = null);

public sealed record ProblemCheck(string Id, CheckStatus Status, string? Message, IReadOnlyList<GradientCheck> Checks,
    Solution Solution);

/// <summary>
/// Cross-checks every asked gradient (and the output's gradient at every input)
/// against numerical derivatives. A gradient agrees when its relative error is at
/// most <see cref="RelativeTolerance"/>, or its absolute error at most
/// <see cref="AbsoluteTolerance"/>.
/// </summary>
public static class GradientChecker
{
    public const double RelativeTolerance = 1e-6;

    /// <summary>For gradients at or near zero, where a relative error means nothing.</summary>
    public const double AbsoluteTolerance = 1e-9;

    /// <summary>Elements of one tensor checked at most; larger tensors are sampled evenly.</summary>
    public const int MaxElements = 256;

    /// <summary>Elements checked at least, however costly the graph.</summary>
    public const int MinElements = 4;

    /// <summary>
    /// The work one gradient's check may do, in multiply-adds of forward passes. A numerical
    /// derivative takes about a hundred forward passes, so on a large graph (a 300×300 matrix
    /// product) fewer elements are checked, never fewer than <see cref="MinElements"/>.
    /// </summary>
    public const double WorkBudget = 2e9;

    public static ProblemCheck Check(CompiledProblem problem)
    {
        var solution = Solver.Solve(problem);
        if (solution.Failure is { } failure)
        {
            return new ProblemCheck(problem.Problem.Id, CheckStatus.Error, failure.ToString(), [], solution);
        }

        var run = new TapeRun(problem.Tape);
        run.Forward();
        var evaluator = new KeyEvaluator(problem, run);
        var checks = new List<GradientCheck>();
        foreach (var (of, with) in Pairs(problem, evaluator))
        {
            var backprop = evaluator.Gradient(of, with);
            checks.Add(CheckPair(problem, run, of, with, backprop, evaluator));
        }

        var status = checks.Count == 0 ? CheckStatus.Ok : checks.Max(c => c.Status);
        var message = status switch
        {
            CheckStatus.Mismatch => "backprop disagrees with finite differences",
            CheckStatus.Kink => "an input sits on a kink (relu or abs at 0, a tie in max or min); pick another input",
            CheckStatus.Error => "the forward pass fails near an input",
            _ => null,
        };
        return new ProblemCheck(problem.Problem.Id, status, message, checks, solution);
    }

    /// <summary>The asked derivatives, then the output's derivative at every input, each once.</summary>
    private static List<(GraphNode Of, GraphNode With)> Pairs(CompiledProblem problem, KeyEvaluator evaluator)
    {
        var pairs = problem.Keys.Where(k => k.Kind == AnswerKind.Gradient).Select(k => (k.Of, k.With!)).ToList();
        if (evaluator.OutputSeed() is not null)
        {
            foreach (var input in problem.Nodes.Where(n => n.IsInput && !ProblemCompiler.IsIndexOnly(problem, n)))
            {
                pairs.Add((problem.Output, input));
            }
        }

        return pairs.Distinct().ToList();
    }

    private static GradientCheck CheckPair(CompiledProblem problem, TapeRun run, GraphNode of, GraphNode with,
        Tensor backprop, KeyEvaluator evaluator)
    {
        var seed = of == problem.Output ? evaluator.OutputSeed()! : Tensor.Scalar(1);
        var point = run.Value(with.Slot).Copy();
        var name = $"d{of.Name}/d{with.Name}";
        GradientCheck? worst = null;
        foreach (var element in Sample(point.Count, ElementBudget(problem.Tape, run)))
        {
            double G(double t)
            {
                var failed = run.Forward(with.Slot, new Perturbation(with.Slot, element, t));
                return failed is null ? Contract(seed, run.Value(of.Slot)) : double.NaN;
            }

            var estimate = NumericDerivative.Estimate(G, point.Data[element]);
            var check = Compare(name + point.IndexText(element), backprop.Data[element], estimate);
            if (worst is null || Worse(check, worst))
            {
                worst = check;
            }
        }

        run.Forward();
        return worst!;
    }

    private static bool Worse(GradientCheck a, GradientCheck b) =>
        a.Status != b.Status ? a.Status > b.Status : a.RelError > b.RelError;

    private static GradientCheck Compare(string key, double backprop, NumericEstimate estimate)
    {
        if (estimate.Failed)
        {
            return new GradientCheck(key, backprop, double.NaN, double.NaN, double.NaN, CheckStatus.Error,
                "the forward pass fails at every step size near this input");
        }

        var numeric = estimate.Value;
        var absError = Math.Abs(backprop - numeric);
        var magnitude = Math.Max(Math.Abs(backprop), Math.Abs(numeric));
        var relError = magnitude == 0 ? 0 : absError / magnitude;
        if (estimate.Kink)
        {
            var message = $"one-sided slopes differ: {Numbers.Short(estimate.Left)} from the left, "
                + $"{Numbers.Short(estimate.Right)} from the right";
            return new GradientCheck(key, backprop, numeric, absError, relError, CheckStatus.Kink, message);
        }

        var agrees = relError <= RelativeTolerance || absError <= AbsoluteTolerance;
        return new GradientCheck(
            key, backprop, numeric, absError, relError, agrees ? CheckStatus.Ok : CheckStatus.Mismatch);
    }

    /// <summary>Σ seed ⊙ value: the scalar whose derivative backprop from this seed computes.</summary>
    private static double Contract(Tensor seed, Tensor value)
    {
        var total = 0.0;
        for (var k = 0; k < value.Count; k++)
        {
            total += seed.Data[seed.Count == 1 ? 0 : k] * value.Data[k];
        }

        return total;
    }

    /// <summary>How many elements of one tensor the work budget allows to be checked.</summary>
    private static int ElementBudget(Tape tape, TapeRun run)
    {
        // Multiply-adds of one forward pass: m·k·n for a matrix product, one per output element otherwise.
        var work = 0.0;
        for (var i = 0; i < tape.Count; i++)
        {
            var output = run.Value(i).Count;
            work += tape.Steps[i].Op == Op.MatMul ? (double)output * run.Value(tape.Steps[i].Args[0]).Columns : output;
        }

        const double passesPerElement = 100;
        var elements = WorkBudget / (passesPerElement * Math.Max(work, 1));
        return (int)Math.Clamp(elements, MinElements, MaxElements);
    }

    private static IEnumerable<int> Sample(int count, int most)
    {
        if (count <= most)
        {
            return Enumerable.Range(0, count);
        }

        return Enumerable.Range(0, most).Select(k => (int)((long)k * count / most));
    }
}
