namespace Grader.Tapes;

/// <summary>
/// A computational graph compiled to a flat list of steps in evaluation order.
/// A tape is immutable once built; evaluations happen in a <see cref="TapeRun"/>,
/// so that one tape serves many runs (perturbed inputs, several students).
/// </summary>
public sealed class Tape
{
    public Tape(IReadOnlyList<Step> steps)
    {
        Steps = steps;
        DependsOnInput = new bool[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var differentiable = step.Op == Op.Index ? step.Args.Take(1) : step.Args;
            DependsOnInput[i] = step.Op == Op.Input || differentiable.Any(a => DependsOnInput[a]);
        }
    }

    public IReadOnlyList<Step> Steps { get; }

    /// <summary>Whether a gradient can reach the step from an input; constants need none.</summary>
    public bool[] DependsOnInput { get; }

    public int Count => Steps.Count;

    /// <summary>Every step that reads <paramref name="from"/>, directly or not, including itself.</summary>
    public bool[] Descendants(int from)
    {
        var reached = new bool[Count];
        reached[from] = true;
        for (var i = from + 1; i < Count; i++)
        {
            foreach (var a in Steps[i].Args)
            {
                if (reached[a])
                {
                    reached[i] = true;
                    break;
                }
            }
        }

        return reached;
    }

    /// <summary>Every step that <paramref name="to"/> reads, directly or not, including itself.</summary>
    public bool[] Ancestors(int to)
    {
        var reached = new bool[Count];
        reached[to] = true;
        for (var i = to; i >= 0; i--)
        {
            if (!reached[i])
            {
                continue;
            }

            foreach (var a in Steps[i].Args)
            {
                reached[a] = true;
            }
        }

        return reached;
    }
}

/// <summary>Why a forward pass stopped: the step and a message naming the node and values.</summary>
/// <param name="IsShapeError">Whether the operands' shapes do not fit, whatever their values.</param>
public sealed record StepFailure(int Step, string Message, bool IsShapeError = false);
