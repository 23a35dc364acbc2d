using Xunit;
using static Grader.Tests.Tensors.TensorProblem;

namespace Grader.Tests.Tensors;

/// <summary>
/// Forward value and gradients of each tensor operation against formulas derived by
/// hand in the test, and against finite differences through the gradient checker.
/// </summary>
public class TensorOperationTests
{
    // f = A @ B with upstream U. Vectors act as a row on the left and a column on the right.
    // matrix-matrix: dA = U Bᵀ, dB = Aᵀ U; matrix-vector: dW = outer(u, x), dx = Wᵀ u;
    // vector-matrix: dx = W u, dW = outer(x, u); vector-vector: f = a·b, da = b, db = a.
    [Theory]
    [InlineData("[[1, -2, 0.5], [3, 0, -1]]", "[[2, 1], [-1, 0.5], [1, -3]]", "[[1, -1], [2, 0.5]]")]
    [InlineData("[[1, -2, 0.5], [3, 0, -1]]", "[2, 1, -1]", "[1, -2]")]
    [InlineData("[2, -1]", "[[1, -2, 0.5], [3, 0, -1]]", "[0.5, 1, -2]")]
    [InlineData("[1, 2, -3]", "[4, -0.5, 2]", null)]
    public void MatrixProductMatchesItsTextbookGradients(string a, string b, string? upstream)
    {
        var (A, B) = (Dense.Parse(a), Dense.Parse(b));
        var U = upstream is null ? Dense.Scalar(1) : Dense.Parse(upstream);
        var m = A.Shape.Length == 2 ? A.Rows : 1;
        var inner = A.Columns;
        var n = B.Shape.Length == 2 ? B.Columns : 1;
        double Bk(int t, int c) => B.Data[t * n + c];
        double Uk(int r, int c) => U.Data[r * n + c];

        var product = Reshape(Dense.Matrix(m, n, (r, c) => Sum(inner, t => A.Data[r * inner + t] * Bk(t, c))), A, B);
        var dA = A with { Data = Dense.Matrix(m, inner, (r, t) => Sum(n, c => Uk(r, c) * Bk(t, c))).Data };
        var dB = B with { Data = Dense.Matrix(inner, n, (t, c) => Sum(m, r => A.Data[r * inner + t] * Uk(r, c))).Data };

        var solution = SolveChecked(SetText("f: A @ B", [("A", a), ("B", b)], upstream));

        AssertClose(product, solution.Values["f"]);
        AssertClose(dA, solution.Gradients!["A"]);
        AssertClose(dB, solution.Gradients!["B"]);
    }

    private static double Sum(int count, Func<int, double> term) => Enumerable.Range(0, count).Sum(term);

    private static Dense Reshape(Dense product, Dense a, Dense b) => (a.Shape.Length, b.Shape.Length) switch
    {
        (2, 2) => product,
        (2, _) => new([a.Rows], product.Data),
        (_, 2) => new([b.Columns], product.Data),
        _ => Dense.Scalar(product.Data[0]),
    };

    // A bias b broadcast over the rows of X: (X + b)[r, c] = X[r, c] + b[c], so dX = U and
    // db[c] = Σ_r U[r, c]; (X * b)[r, c] = X[r, c] b[c], so dX = U b and db[c] = Σ_r U[r, c] X[r, c].
    [Theory]
    [InlineData("X + b", "[[1, -2, 0.5], [3, 0, -1]]", "[0.5, -1, 2]")]
    [InlineData("b + X", "[[1, -2, 0.5], [3, 0, -1]]", "[0.5, -1, 2]")]
    [InlineData("X * b", "[[1, -2, 0.5], [3, 0, -1]]", "[0.5, -1, 2]")]
    [InlineData("b * X", "[[1, -2, 0.5], [3, 0, -1], [2, 2, -2]]", "[1.5, 3, -0.25]")]
    public void BiasBroadcastOverRowsSumsItsGradientOverTheRows(string expression, string x, string b)
    {
        var (X, B) = (Dense.Parse(x), Dense.Parse(b));
        var U = Dense.Matrix(X.Rows, X.Columns, (r, c) => 1 + r - 0.5 * c);
        var adds = expression.Contains('+');

        var value = Dense.Matrix(X.Rows, X.Columns, (r, c) => adds ? X[r, c] + B.Data[c] : X[r, c] * B.Data[c]);
        var dX = Dense.Matrix(X.Rows, X.Columns, (r, c) => adds ? U[r, c] : U[r, c] * B.Data[c]);
        var dB = Dense.Vector(X.Columns, c => Sum(X.Rows, r => adds ? U[r, c] : U[r, c] * X[r, c]));

        var solution = SolveChecked(SetText($"f: {expression}", [("X", x), ("b", b)], Json(U)));

        AssertClose(value, solution.Values["f"]);
        AssertClose(dX, solution.Gradients!["X"]);
        AssertClose(dB, solution.Gradients!["b"]);
    }

    private static string Json(Dense t) => t.Shape.Length switch
    {
        0 => Number(t.Data[0]),
        1 => "[" + string.Join(", ", t.Data.Select(Number)) + "]",
        _ => "[" + string.Join(", ", Enumerable.Range(0, t.Rows)
            .Select(r => "[" + string.Join(", ", Enumerable.Range(0, t.Columns).Select(c => Number(t[r, c]))) + "]")) + "]",
    };

    private static string Number(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    // sum over all: df/dX = 1; mean over all: 1/N. Along axis 0 (down the columns) the
    // result has one entry per column and dX[r, c] = u[c]; along axis 1, one per row, u[r].
    [Theory]
    [InlineData("sum", null)]
    [InlineData("mean", null)]
    [InlineData("sum", 0)]
    [InlineData("mean", 0)]
    [InlineData("sum", 1)]
    [InlineData("mean", 1)]
    [InlineData("sum", -1)]
    public void SumAndMeanReduceAlongTheirAxis(string function, int? axis)
    {
        var X = Dense.Parse("[[1, -2, 0.5], [3, 0, -1]]");
        var mean = function == "mean";
        var along = axis switch { null => X.Data.Length, 0 => X.Rows, _ => X.Columns };
        var scale = mean ? 1.0 / along : 1.0;
        Dense value;
        Dense U;
        Func<int, int, double> dX;
        if (axis is null)
        {
            value = Dense.Scalar(X.Data.Sum() * scale);
            U = Dense.Scalar(1);
            dX = (_, _) => scale;
        }
        else if (axis == 0)
        {
            value = Dense.Vector(X.Columns, c => Sum(X.Rows, r => X[r, c]) * scale);
            U = Dense.Vector(X.Columns, c => 2 - c);
            dX = (_, c) => U.Data[c] * scale;
        }
        else
        {
            value = Dense.Vector(X.Rows, r => Sum(X.Columns, c => X[r, c]) * scale);
            U = Dense.Vector(X.Rows, r => 3 * r - 1);
            dX = (r, _) => U.Data[r] * scale;
        }

        var call = axis is null ? $"{function}(X)" : $"{function}(X, {axis})";
        var upstream = axis is null ? null : Json(U);
        var solution = SolveChecked(SetText($"f: {call}", [("X", "[[1, -2, 0.5], [3, 0, -1]]")], upstream));

        AssertClose(value, solution.Values["f"]);
        AssertClose(Dense.Matrix(X.Rows, X.Columns, dX), solution.Gradients!["X"]);
    }

    [Theory]
    [InlineData("sum(x)", 2.5, 1.0)]
    [InlineData("mean(x)", 0.625, 0.25)]
    [InlineData("sum(x, 0)", 2.5, 1.0)]
    public void SumAndMeanOfAVectorGiveAScalar(string call, double value, double slope)
    {
        var solution = SolveChecked(SetText($"f: {call}", [("x", "[1, -2, 0.5, 3]")]));

        AssertClose(Dense.Scalar(value), solution.Values["f"]);
        AssertClose(Dense.Vector(4, _ => slope), solution.Gradients!["x"]);
    }

    // p = softmax(s), p_i = exp(s_i) / Σ_j exp(s_j); Jacobian ∂p_i/∂s_j = p_i (δ_ij - p_j);
    // ds_j = Σ_i u_i ∂p_i/∂s_j.
    [Theory]
    [InlineData("[1, -0.5, 2]", "[1, 0, -2]")]
    [InlineData("[0.3]", "[2]")]
    [InlineData("[-1, 5, 2, 0]", "[0.5, -1, 3, 1]")]
    public void SoftmaxOfAVectorBackpropagatesThroughItsJacobian(string s, string u)
    {
        var (S, U) = (Dense.Parse(s), Dense.Parse(u));
        var p = SoftmaxRow(S.Data);
        var ds = Dense.Vector(p.Length, j => Sum(p.Length, i => U.Data[i] * p[i] * ((i == j ? 1 : 0) - p[j])));

        var solution = SolveChecked(SetText("p: softmax(s)", [("s", s)], u));

        AssertClose(new Dense([p.Length], p), solution.Values["p"]);
        AssertClose(ds, solution.Gradients!["s"]);
    }

    private static double[] SoftmaxRow(IEnumerable<double> s)
    {
        var e = s.Select(Math.Exp).ToArray();
        return e.Select(v => v / e.Sum()).ToArray();
    }

    // A matrix is normalised row by row unless an axis is given; axis 0 normalises columns.
    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(0)]
    public void SoftmaxOfAMatrixNormalisesEachRowOrColumn(int? axis)
    {
        var X = Dense.Parse("[[1, -0.5, 2], [0, 3, -1]]");
        var U = Dense.Parse("[[1, 0, -2], [0.5, 2, 1]]");
        var byColumn = axis == 0;
        var (groups, length) = byColumn ? (X.Columns, X.Rows) : (X.Rows, X.Columns);
        int At(int g, int k) => byColumn ? k * X.Columns + g : g * X.Columns + k;
        var p = new double[X.Data.Length];
        var dX = new double[X.Data.Length];
        for (var g = 0; g < groups; g++)
        {
            var row = SoftmaxRow(Enumerable.Range(0, length).Select(k => X.Data[At(g, k)]));
            for (var j = 0; j < length; j++)
            {
                p[At(g, j)] = row[j];
                dX[At(g, j)] = Sum(length, i => U.Data[At(g, i)] * row[i] * ((i == j ? 1 : 0) - row[j]));
            }
        }

        var call = axis is null ? "softmax(X)" : $"softmax(X, {axis})";
        var solution = SolveChecked(SetText($"p: {call}", [("X", Json(X))], Json(U)));

        AssertClose(X with { Data = p }, solution.Values["p"]);
        AssertClose(X with { Data = dX }, solution.Gradients!["X"]);
    }

    // logsumexp(s) = log Σ exp(s_i); its gradient is exp(s_i) / Σ_j exp(s_j).
    [Theory]
    [InlineData("[1, -0.5, 2]")]
    [InlineData("[[1, 2], [-3, 0.5]]")]
    public void LogSumExpOfAllElementsHasTheSoftmaxAsGradient(string s)
    {
        var S = Dense.Parse(s);
        var max = S.Data.Max();
        var value = max + Math.Log(S.Data.Sum(v => Math.Exp(v - max)));
        var gradient = S.Map(v => Math.Exp(v - max) / S.Data.Sum(w => Math.Exp(w - max)));

        var solution = SolveChecked(SetText("f: logsumexp(s)", [("s", s)]));

        AssertClose(Dense.Scalar(value), solution.Values["f"]);
        AssertClose(gradient, solution.Gradients!["s"]);
    }

    // Shifted by the maximum, large inputs neither overflow nor lose the gradient. (The gradient
    // checker is left out here: its first step, 5 % of |s|, is too coarse at s = 700.)
    [Fact]
    public void LogSumExpOfLargeInputsStaysFinite()
    {
        var solution = Grader.Solving.Solver.Solve(Compile(SetText("f: logsumexp(s)", [("s", "[700, 701, 699]")])));
        var e = new[] { Math.Exp(-1), 1, Math.Exp(-2) };

        AssertClose(Dense.Scalar(701 + Math.Log(e.Sum())), solution.Values["f"]);
        AssertClose(new Dense([3], e.Select(v => v / e.Sum()).ToArray()), solution.Gradients!["s"]);
    }

    [Fact]
    public void LogSumExpAlongRowsGivesOneValuePerRow()
    {
        var X = Dense.Parse("[[1, 2, 0], [-3, 0.5, 1]]");
        var U = Dense.Parse("[2, -1]");
        var value = Dense.Vector(2, r => Math.Log(Sum(3, c => Math.Exp(X[r, c]))));
        var dX = Dense.Matrix(2, 3, (r, c) => U.Data[r] * Math.Exp(X[r, c]) / Sum(3, k => Math.Exp(X[r, k])));

        var solution = SolveChecked(SetText("f: logsumexp(X, 1)", [("X", Json(X))], Json(U)));

        AssertClose(value, solution.Values["f"]);
        AssertClose(dX, solution.Gradients!["X"]);
    }

    // max(X) and min(X) pass the whole gradient to the one extreme element.
    [Theory]
    [InlineData("max", 3.0, 1, 0)]
    [InlineData("min", -2.0, 0, 1)]
    public void MaxAndMinOverElementsRouteTheGradientToTheExtreme(string function, double value, int row, int column)
    {
        var solution = SolveChecked(SetText($"f: {function}(X)", [("X", "[[1, -2, 0.5], [3, 0, -1]]")]));

        AssertClose(Dense.Scalar(value), solution.Values["f"]);
        AssertClose(Dense.Matrix(2, 3, (r, c) => r == row && c == column ? 1 : 0), solution.Gradients!["X"]);
    }

    // max(a, b) element-wise: the gradient goes to the larger operand of each pair.
    [Fact]
    public void ElementwiseMaxOfTwoMatricesRoutesEachGradientToTheLarger()
    {
        var (A, B) = (Dense.Parse("[[1, -2], [3, 0]]"), Dense.Parse("[[0.5, -1], [4, -3]]"));
        var U = Dense.Parse("[[1, 2], [3, 4]]");

        var solution = SolveChecked(SetText("f: max(A, B)", [("A", Json(A)), ("B", Json(B))], Json(U)));

        AssertClose(A.Zip(B, Math.Max), solution.Values["f"]);
        AssertClose(A with { Data = U.Data.Select((u, k) => A.Data[k] > B.Data[k] ? u : 0).ToArray() },
            solution.Gradients!["A"]);
        AssertClose(A with { Data = U.Data.Select((u, k) => A.Data[k] > B.Data[k] ? 0 : u).ToArray() },
            solution.Gradients!["B"]);
    }

    // dot(a, b) = Σ a_i b_i; da = b, db = a.
    [Fact]
    public void DotProductGradientOfEachVectorIsTheOther()
    {
        var solution = SolveChecked(SetText("f: dot(a, b)", [("a", "[1, 2, -3]"), ("b", "[4, -0.5, 2]")]));

        AssertClose(Dense.Scalar(-3), solution.Values["f"]);
        AssertClose(Dense.Parse("[4, -0.5, 2]"), solution.Gradients!["a"]);
        AssertClose(Dense.Parse("[1, 2, -3]"), solution.Gradients!["b"]);
    }

    // T = Wᵀ: T[c, r] = W[r, c], so dW = Uᵀ.
    [Fact]
    public void TransposeSendsBackTheTransposedGradient()
    {
        var W = Dense.Parse("[[1, -2, 0.5], [3, 0, -1]]");
        var U = Dense.Parse("[[1, 2], [3, 4], [5, 6]]");

        var solution = SolveChecked(SetText("T: transpose(W)", [("W", Json(W))], Json(U)));

        AssertClose(Dense.Matrix(3, 2, (r, c) => W[c, r]), solution.Values["T"]);
        AssertClose(Dense.Matrix(2, 3, (r, c) => U[c, r]), solution.Gradients!["W"]);
    }

    // Indexing selects an element or a row; the gradient lands on exactly what was selected.
    [Theory]
    [InlineData("f: s[1]", "[0, 1, 0]", null)]
    [InlineData("f: s[y]", "[0, 0, 1]", null)]
    [InlineData("f: W[1, 0]", "[[0, 0, 0], [1, 0, 0]]", null)]
    [InlineData("f: W[y, 1]", "[[0, 0, 0], [0, 1, 0]]", null)]
    [InlineData("f: W[1]", "[[0, 0, 0], [1, -2, 4]]", "[1, -2, 4]")]
    [InlineData("f: W[0] * s", "[[2, -1, 1.5], [0, 0, 0]]", "[1, 1, 1]")]
    public void IndexingSendsTheGradientToTheSelectedElements(string nodes, string gradient, string? upstream)
    {
        var inputs = new List<(string, string)>();
        var target = nodes.Contains('W') ? "W" : "s";
        inputs.Add(("W", "[[1, -2, 0.5], [3, 0, -1]]"));
        if (nodes.Contains('s'))
        {
            inputs.Add(("s", "[2, -1, 1.5]"));
        }

        if (nodes.Contains('y'))
        {
            inputs.Add(("y", nodes.Contains("W[y") ? "1" : "2"));
        }

        var used = inputs.Where(i => nodes.Contains(i.Item1)).ToArray();

        var solution = SolveChecked(SetText(nodes, used, upstream));

        AssertClose(Dense.Parse(gradient), solution.Gradients![target]);
    }

    [Theory]
    [InlineData("f: s[2]", "1.5")]
    [InlineData("f: s[y]", "1.5")]
    [InlineData("f: W[1, 2]", "-1")]
    [InlineData("f: W[1]", "[3, 0, -1]")]
    [InlineData("f: W[y]", "[3, 0, -1]")]
    public void IndexingReadsTheSelectedElementOrRow(string nodes, string value)
    {
        (string, string)[] all = [("W", "[[1, -2, 0.5], [3, 0, -1]]"), ("s", "[2, -1, 1.5]")];
        var y = nodes.Contains('W') ? "1" : "2";
        var inputs = all.Where(i => nodes.Contains(i.Item1)).Concat(nodes.Contains('y') ? [("y", y)] : []).ToArray();
        var upstream = value.StartsWith('[') ? "[1, 1, 1]" : null;

        var solution = SolveChecked(SetText(nodes, inputs, upstream));

        AssertClose(Dense.Parse(value), solution.Values["f"]);
    }

    // Each function applies to every element; dX = U ⊙ f'(X), with f' written out here.
    [Theory]
    [InlineData("tanh")]
    [InlineData("sigmoid")]
    [InlineData("exp")]
    [InlineData("log")]
    [InlineData("sqrt")]
    [InlineData("sin")]
    [InlineData("cos")]
    [InlineData("relu")]
    [InlineData("abs")]
    public void ElementwiseFunctionsApplyToEachElementOfAMatrix(string function)
    {
        var positive = function is "log" or "sqrt";
        var X = Dense.Parse(positive ? "[[1, 2.5, 0.5], [3, 0.2, 4]]" : "[[1, -2, 0.5], [3, -0.2, -1]]");
        var U = Dense.Parse("[[1, -1, 2], [0.5, 3, -2]]");
        Func<double, double> f = function switch
        {
            "tanh" => v => (Math.Exp(v) - Math.Exp(-v)) / (Math.Exp(v) + Math.Exp(-v)),
            "sigmoid" => v => 1 / (1 + Math.Exp(-v)),
            "exp" => Math.Exp,
            "log" => Math.Log,
            "sqrt" => Math.Sqrt,
            "sin" => Math.Sin,
            "cos" => Math.Cos,
            "relu" => v => Math.Max(v, 0),
            _ => Math.Abs,
        };
        Func<double, double> slope = function switch
        {
            "tanh" => v => 4 / Math.Pow(Math.Exp(v) + Math.Exp(-v), 2),      // sech²(v)
            "sigmoid" => v => Math.Exp(-v) / Math.Pow(1 + Math.Exp(-v), 2),
            "exp" => Math.Exp,
            "log" => v => 1 / v,
            "sqrt" => v => 1 / (2 * Math.Sqrt(v)),
            "sin" => Math.Cos,
            "cos" => v => -Math.Sin(v),
            "relu" => v => v > 0 ? 1 : 0,
            _ => v => v > 0 ? 1 : -1,
        };

        var solution = SolveChecked(SetText($"F: {function}(X)", [("X", Json(X))], Json(U)));

        AssertClose(X.Map(f), solution.Values["F"]);
        AssertClose(U.Zip(X, (u, v) => u * slope(v)), solution.Gradients!["X"]);
    }
}
