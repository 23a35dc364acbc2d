namespace Grader.Tests.Tapes;

/// <summary>A dual number v + t ε with ε² = 0: t carries the derivative along one direction.</summary>
internal readonly record struct Dual(double V, double T)
{
    public static Dual operator +(Dual a, Dual b) => new(a.V + b.V, a.T + b.T);

    public static Dual operator *(Dual a, Dual b) => new(a.V * b.V, a.T * b.V + a.V * b.T);

    public static Dual operator /(Dual a, Dual b) => new(a.V / b.V, (a.T * b.V - a.V * b.T) / (b.V * b.V));

    public static Dual Exp(Dual a) => new(Math.Exp(a.V), a.T * Math.Exp(a.V));

    public static Dual Log(Dual a) => new(Math.Log(a.V), a.T / a.V);

    // tanh' = 1 / cosh²; σ' = e^-v / (1 + e^-v)², written independently of the tape's forms.
    public static Dual Tanh(Dual a) => new(Math.Tanh(a.V), a.T / (Math.Cosh(a.V) * Math.Cosh(a.V)));

    public static Dual Sigmoid(Dual a) =>
        new(1 / (1 + Math.Exp(-a.V)), a.T * Math.Exp(-a.V) / ((1 + Math.Exp(-a.V)) * (1 + Math.Exp(-a.V))));
}

/// <summary>
/// A tensor of dual numbers, and the operations of the random expressions written from
/// their definitions, as forward-mode automatic differentiation: an independent reference
/// for the tape's reverse mode.
/// </summary>
internal sealed record DualTensor(int[] Shape, Dual[] Data)
{
    public int Rows => Shape.Length == 2 ? Shape[0] : 1;

    public int Columns => Shape.Length == 0 ? 1 : Shape[^1];

    public DualTensor Map(Func<Dual, Dual> f) => this with { Data = Data.Select(f).ToArray() };

    /// <summary>a + b or a * b where b has a's shape, is a's row shape (a bias), or is a scalar.</summary>
    public static DualTensor Zip(DualTensor a, DualTensor b, Func<Dual, Dual, Dual> f)
    {
        if (a.Data.Length < b.Data.Length)
        {
            return Zip(b, a, (x, y) => f(y, x));
        }

        return a with { Data = a.Data.Select((x, k) => f(x, b.Data[k % b.Data.Length])).ToArray() };
    }

    /// <summary>C[i, j] = Σ_k A[i, k] B[k, j], a vector being a row on the left and a column on the right.</summary>
    public static DualTensor MatMul(DualTensor a, DualTensor b)
    {
        var (m, inner) = a.Shape.Length == 2 ? (a.Shape[0], a.Shape[1]) : (1, a.Shape[0]);
        var n = b.Shape.Length == 2 ? b.Shape[1] : 1;
        var data = new Dual[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var total = new Dual(0, 0);
                for (var k = 0; k < inner; k++)
                {
                    total += a.Data[i * inner + k] * b.Data[k * n + j];
                }

                data[i * n + j] = total;
            }
        }

        int[] shape = (a.Shape.Length, b.Shape.Length) switch
        {
            (2, 2) => [m, n],
            (2, _) => [m],
            (_, 2) => [n],
            _ => [],
        };
        return new(shape, data);
    }

    /// <summary>Sums all elements (axis null), down each column (0) or along each row (1).</summary>
    public static DualTensor Sum(DualTensor x, int? axis) => Reduce(x, axis, group => group.Aggregate((p, q) => p + q));

    public static DualTensor LogSumExp(DualTensor x, int? axis) =>
        Reduce(x, axis, group => Dual.Log(group.Select(Dual.Exp).Aggregate((p, q) => p + q)));

    /// <summary>exp(x_i) / Σ_j exp(x_j) over a vector, or over each row of a matrix.</summary>
    public static DualTensor Softmax(DualTensor x)
    {
        var data = new Dual[x.Data.Length];
        for (var r = 0; r < x.Rows; r++)
        {
            var row = x.Data.Skip(r * x.Columns).Take(x.Columns).Select(Dual.Exp).ToArray();
            var total = row.Aggregate((p, q) => p + q);
            for (var c = 0; c < x.Columns; c++)
            {
                data[r * x.Columns + c] = row[c] / total;
            }
        }

        return x with { Data = data };
    }

    private static DualTensor Reduce(DualTensor x, int? axis, Func<IEnumerable<Dual>, Dual> f)
    {
        if (axis is null)
        {
            return new([], [f(x.Data)]);
        }

        if (axis == 0)
        {
            return new([x.Columns], Enumerable.Range(0, x.Columns)
                .Select(c => f(Enumerable.Range(0, x.Rows).Select(r => x.Data[r * x.Columns + c]))).ToArray());
        }

        return new([x.Rows], Enumerable.Range(0, x.Rows)
            .Select(r => f(x.Data.Skip(r * x.Columns).Take(x.Columns))).ToArray());
    }
}
