using Grader.Diagnostics;
using Grader.Values;

namespace Grader.Tapes;

public sealed partial class TapeRun
{
    private Tensor V(int step) => _values[step]!;

    private string ArgText(Step step, int k)
    {
        var arg = _tape.Steps[step.Args[k]];
        return arg.Name ?? arg.Text;
    }

    /// <summary>A failure that comes from the shapes of the operands, not from their values.</summary>
    private string ShapeFail(Step step, string message)
    {
        _shapeFailure = true;
        return Fail(step, message);
    }

    private string Fail(Step step, string message) => $"node `{step.Owner}`: `{step.Text}`: {message}";

    private string? Evaluate(int i)
    {
        var step = _tape.Steps[i];
        switch (step.Op)
        {
            case Op.Input or Op.Constant:
                var source = step.Value!;
                Array.Copy(source.Data, Output(i, source.Shape).Data, source.Count);
                return null;
            case Op.Identity or Op.Negate or Op.Exp or Op.Log or Op.Sqrt or Op.Sin or Op.Cos or Op.Tan
                or Op.Tanh or Op.Sigmoid or Op.Relu or Op.Abs:
                return EvaluateUnary(i, step);
            case Op.Add or Op.Subtract or Op.Multiply or Op.Divide or Op.Power or Op.Max or Op.Min:
                return EvaluateBinary(i, step);
            case Op.MaxAll or Op.MinAll:
                return EvaluateExtreme(i, step);
            case Op.Sum or Op.Mean or Op.LogSumExp or Op.Softmax:
                return EvaluateReduction(i, step);
            case Op.MatMul:
                return EvaluateMatMul(i, step);
            case Op.Dot:
                return EvaluateDot(i, step);
            case Op.Transpose:
                EvaluateTranspose(i, step);
                return null;
            case Op.Index:
                return EvaluateIndex(i, step);
            default:
                return Fail(step, $"unknown operation {step.Op}");
        }
    }

    private string? EvaluateUnary(int i, Step step)
    {
        var x = V(step.Args[0]);
        var y = Output(i, x.Shape);
        for (var k = 0; k < x.Count; k++)
        {
            var xk = x.Data[k];
            var domain = Elementwise.UnaryDomain(step.Op, xk);
            if (domain is not null)
            {
                return Fail(step, $"{domain}: {ArgText(step, 0)}{x.IndexText(k)} = {Numbers.Short(xk)}");
            }

            y.Data[k] = Elementwise.Unary(step.Op, xk);
            if (!double.IsFinite(y.Data[k]) && double.IsFinite(xk))
            {
                return Fail(step, $"the result overflows: {ArgText(step, 0)}{x.IndexText(k)} = {Numbers.Short(xk)}");
            }

            if (Elementwise.UnaryKink(step.Op, xk))
            {
                AddKink(i);
            }
        }

        return null;
    }

    private string? EvaluateBinary(int i, Step step)
    {
        var a = V(step.Args[0]);
        var b = V(step.Args[1]);
        Span<int> room = stackalloc int[2];
        var rank = Broadcast.TryShape(a.Shape, b.Shape, room);
        if (rank < 0)
        {
            return ShapeFail(step, Broadcast.Clash(a.Shape, b.Shape, -rank));
        }

        var y = Output(i, room[..rank]);
        var shape = y.Shape;
        var (va, vb, vy) = (new Broadcast(a.Shape, shape), new Broadcast(b.Shape, shape), new Broadcast(shape, shape));
        for (var r = 0; r < vy.Rows; r++)
        {
            for (var c = 0; c < vy.Columns; c++)
            {
                var (ia, ib) = (va.Index(r, c), vb.Index(r, c));
                var (ak, bk) = (a.Data[ia], b.Data[ib]);
                var domain = Elementwise.BinaryDomain(step.Op, ak, bk);
                if (domain is not null)
                {
                    return Fail(step, $"{domain}: {Operands(step, a, ia, b, ib)}");
                }

                var value = Elementwise.Binary(step.Op, ak, bk);
                if (!double.IsFinite(value) && double.IsFinite(ak) && double.IsFinite(bk))
                {
                    return Fail(step, $"the result overflows: {Operands(step, a, ia, b, ib)}");
                }

                y.Data[vy.Index(r, c)] = value;
                if (Elementwise.BinaryKink(step.Op, ak, bk))
                {
                    AddKink(i);
                }
            }
        }

        return null;
    }

    /// <summary>The operands' values, such as `x = 0`; a literal constant speaks for itself and is left out.</summary>
    private string Operands(Step step, Tensor a, int ia, Tensor b, int ib)
    {
        var parts = new List<string>();
        if (_tape.Steps[step.Args[0]].Op != Op.Constant)
        {
            parts.Add($"{ArgText(step, 0)}{a.IndexText(ia)} = {Numbers.Short(a.Data[ia])}");
        }

        if (_tape.Steps[step.Args[1]].Op != Op.Constant)
        {
            parts.Add($"{ArgText(step, 1)}{b.IndexText(ib)} = {Numbers.Short(b.Data[ib])}");
        }

        return parts.Count > 0 ? string.Join(", ", parts) : "both operands are constants";
    }

    private string? EvaluateExtreme(int i, Step step)
    {
        var x = V(step.Args[0]);
        var best = ExtremeIndex(step.Op, x, out var tie);
        Output(i, []).Data[0] = x.Data[best];
        if (tie)
        {
            AddKink(i);
        }

        return null;
    }

    /// <summary>The first index of the largest (or smallest) element; tie says whether another equals it.</summary>
    private static int ExtremeIndex(Op op, Tensor x, out bool tie)
    {
        var best = 0;
        tie = false;
        for (var k = 1; k < x.Count; k++)
        {
            var better = op == Op.MaxAll ? x.Data[k] > x.Data[best] : x.Data[k] < x.Data[best];
            if (better)
            {
                best = k;
                tie = false;
            }
            else if (x.Data[k] == x.Data[best])
            {
                tie = true;
            }
        }

        return best;
    }

    private string? EvaluateReduction(int i, Step step)
    {
        var x = V(step.Args[0]);
        var axis = step.Axis ?? (step.Op == Op.Softmax && x.Rank == 2 ? 1 : null);
        var error = Groups.TryCreate(x.Shape, axis, out var groups);
        if (error is not null)
        {
            return ShapeFail(step, error);
        }

        Span<int> reduced = [groups.Count];
        var y = Output(i, step.Op == Op.Softmax ? x.Shape : reduced[..groups.ReducedRank]);
        for (var g = 0; g < groups.Count; g++)
        {
            switch (step.Op)
            {
                case Op.Sum or Op.Mean:
                    var total = 0.0;
                    for (var k = 0; k < groups.Length; k++)
                    {
                        total += x.Data[groups.Index(g, k)];
                    }

                    y.Data[g] = step.Op == Op.Mean ? total / groups.Length : total;
                    break;
                case Op.LogSumExp:
                    y.Data[g] = LogSumExp(x, groups, g);
                    break;
                default:
                    var shift = LogSumExp(x, groups, g);
                    for (var k = 0; k < groups.Length; k++)
                    {
                        var at = groups.Index(g, k);
                        y.Data[at] = Math.Exp(x.Data[at] - shift);
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>log Σ exp(x), shifted by the maximum so that large x cannot overflow.</summary>
    private static double LogSumExp(Tensor x, Groups groups, int g)
    {
        var max = double.NegativeInfinity;
        for (var k = 0; k < groups.Length; k++)
        {
            max = Math.Max(max, x.Data[groups.Index(g, k)]);
        }

        var total = 0.0;
        for (var k = 0; k < groups.Length; k++)
        {
            total += Math.Exp(x.Data[groups.Index(g, k)] - max);
        }

        return max + Math.Log(total);
    }

    private string? EvaluateMatMul(int i, Step step)
    {
        var a = V(step.Args[0]);
        var b = V(step.Args[1]);
        if (a.IsScalar || b.IsScalar)
        {
            return ShapeFail(step, "`@` multiplies vectors and matrices; use `*` for a scalar");
        }

        var (m, inner) = a.Rank == 2 ? (a.Shape[0], a.Shape[1]) : (1, a.Shape[0]);
        var (inner2, n) = b.Rank == 2 ? (b.Shape[0], b.Shape[1]) : (b.Shape[0], 1);
        if (inner != inner2)
        {
            var want = b.Rank == 2 ? $"{inner} rows" : $"{inner} elements";
            var per = a.Rank == 2 ? "column" : "element";
            return ShapeFail(step, $"cannot multiply a {a.ShapeText} by a {b.ShapeText}: expected `{ArgText(step, 1)}` "
                + $"to have {want}, one for each {per} of `{ArgText(step, 0)}`");
        }

        // A vector on the left acts as a row, on the right as a column; neither stays in the shape.
        Span<int> shape = (a.Rank, b.Rank) switch
        {
            (2, 2) => [m, n],
            (2, _) => [m],
            (_, 2) => [n],
            _ => [],
        };
        var y = Output(i, shape);
        var (ad, bd, yd) = (a.Data, b.Data, y.Data);
        Array.Clear(yd);
        for (var r = 0; r < m; r++)
        {
            // Row r of Y is Σ_t A[r, t] B[t, :]: whole rows at a time, in memory order.
            var row = yd.AsSpan(r * n, n);
            for (var t = 0; t < inner; t++)
            {
                Kernels.AddScaled(ad[r * inner + t], bd.AsSpan(t * n, n), row);
            }
        }

        return null;
    }

    private void EvaluateTranspose(int i, Step step)
    {
        var x = V(step.Args[0]);
        if (x.Rank < 2)
        {
            Array.Copy(x.Data, Output(i, x.Shape).Data, x.Count);
            return;
        }

        var (rows, columns) = (x.Shape[0], x.Shape[1]);
        var y = Output(i, [columns, rows]);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                y.Data[c * rows + r] = x.Data[r * columns + c];
            }
        }
    }

    private string? EvaluateDot(int i, Step step)
    {
        var a = V(step.Args[0]);
        var b = V(step.Args[1]);
        if (a.Rank != 1 || b.Rank != 1 || a.Count != b.Count)
        {
            return ShapeFail(step, $"dot needs two vectors of one length, got {a.ShapeText} and {b.ShapeText}");
        }

        var total = 0.0;
        for (var k = 0; k < a.Count; k++)
        {
            total += a.Data[k] * b.Data[k];
        }

        Output(i, []).Data[0] = total;
        return null;
    }

    private string? EvaluateIndex(int i, Step step)
    {
        var x = V(step.Args[0]);
        var count = step.Args.Length - 1;
        if (count > x.Rank)
        {
            return ShapeFail(step, $"{Words.Count(count, "index", "indices")} for a {x.ShapeText}");
        }

        var offset = 0;
        for (var k = 0; k < count; k++)
        {
            var index = V(step.Args[k + 1]);
            var size = x.Shape[k];
            if (!index.IsScalar || Math.Round(index.ScalarValue) != index.ScalarValue)
            {
                return Fail(step, $"an index must be a whole number, got {ArgText(step, k + 1)} = {index}");
            }

            var at = (int)Math.Clamp(index.ScalarValue, -1, int.MaxValue);
            if (at < 0 || at >= size)
            {
                return Fail(step, $"index {Numbers.Short(index.ScalarValue)} is out of range 0 to {size - 1} "
                    + $"for a {x.ShapeText}");
            }

            offset = offset * size + at;
        }

        Span<int> row = [x.Shape[^1]];
        var y = Output(i, row[..(x.Rank - count)]);
        Array.Copy(x.Data, offset * y.Count, y.Data, 0, y.Count);
        return null;
    }
}
