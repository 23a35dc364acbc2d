using Grader.Diagnostics;
using Grader.Graphs;
using Grader.Tapes;
using Grader.Values;

namespace Grader.Solving;

/// <summary>The reference answers of one compiled problem, or why its forward pass failed.</summary>
public sealed class Solution
{
    public required CompiledProblem Problem { get; init; }

    /// <summary>Set when the forward pass failed: names the node and the values involved.</summary>
    public Diagnostic? Failure { get; init; }

    public IReadOnlyDictionary<string, Tensor> Values { get; init; } = new Dictionary<string, Tensor>();

    /// <summary>
    /// The gradient of the output at every input and node;
    /// null when the output is not scalar and no upstream is given.
    /// </summary>
    public IReadOnlyDictionary<string, Tensor>? Gradients { get; init; }

    public IReadOnlyList<Answer> Answers
    {
        get => _answers;
        init
        {
            _answers = value;
            _byKey = value.ToDictionary(a => a.Key.Text);
        }
    }

    private readonly IReadOnlyList<Answer> _answers = [];
    private readonly Dictionary<string, Answer> _byKey = [];

    public bool Failed => Failure is not null;

    public Tensor? AnswerFor(string key) => _byKey.GetValueOrDefault(key)?.Value;

    public Answer? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>
    /// The output's gradient at a node; null without gradients, or for an input used only as an index.
    /// </summary>
    public Tensor? GradientAt(GraphNode node)
    {
        if (Gradients is null || (node.IsInput && ProblemCompiler.IsIndexOnly(Problem, node)))
        {
            return null;
        }

        return Gradients[node.Name];
    }
}

public sealed record Answer(AnswerKey Key, Tensor Value);

/// <summary>Runs a compiled problem forward and backward and reads off every asked answer.</summary>
public static class Solver
{
    public static Solution Solve(CompiledProblem problem)
    {
        // A student's variant can make a problem that loaded fine unsolvable (a shape or key error).
        var error = problem.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
        if (error is not null)
        {
            return new Solution { Problem = problem, Failure = error };
        }

        var run = new TapeRun(problem.Tape);
        var failure = run.Forward();
        if (failure is not null)
        {
            return new Solution { Problem = problem, Failure = Describe(problem, failure) };
        }

        var values = problem.Nodes.ToDictionary(n => n.Name, n => run.Value(n.Slot).Copy());
        var keys = new KeyEvaluator(problem, run);
        Dictionary<string, Tensor>? gradients = null;
        if (keys.OutputSeed() is { } seed)
        {
            run.Backward(problem.Output.Slot, seed);
            gradients = problem.Nodes.ToDictionary(n => n.Name, n => run.Gradient(n.Slot).Copy());
        }

        var answers = problem.Keys.Select(k => new Answer(k, keys.Evaluate(k))).ToList();

        // An infinite gradient (sqrt at 0) is no answer a student can give or be graded on.
        var infinite = answers.FirstOrDefault(a => !a.Value.AllFinite());
        var notFinite = infinite is null ? null : Diagnostic.Error(infinite.Key.Position,
            $"problem `{problem.Problem.Id}`: `{infinite.Key.Text}` is not finite at these inputs "
            + $"({Values.Numbers.Short(infinite.Value.Data.First(v => !double.IsFinite(v)))}); choose other inputs");
        return new Solution
        {
            Problem = problem,
            Values = values,
            Gradients = gradients,
            Answers = answers,
            Failure = notFinite,
        };
    }

    public static Diagnostic Describe(CompiledProblem problem, StepFailure failure)
    {
        var step = problem.Tape.Steps[failure.Step];
        return Diagnostic.Error(step.Position, $"problem `{problem.Problem.Id}`: {failure.Message}");
    }
}
