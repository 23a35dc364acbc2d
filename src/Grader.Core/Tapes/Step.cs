using Grader.Diagnostics;
using Grader.Values;

namespace Grader.Tapes;

/// <summary>
/// One instruction of a tape: an operation on the values of earlier steps.
/// Inputs and constants are steps too, so every value has a slot.
/// </summary>
public sealed class Step
{
    public required Op Op { get; init; }

    public int[] Args { get; init; } = [];

    /// <summary>The reduction axis of sum, mean, softmax and logsumexp; null for all elements.</summary>
    public int? Axis { get; init; }

    /// <summary>The value of an input or constant.</summary>
    public Tensor? Value { get; set; }

    /// <summary>The name of the step: a node or input name, or null for a step inside a node's expression.</summary>
    public string? Name { get; init; }

    /// <summary>The named node whose expression this step belongs to.</summary>
    public required string Owner { get; init; }

    public required SourcePosition Position { get; init; }

    /// <summary>The step's source text, such as `y + z`, for messages.</summary>
    public required string Text { get; init; }
}
