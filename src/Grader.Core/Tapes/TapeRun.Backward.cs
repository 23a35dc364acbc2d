using Grader.Values;

namespace Grader.Tapes;

public sealed partial class TapeRun
{
    /// <summary>Sends the gradient of step i to the steps it reads, by the chain rule.</summary>
    private void Propagate(int i)
    {
        var step = _tape.Steps[i];
        var g = _grads[i]!;
        switch (step.Op)
        {
            case Op.Input or Op.Constant:
                return;
            case Op.Identity or Op.Negate or Op.Exp or Op.Log or Op.Sqrt or Op.Sin or Op.Cos or Op.Tan
                or Op.Tanh or Op.Sigmoid or Op.Relu or Op.Abs:
                BackUnary(i, step, g);
                return;
            case Op.Add or Op.Subtract or Op.Multiply or Op.Divide or Op.Power or Op.Max or Op.Min:
                BackBinary(i, step, g);
                return;
            case Op.MaxAll or Op.MinAll:
                if (Wants(step.Args[0]) is { } gx)
                {
                    gx.Data[ExtremeIndex(step.Op, V(step.Args[0]), out _)] += g.Data[0];
                }

                return;
            case Op.Sum or Op.Mean or Op.LogSumExp or Op.Softmax:
                BackReduction(i, step, g);
                return;
            case Op.MatMul:
                BackMatMul(step, g);
                return;
            case Op.Dot:
                BackDot(step, g);
                return;
            case Op.Transpose:
                BackTranspose(step, g);
                return;
            case Op.Index:
                BackIndex(step, g);
                return;
        }
    }

    /// <summary>The gradient buffer of an argument, or null when no gradient is needed there.</summary>
    private Tensor? Wants(int arg) => _tape.DependsOnInput[arg] ? Grad(arg) : null;

    private void BackUnary(int i, Step step, Tensor g)
    {
        if (Wants(step.Args[0]) is not { } gx)
        {
            return;
        }

        var (x, y) = (V(step.Args[0]), V(i));
        for (var k = 0; k < x.Count; k++)
        {
            gx.Data[k] += g.Data[k] * Elementwise.UnaryDerivative(step.Op, x.Data[k], y.Data[k]);
        }
    }

    private void BackBinary(int i, Step step, Tensor g)
    {
        var (a, b, y) = (V(step.Args[0]), V(step.Args[1]), V(i));
        var ga = Wants(step.Args[0]);
        var gb = Wants(step.Args[1]);
        var (va, vb, vy) = (
            new Broadcast(a.Shape, y.Shape), new Broadcast(b.Shape, y.Shape), new Broadcast(y.Shape, y.Shape));
        for (var r = 0; r < vy.Rows; r++)
        {
            for (var c = 0; c < vy.Columns; c++)
            {
                var (ia, ib, iy) = (va.Index(r, c), vb.Index(r, c), vy.Index(r, c));
                var (ak, bk, yk, gk) = (a.Data[ia], b.Data[ib], y.Data[iy], g.Data[iy]);
                if (ga is not null)
                {
                    ga.Data[ia] += gk * Elementwise.LeftDerivative(step.Op, ak, bk, yk);
                }

                if (gb is not null)
                {
                    gb.Data[ib] += gk * Elementwise.RightDerivative(step.Op, ak, bk, yk);
                }
            }
        }
    }

    private void BackReduction(int i, Step step, Tensor g)
    {
        if (Wants(step.Args[0]) is not { } gx)
        {
            return;
        }

        var (x, y) = (V(step.Args[0]), V(i));
        var axis = step.Axis ?? (step.Op == Op.Softmax && x.Rank == 2 ? 1 : null);
        Groups.TryCreate(x.Shape, axis, out var groups);
        for (var n = 0; n < groups.Count; n++)
        {
            switch (step.Op)
            {
                case Op.Sum or Op.Mean:
                    // d sum / dx_k = 1; d mean / dx_k = 1/n
                    var share = step.Op == Op.Mean ? g.Data[n] / groups.Length : g.Data[n];
                    for (var k = 0; k < groups.Length; k++)
                    {
                        gx.Data[groups.Index(n, k)] += share;
                    }

                    break;
                case Op.LogSumExp:
                    // d logsumexp / dx_k = softmax(x)_k
                    for (var k = 0; k < groups.Length; k++)
                    {
                        var at = groups.Index(n, k);
                        gx.Data[at] += g.Data[n] * Math.Exp(x.Data[at] - y.Data[n]);
                    }

                    break;
                default:
                    // softmax: dx = y * (g - Σ g y)
                    var dotted = 0.0;
                    for (var k = 0; k < groups.Length; k++)
                    {
                        var at = groups.Index(n, k);
                        dotted += g.Data[at] * y.Data[at];
                    }

                    for (var k = 0; k < groups.Length; k++)
                    {
                        var at = groups.Index(n, k);
                        gx.Data[at] += y.Data[at] * (g.Data[at] - dotted);
                    }

                    break;
            }
        }
    }

    /// <summary>
    /// For Y = A B: dA = dY Bᵀ and dB = Aᵀ dY, with vectors read as a row (left) or column (right).
    /// </summary>
    private void BackMatMul(Step step, Tensor g)
    {
        var (a, b) = (V(step.Args[0]), V(step.Args[1]));
        var (m, inner) = a.Rank == 2 ? (a.Shape[0], a.Shape[1]) : (1, a.Shape[0]);
        var n = b.Rank == 2 ? b.Shape[1] : 1;
        var (ad, bd, gd) = (a.Data, b.Data, g.Data);
        if (Wants(step.Args[0]) is { } ga)
        {
            for (var r = 0; r < m; r++)
            {
                // dA[r, t] = dY[r, :] · B[t, :]
                for (var t = 0; t < inner; t++)
                {
                    ga.Data[r * inner + t] += Kernels.Dot(gd.AsSpan(r * n, n), bd.AsSpan(t * n, n));
                }
            }
        }

        if (Wants(step.Args[1]) is { } gb)
        {
            for (var r = 0; r < m; r++)
            {
                // dB[t, :] += A[r, t] dY[r, :]
                for (var t = 0; t < inner; t++)
                {
                    Kernels.AddScaled(ad[r * inner + t], gd.AsSpan(r * n, n), gb.Data.AsSpan(t * n, n));
                }
            }
        }
    }

    /// <summary>For Y = Xᵀ: dX = dYᵀ; a vector is its own transpose.</summary>
    private void BackTranspose(Step step, Tensor g)
    {
        if (Wants(step.Args[0]) is not { } gx)
        {
            return;
        }

        var (rows, columns) = (gx.Rows, gx.Columns);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                gx.Data[r * columns + c] += g.Data[c * rows + r];
            }
        }
    }

    private void BackDot(Step step, Tensor g)
    {
        var (a, b) = (V(step.Args[0]), V(step.Args[1]));
        var upstream = g.Data[0];
        if (Wants(step.Args[0]) is { } ga)
        {
            for (var k = 0; k < a.Count; k++)
            {
                ga.Data[k] += upstream * b.Data[k];
            }
        }

        if (Wants(step.Args[1]) is { } gb)
        {
            for (var k = 0; k < b.Count; k++)
            {
                gb.Data[k] += upstream * a.Data[k];
            }
        }
    }

    private void BackIndex(Step step, Tensor g)
    {
        if (Wants(step.Args[0]) is not { } gx)
        {
            return;
        }

        var x = V(step.Args[0]);
        var offset = 0;
        for (var k = 1; k < step.Args.Length; k++)
        {
            offset = offset * x.Shape[k - 1] + (int)V(step.Args[k]).ScalarValue;
        }

        for (var k = 0; k < g.Count; k++)
        {
            gx.Data[offset * g.Count + k] += g.Data[k];
        }
    }
}
