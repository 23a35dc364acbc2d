using Grader.Graphs;
using Grader.Tapes;
using Grader.Values;

namespace Grader.Solving;

/// <summary>
/// Reads the value of answer keys from a run whose forward pass is done. A
/// derivative dA/dB is a backward pass from A seeded with 1 (or with the upstream
/// gradient, when A is the output); passes are cached by numerator.
/// </summary>
public sealed class KeyEvaluator(CompiledProblem problem, TapeRun run)
{
    private readonly Dictionary<int, Dictionary<int, Tensor>> _passes = [];

    /// <summary>
    /// Gradients that replace what arrives at a step during backward passes (a student's own answers).
    /// </summary>
    public Tensor?[]? GradientOverrides { get; init; }

    public Tensor? OutputSeed()
    {
        var output = run.Value(problem.Output.Slot);
        if (problem.Problem.Upstream is { } upstream)
        {
            return upstream;
        }

        return output.IsScalar ? Tensor.Scalar(1) : null;
    }

    public Tensor Evaluate(AnswerKey key)
    {
        var whole = key.Kind == AnswerKind.Value ? run.Value(key.Of.Slot).Copy() : Gradient(key.Of, key.With!);
        var (flat, _) = key.FlatIndex(whole);
        return flat < 0 ? whole : Tensor.Scalar(whole.Data[flat]);
    }

    /// <summary>dA/dB: what backprop from A delivers at B.</summary>
    public Tensor Gradient(GraphNode of, GraphNode with)
    {
        if (!_passes.TryGetValue(of.Slot, out var grads))
        {
            var seed = of == problem.Output ? OutputSeed()! : Tensor.Scalar(1);
            run.Backward(of.Slot, seed, GradientOverrides);
            grads = problem.Nodes.ToDictionary(n => n.Slot, n => run.Gradient(n.Slot).Copy());
            _passes[of.Slot] = grads;
        }

        return grads[with.Slot];
    }
}
