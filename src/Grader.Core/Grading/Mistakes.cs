using Grader.Diagnostics;
using System.Globalization;
using Grader.Graphs;
using Grader.Solving;
using Grader.Tapes;
using Grader.Values;

namespace Grader.Grading;

/// <summary>
/// Names the likely mistake behind a wrong answer, from the graph rather than from
/// a list of known answers: an error carried forward from the student's own earlier
/// answer, a flipped sign, a local gradient where the chain rule needed the upstream
/// factor, another key's value, the reciprocal, a transposed or unsummed tensor, the
/// gradient of one sample of a batch, or too few significant figures. A hint never
/// states a reference value.
/// </summary>
public sealed class Mistakes
{
    private readonly Solution _solution;
    private readonly CompiledProblem _problem;
    private readonly Dictionary<string, AnswerResult> _results;
    private readonly TapeRun _reference;
    private readonly KeyEvaluator _referenceKeys;
    private readonly TapeRun _forced;
    private readonly bool _forcedOk;
    private readonly Tensor?[] _forcedValues;
    private readonly Tensor?[] _forcedGradients;
    private readonly AnswerKey?[] _valueAnswers;
    private readonly AnswerKey?[] _gradientAnswers;
    private readonly List<int>[] _consumers;
    private readonly Dictionary<AnswerKey, List<AnswerKey>> _roots = [];

    /// <summary>
    /// Problems with more asked answers than this (a long machine-made chain, not a worksheet)
    /// are not searched for swapped answers, which would cost the square of their number.
    /// </summary>
    private const int SwapReach = 200;

    private IEnumerable<AnswerKey> SwapCandidates(AnswerKey key) =>
        _problem.Keys.Count <= SwapReach ? _problem.Keys.Where(k => k != key) : [];

    /// <summary>The common mistake of a sign error, as <see cref="CommonMistakes"/> names it.</summary>
    public const string FlippedSign = "a flipped sign";

    /// <summary>How many nodes after B, nearest first, are tried as the C of a chain-rule mistake.</summary>
    private const int ChainRuleReach = 32;

    public Mistakes(Solution solution, IReadOnlyList<AnswerResult> results)
    {
        _solution = solution;
        _problem = solution.Problem;
        _results = results.ToDictionary(r => r.Key);
        _reference = new TapeRun(_problem.Tape);
        _reference.Forward();
        _referenceKeys = new KeyEvaluator(_problem, _reference);

        var count = _problem.Tape.Count;
        _valueAnswers = OverrideKeys(AnswerKind.Value);
        _gradientAnswers = OverrideKeys(AnswerKind.Gradient);
        _consumers = Consumers(_problem.Tape);
        _forced = new TapeRun(_problem.Tape);
        _forcedValues = new Tensor?[count];
        _forcedGradients = new Tensor?[count];
        _forcedOk = _forced.Forward(overrides: Overrides(AnswerKind.Value), replaced: _forcedValues) is null;
        if (_forcedOk && _referenceKeys.OutputSeed() is { } seed)
        {
            var arrived = new Tensor?[count];
            _forced.Backward(_problem.Output.Slot, seed, Overrides(AnswerKind.Gradient), arrived);
            foreach (var node in _problem.Nodes)
            {
                _forcedGradients[node.Slot] = arrived[node.Slot] ?? _forced.Gradient(node.Slot).Copy();
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (_forcedOk && _forcedValues[i] is null)
            {
                _forcedValues[i] = _forced.Value(i).Copy();
            }
        }
    }

    /// <summary>
    /// The wrong answers a student commonly gives for a key: a flipped sign, a local
    /// gradient for the global one, another key's value. An author wants each of them
    /// to fall outside the tolerance, or the problem cannot catch that mistake.
    /// </summary>
    public IEnumerable<(string Mistake, Tensor Value)> CommonMistakes(AnswerKey key)
    {
        var expected = _solution.AnswerFor(key.Text)!;
        yield return (FlippedSign, expected.Map(v => -v));
        if (key.Kind == AnswerKind.Gradient)
        {
            foreach (var (hint, value) in ChainRuleCandidates(key))
            {
                var name = hint.Split('`')[1];
                yield return ($"`{name}` given for `{key.Text}`", value);
            }
        }

        foreach (var other in SwapCandidates(key).Where(k => k.Kind == key.Kind))
        {
            if (_solution.AnswerFor(other.Text) is { } value)
            {
                yield return ($"the answer to `{other.Text}` given for `{key.Text}`", value);
            }
        }
    }

    public AnswerResult Explain(AnswerResult result)
    {
        if (result.Verdict is Verdict.Correct or Verdict.Missing || result.Got is null)
        {
            return result;
        }

        var key = _problem.Keys.First(k => k.Text == result.Key);
        if (result.Verdict == Verdict.Invalid)
        {
            return result with { Hint = ShapeHint(key, result.Got, result.Expected, result) };
        }

        if (CarriedForward(key, result) is { } carried)
        {
            return carried;
        }

        foreach (var (hint, candidate) in Candidates(key, result.Expected))
        {
            var distinct = !Comparison.Matches(result.Expected, candidate, key.Tolerance);
            if (distinct && Comparison.Matches(candidate, result.Got, key.Tolerance))
            {
                return result with { Hint = hint };
            }
        }

        return result with { Hint = PrecisionHint(result) };
    }

    /// <summary>Student answers for whole nodes, as overrides of values or of output gradients.</summary>
    private Tensor?[] Overrides(AnswerKind kind)
    {
        var keys = kind == AnswerKind.Value ? _valueAnswers : _gradientAnswers;
        return keys.Select(k => k is null ? null : _results[k.Text].Got).ToArray();
    }

    /// <summary>
    /// By slot, the answered key that overrides it: a node's value, or the output's
    /// gradient at a node. Answers of the wrong shape override nothing.
    /// </summary>
    private AnswerKey?[] OverrideKeys(AnswerKind kind)
    {
        var keys = new AnswerKey?[_problem.Tape.Count];
        foreach (var key in _problem.Keys.Where(k => k.Kind == kind && k.Element is null))
        {
            if (!_results.TryGetValue(key.Text, out var answer)
                || answer.Got is null
                || !answer.Got.SameShape(answer.Expected))
            {
                continue;
            }

            if (kind == AnswerKind.Value && !key.Of.IsInput)
            {
                keys[key.Of.Slot] = key;
            }
            else if (kind == AnswerKind.Gradient && key.Of == _problem.Output && !key.With!.IsInput)
            {
                keys[key.With.Slot] = key;
            }
        }

        return keys;
    }

    private static List<int>[] Consumers(Tape tape)
    {
        var consumers = Enumerable.Range(0, tape.Count).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < tape.Count; i++)
        {
            foreach (var a in tape.Steps[i].Args.Distinct())
            {
                consumers[a].Add(i);
            }
        }

        return consumers;
    }

    private AnswerResult? CarriedForward(AnswerKey key, AnswerResult result)
    {
        if (!IsCarried(key))
        {
            return null;
        }

        var hint = CarriedHint(Roots(key));
        if (_problem.Problem.CarryForward)
        {
            return result with
            {
                Verdict = Verdict.Correct,
                Points = result.MaxPoints,
                CarriedForward = true,
                Hint = hint + " (credited)",
            };
        }

        return result with { CarriedForward = true, Hint = hint };
    }

    /// <summary>What the key's value would be, computed from the student's own earlier answers.</summary>
    private Tensor? CarriedValue(AnswerKey key)
    {
        if (!_forcedOk)
        {
            return null;
        }

        Tensor? whole;
        if (key.Kind == AnswerKind.Value)
        {
            whole = key.Of.IsInput ? null : _forcedValues[key.Of.Slot];
        }
        else if (key.Of == _problem.Output)
        {
            whole = _forcedGradients[key.With!.Slot];
        }
        else
        {
            _forced.Forward(overrides: Overrides(AnswerKind.Value));
            _forced.Backward(key.Of.Slot, Tensor.Scalar(1));
            whole = _forced.Gradient(key.With!.Slot).Copy();
        }

        if (whole is null)
        {
            return null;
        }

        var (flat, _) = key.FlatIndex(whole);
        return flat < 0 ? whole : Tensor.Scalar(whole.Data[flat]);
    }

    private static string CarriedHint(List<AnswerKey> roots)
    {
        if (roots.Count == 0)
        {
            return "error carried forward from an earlier answer: "
                + "this is right for your own value of it, fix that first";
        }

        var names = roots.Select(k => $"`{k.Text}`").ToList();
        var from = names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " and " + names[^1];
        return names.Count == 1
            ? $"error carried forward from {from}: this is right for your own value of {from}, fix that first"
            : $"error carried forward from {from}: this is right for your own values of {from}, fix those first";
    }

    /// <summary>
    /// Where a carried error starts: the wrong answers that the key's carried value reads,
    /// each followed back while it is itself an error carried forward. Gradients come
    /// first, nearest the output; then values, earliest first.
    /// </summary>
    private List<AnswerKey> Roots(AnswerKey key)
    {
        if (_roots.TryGetValue(key, out var known))
        {
            return known;
        }

        var roots = new List<AnswerKey>();
        foreach (var read in Reads(key).Where(Wrong))
        {
            var further = IsCarried(read) ? Roots(read) : [read];
            roots.AddRange(further.Where(r => !roots.Contains(r)));
        }

        roots = roots
            .OrderBy(k => k.Kind == AnswerKind.Gradient ? 0 : 1)
            .ThenBy(k => k.Kind == AnswerKind.Gradient ? -k.With!.Slot : k.Of.Slot)
            .ToList();
        _roots[key] = roots;
        return roots;
    }

    private bool Wrong(AnswerKey key) => _results[key.Text].Verdict is Verdict.Incorrect or Verdict.Invalid;

    /// <summary>Whether a wrong answer is right for the student's own earlier answers.</summary>
    private bool IsCarried(AnswerKey key)
    {
        var result = _results[key.Text];
        var carried = CarriedValue(key);
        return carried is not null && carried.SameShape(result.Got!)
            && !Comparison.Matches(result.Expected, carried, key.Tolerance)
            && Comparison.Matches(carried, result.Got!, key.Tolerance);
    }

    /// <summary>
    /// The student's answers that the key's carried value is computed from: for a value, the
    /// answered nodes it reads, through unanswered ones; for dA/dB, the answered gradients
    /// between B and A (only when A is the output), and the values the local gradients on
    /// the way read.
    /// </summary>
    private HashSet<AnswerKey> Reads(AnswerKey key)
    {
        var reads = new HashSet<AnswerKey>();
        var seen = new bool[_problem.Tape.Count];
        if (key.Kind == AnswerKind.Value)
        {
            foreach (var arg in _problem.Tape.Steps[key.Of.Slot].Args)
            {
                ValueReads(arg, reads, seen);
            }

            return reads;
        }

        var a = key.Of.Slot;
        var towardsA = _problem.Tape.Ancestors(a);
        var gradients = key.Of == _problem.Output ? _gradientAnswers : new AnswerKey?[_gradientAnswers.Length];
        var visited = new bool[_problem.Tape.Count];
        var pending = new Stack<int>([key.With!.Slot]);
        while (pending.TryPop(out var slot))
        {
            foreach (var c in _consumers[slot].Where(c => c <= a && towardsA[c] && !visited[c]))
            {
                visited[c] = true;
                foreach (var value in LocalReads(c, slot))
                {
                    ValueReads(value, reads, seen);
                }

                if (c != a && gradients[c] is { } upstream)
                {
                    reads.Add(upstream);
                }
                else if (c != a)
                {
                    pending.Push(c);
                }
            }
        }

        return reads;
    }

    /// <summary>The values that step c's local gradient with respect to its argument reads.</summary>
    private IEnumerable<int> LocalReads(int c, int argument)
    {
        var step = _problem.Tape.Steps[c];
        return step.Op switch
        {
            // Linear steps pass the gradient on whatever the values: d(a + b)/da = 1.
            Op.Identity or Op.Add or Op.Subtract or Op.Negate or Op.Sum or Op.Mean or Op.Transpose
                or Op.Index => [],
            // d(a b)/da = b: a product reads only the other factor, unless it is a square.
            Op.Multiply or Op.MatMul or Op.Dot when step.Args.Count(a => a == argument) == 1 =>
                step.Args.Where(a => a != argument),
            _ => [.. step.Args, c],
        };
    }

    /// <summary>The answered value at a slot, or those its unanswered value is computed from.</summary>
    private void ValueReads(int slot, HashSet<AnswerKey> reads, bool[] seen)
    {
        var pending = new Stack<int>([slot]);
        while (pending.TryPop(out var s))
        {
            if (seen[s])
            {
                continue;
            }

            seen[s] = true;
            if (_valueAnswers[s] is { } answered)
            {
                reads.Add(answered);
                continue;
            }

            foreach (var arg in _problem.Tape.Steps[s].Args)
            {
                pending.Push(arg);
            }
        }
    }

    private IEnumerable<(string Hint, Tensor Value)> Candidates(AnswerKey key, Tensor expected)
    {
        yield return ("the sign is flipped", expected.Map(v => -v));

        if (key.Kind == AnswerKind.Gradient)
        {
            foreach (var candidate in ChainRuleCandidates(key))
            {
                yield return candidate;
            }
        }

        // A true swap first: the other key answered with this key's value.
        var others = SwapCandidates(key)
            .Select(other => (Key: other, Value: _solution.AnswerFor(other.Text)!))
            .Select(o => (o.Key, o.Value, Swapped: _results.TryGetValue(o.Key.Text, out var answer)
                && answer.Got is { } got && Comparison.Matches(expected, got, key.Tolerance)))
            .OrderByDescending(o => o.Swapped)
            .ToList();
        foreach (var (other, value, swapped) in others)
        {
            var hint = swapped
                ? $"answers swapped with `{other.Text}`: each has the other's value"
                : $"this is the answer to `{other.Text}`, not to `{key.Text}`";
            yield return (hint, value);
        }

        if (expected.Data.All(v => v != 0))
        {
            yield return (
                "this is the reciprocal of the answer: check which way the division goes",
                expected.Map(v => 1 / v));
        }

        if (expected.Rank == 2)
        {
            yield return ("the matrix is transposed", expected.Transposed());
        }

        foreach (var batch in BatchSizes())
        {
            var text = batch.ToString(CultureInfo.InvariantCulture);
            yield return (
                $"off by a factor of {text}, the batch size: sum versus mean over the batch?",
                expected.Map(v => v * batch));
            yield return (
                $"off by a factor of {text}, the batch size: sum versus mean over the batch?",
                expected.Map(v => v / batch));
        }

        if (key.Kind == AnswerKind.Gradient && key.Of == _problem.Output && key.Element is null)
        {
            foreach (var candidate in OneSampleCandidates(key))
            {
                yield return candidate;
            }
        }
    }

    /// <summary>
    /// For dA/dB: the local gradient dC/dB of a node C between B and A (the chain rule's
    /// upstream factor dA/dC left out), and the upstream gradient dA/dC at a node C that
    /// uses B (the local factor left out).
    /// </summary>
    private IEnumerable<(string, Tensor)> ChainRuleCandidates(AnswerKey key)
    {
        var (a, b) = (key.Of, key.With!);
        var aAncestors = _problem.Tape.Ancestors(a.Slot);
        var bDescendants = _problem.Tape.Descendants(b.Slot);
        var between = _problem.Nodes
            .Where(n => !n.IsInput && n != a && n != b && aAncestors[n.Slot] && bDescendants[n.Slot])
            .OrderBy(n => n.Slot)
            .Take(ChainRuleReach);
        foreach (var c in between)
        {
            // A local gradient dC/dB is a single answer only for a scalar C; for a tensor C it is a Jacobian.
            if (_reference.Value(c.Slot).IsScalar)
            {
                var local = Element(key, _referenceKeys.Gradient(c, b));
                yield return ($"this is the local gradient `d{c.Name}/d{b.Name}`; the chain rule multiplies it "
                    + $"by the upstream gradient `d{a.Name}/d{c.Name}`", local);
            }

            if (c.Uses.Contains(b.Name))
            {
                var upstream = _referenceKeys.Gradient(a, c);
                if (upstream.SameShape(_reference.Value(b.Slot)) || upstream.IsScalar)
                {
                    var shaped = upstream.IsScalar && key.Element is null
                        ? Broadcast(upstream, _reference.Value(b.Slot))
                        : upstream;
                    yield return ($"this is `d{a.Name}/d{c.Name}`, the gradient arriving at `{c.Name}`; multiply it by "
                        + $"the local gradient `d{c.Name}/d{b.Name}`", Element(key, shaped));
                }
            }
        }
    }

    private static Tensor Broadcast(Tensor scalar, Tensor like) => like.Map(_ => scalar.ScalarValue);

    private static Tensor Element(AnswerKey key, Tensor whole)
    {
        var (flat, _) = key.FlatIndex(whole);
        return flat < 0 ? whole : Tensor.Scalar(whole.Data[flat]);
    }

    /// <summary>The row counts of the problem's matrix inputs: the sizes of its batches.</summary>
    private IEnumerable<int> BatchSizes() => _problem.Nodes
        .Where(n => n.IsInput && _reference.Value(n.Slot).Rank == 2 && _reference.Value(n.Slot).Rows > 1)
        .Select(n => _reference.Value(n.Slot).Rows)
        .Distinct();

    /// <summary>
    /// The gradient at B when only one sample (row) of a batched node C passes its
    /// gradient back: what a student gets who differentiates one sample, not the batch.
    /// </summary>
    private IEnumerable<(string, Tensor)> OneSampleCandidates(AnswerKey key)
    {
        var b = key.With!;
        var seed = _referenceKeys.OutputSeed();
        if (seed is null)
        {
            yield break;
        }

        var batched = _problem.Tape.Steps
            .Select((step, slot) => slot)
            .Where(slot => slot > b.Slot && _problem.Tape.Ancestors(slot)[b.Slot])
            .Where(slot => _reference.Value(slot) is { Rank: 2, Rows: > 1 }
                && !_reference.Value(b.Slot).SameShape(_reference.Value(slot)))
            .Take(1)
            .ToList();
        foreach (var slot in batched)
        {
            _reference.Backward(_problem.Output.Slot, seed);
            var full = _reference.Gradient(slot).Copy();
            for (var row = 0; row < full.Rows; row++)
            {
                var masked = Tensor.Zeros(full.Shape);
                Array.Copy(full.Data, row * full.Columns, masked.Data, row * full.Columns, full.Columns);
                var overrides = new Tensor?[_problem.Tape.Count];
                overrides[slot] = masked;
                _reference.Backward(_problem.Output.Slot, seed, overrides);
                var text = row.ToString(CultureInfo.InvariantCulture);
                yield return ($"this is the gradient of sample {text} alone; over a batch the gradients of all "
                    + "samples add up", _reference.Gradient(b.Slot).Copy());
            }
        }
    }

    /// <summary>Hints for an answer of the wrong shape: transposed, or a batch left unsummed.</summary>
    private static string? ShapeHint(AnswerKey key, Tensor got, Tensor expected, AnswerResult result)
    {
        if (expected.Rank == 2 && Comparison.Matches(expected.Transposed(), got, key.Tolerance))
        {
            return $"transposed: the answer has the shape of the matrix it differentiates by, {expected.ShapeText}";
        }

        if (expected.Rank == 1 && got.Rank == 2 && got.Columns == expected.Count)
        {
            var sums = new double[got.Columns];
            for (var k = 0; k < got.Count; k++)
            {
                sums[k % got.Columns] += got.Data[k];
            }

            if (Comparison.Matches(expected, Tensor.Vector(sums), key.Tolerance))
            {
                return "sum over the batch (axis 0): "
                    + "a vector broadcast to every row gets the sum of the rows' gradients";
            }
        }

        return null;
    }

    private static string? PrecisionHint(AnswerResult result)
    {
        if (!result.Expected.IsScalar || result.Got is null)
        {
            return null;
        }

        var (expected, got) = (result.Expected.ScalarValue, result.Got.ScalarValue);
        if (expected == 0 || !double.IsFinite(got))
        {
            return null;
        }

        // Right to N figures: answer and reference round to the same N significant figures,
        // or the answer is the reference with the figures after the N-th dropped.
        var magnitude = Math.Floor(Math.Log10(Math.Abs(expected)));
        for (var figures = 6; figures >= 1; figures--)
        {
            var unit = Math.Pow(10, magnitude - figures + 1);
            var sameRounding = Math.Round(got / unit, MidpointRounding.AwayFromZero)
                == Math.Round(expected / unit, MidpointRounding.AwayFromZero);
            var truncated = Math.Abs(got - Math.Truncate(expected / unit) * unit) <= 1e-9 * unit;
            if (sameRounding || truncated)
            {
                return $"right to {Words.Count(figures, "significant figure")} only; the tolerance is "
                    + $"{result.Tolerance}: keep more digits";
            }
        }

        return null;
    }
}
