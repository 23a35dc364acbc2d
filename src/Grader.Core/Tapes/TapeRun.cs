using Grader.Values;

namespace Grader.Tapes;

/// <summary>
/// The values and gradients of one evaluation of a <see cref="Tape"/>. Buffers are
/// kept between passes, so repeated evaluation allocates only when shapes change.
/// Forward and backward are loops over the steps: no recursion, whatever the depth.
/// </summary>
public sealed partial class TapeRun
{
    private readonly Tape _tape;
    private readonly Tensor?[] _values;
    private readonly Tensor?[] _grads;
    private readonly bool[] _gradTouched;
    private bool _shapeFailure;

    public TapeRun(Tape tape)
    {
        _tape = tape;
        _values = new Tensor?[tape.Count];
        _grads = new Tensor?[tape.Count];
        _gradTouched = new bool[tape.Count];
    }

    public Tape Tape => _tape;

    /// <summary>Steps that sat exactly on a kink in the last forward pass: relu or abs at 0, a tie.</summary>
    public List<int> Kinks { get; } = [];

    public Tensor Value(int step) => _values[step] ?? throw new InvalidOperationException("no forward pass yet");

    /// <summary>The gradient at a step after <see cref="Backward"/>; zeros where none arrived.</summary>
    public Tensor Gradient(int step)
    {
        var value = Value(step);
        var grad = _grads[step];
        return _gradTouched[step] && grad is not null ? grad : Tensor.Zeros(value.Shape);
    }

    /// <summary>
    /// Evaluates steps from <paramref name="from"/> on. The optional perturbation adds
    /// delta to one element of one step's value as soon as it is computed; overrides
    /// replace a step's value outright (a student's own answer for that node); what the
    /// step computed before it was replaced is kept in <paramref name="replaced"/>.
    /// </summary>
    public StepFailure? Forward(int from = 0, Perturbation? perturbation = null, Tensor?[]? overrides = null,
        Tensor?[]? replaced = null)
    {
        // Kinks at and after `from` are about to be found again.
        while (Kinks.Count > 0 && Kinks[^1] >= from)
        {
            Kinks.RemoveAt(Kinks.Count - 1);
        }

        for (var i = from; i < _tape.Count; i++)
        {
            _shapeFailure = false;
            var error = Evaluate(i);
            if (error is not null)
            {
                return new StepFailure(i, error, _shapeFailure);
            }

            if (overrides?[i] is { } replacement && replacement.SameShape(_values[i]!))
            {
                replaced?[i] = _values[i]!.Copy();
                Array.Copy(replacement.Data, _values[i]!.Data, replacement.Count);
            }

            if (perturbation is { } p && p.Step == i)
            {
                _values[i]!.Data[p.Element] += p.Delta;
            }
        }

        return null;
    }

    /// <summary>
    /// Backpropagates from step <paramref name="from"/>, whose gradient is <paramref name="seed"/>.
    /// A gradient override replaces the gradient that has arrived at a step before it flows on;
    /// the gradient that had arrived is kept in <paramref name="replaced"/>.
    /// </summary>
    public void Backward(int from, Tensor seed, Tensor?[]? overrides = null, Tensor?[]? replaced = null)
    {
        Array.Clear(_gradTouched);
        Grad(from).Data.AsSpan().Clear();
        Array.Copy(seed.Data, _grads[from]!.Data, seed.Count);
        _gradTouched[from] = true;

        for (var i = from; i >= 0; i--)
        {
            if (!_gradTouched[i] || !_tape.DependsOnInput[i])
            {
                continue;
            }

            if (overrides?[i] is { } replacement && replacement.SameShape(_grads[i]!))
            {
                replaced?[i] = _grads[i]!.Copy();
                Array.Copy(replacement.Data, _grads[i]!.Data, replacement.Count);
            }

            Propagate(i);
        }
    }

    /// <summary>The gradient buffer of a step, zeroed the first time it is touched in a pass.</summary>
    private Tensor Grad(int step)
    {
        var value = _values[step]!;
        var grad = _grads[step];
        if (grad is null || !grad.SameShape(value))
        {
            grad = Tensor.Zeros(value.Shape);
            _grads[step] = grad;
            _gradTouched[step] = true;
            return grad;
        }

        if (!_gradTouched[step])
        {
            grad.Data.AsSpan().Clear();
            _gradTouched[step] = true;
        }

        return grad;
    }

    /// <summary>The value buffer of a step, reused while its shape stays the same.</summary>
    private Tensor Output(int step, ReadOnlySpan<int> shape)
    {
        var value = _values[step];
        if (value is null || !shape.SequenceEqual(value.Shape))
        {
            value = Tensor.Zeros(shape.ToArray());
            _values[step] = value;
        }

        return value;
    }

    /// <summary>Records a kink at step i once, however many of its elements sit on one; steps come in order.</summary>
    private void AddKink(int i)
    {
        if (Kinks.Count == 0 || Kinks[^1] != i)
        {
            Kinks.Add(i);
        }
    }
}

/// <summary>Adds <see cref="Delta"/> to element <see cref="Element"/> of step <see cref="Step"/>.</summary>
public readonly record struct Perturbation(int Step, int Element, double Delta);
