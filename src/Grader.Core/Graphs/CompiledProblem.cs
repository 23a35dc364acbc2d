using Grader.Diagnostics;
using Grader.Problems;
using Grader.Tapes;
using Grader.Values;

namespace Grader.Graphs;

/// <summary>An input or named node of a problem's graph, with the slot of its value on the tape.</summary>
public sealed record GraphNode(
    string Name,
    bool IsInput,
    int Slot,
    string Operation,
    SourcePosition Position,
    IReadOnlyList<string> Uses);

/// <summary>
/// A problem compiled for one student: the tape, its named nodes, and the answer
/// keys asked. Compiled once; solved, checked and graded many times.
/// </summary>
public sealed class CompiledProblem
{
    private readonly Dictionary<string, GraphNode> _byName;

    public CompiledProblem(Problem problem, string setId, string? student, Tape tape, IReadOnlyList<GraphNode> nodes,
        IReadOnlyDictionary<string, Tensor> inputs)
    {
        Problem = problem;
        SetId = setId;
        Student = student;
        Tape = tape;
        Nodes = nodes;
        Inputs = inputs;
        _byName = nodes.ToDictionary(n => n.Name);
    }

    public Problem Problem { get; }

    public string SetId { get; }

    public string? Student { get; }

    public Tape Tape { get; }

    /// <summary>Inputs first, then the nodes in order; the last is the output.</summary>
    public IReadOnlyList<GraphNode> Nodes { get; }

    public IReadOnlyDictionary<string, Tensor> Inputs { get; }

    public GraphNode Output => Nodes[^1];

    public List<AnswerKey> Keys { get; } = [];

    public List<Diagnostic> Diagnostics { get; } = [];

    public GraphNode? Find(string name) => _byName.GetValueOrDefault(name);

    public bool Failed => Diagnostics.Any(d => d.Severity == Severity.Error);
}
