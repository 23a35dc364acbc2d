using System.Globalization;
using System.Text;
using CsCheck;
using Grader.Graphs;
using Grader.Problems;
using Grader.Solving;
using Xunit;

namespace Grader.Tests.Tapes;

/// <summary>
/// Backprop on random small tensor expressions agrees with forward-mode dual numbers,
/// evaluated once per input element, to a relative error of 1e-9 (absolute below 1).
/// </summary>
public class BackpropPropertyTests
{
    private const double RelativeTolerance = 1e-9;

    /// <summary>The kinds of value an expression can have: m×n, n-vector, m-vector, scalar.</summary>
    private enum Kind
    {
        Matrix,
        VectorN,
        VectorM,
        Scalar,
    }

    /// <summary>An expression as text for Grader, and as a function of the dual inputs for the reference.</summary>
    private sealed record Term(string Text, Func<IReadOnlyDictionary<string, DualTensor>, DualTensor> Eval);

    private static readonly (string Name, Kind Kind)[] Inputs =
        [("A", Kind.Matrix), ("B", Kind.Matrix), ("x", Kind.VectorN), ("b", Kind.VectorM), ("c", Kind.Scalar)];

    [Fact]
    public void BackpropAgreesWithDualNumbersOnRandomTensorExpressions()
    {
        var cases = Gen.Select(Gen.Int[1, 3], Gen.Int[1, 3], Gen.Int[0, 3], Gen.Int);
        // A fixed seed: the same 150 cases on every run, so that CI cannot be flaky.
        cases.Array[150].Sample(all =>
        {
            foreach (var (m, n, depth, seed) in all)
            {
                Agrees(m, n, depth, seed);
            }
        }, seed: "0N0XIzNsQ0O2", iter: 1);
    }

    private static void Agrees(int m, int n, int depth, int seed)
    {
        var random = new Random(seed);
        var values = new Dictionary<string, double[]>();
        int[] ShapeOf(Kind kind) => kind switch
        {
            Kind.Matrix => [m, n],
            Kind.VectorN => [n],
            Kind.VectorM => [m],
            _ => [],
        };
        foreach (var (name, kind) in Inputs)
        {
            var count = ShapeOf(kind).Aggregate(1, (p, q) => p * q);
            values[name] = Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble() * 2 - 1, 3)).ToArray();
        }

        var body = Build(random, random.Next(4) switch { 0 => Kind.Matrix, 1 => Kind.VectorN, 2 => Kind.VectorM, _ => Kind.Scalar }, depth);
        var root = new Term($"sum({body.Text})", e => DualTensor.Sum(body.Eval(e), null));

        var yaml = SetText(root.Text, Inputs.Select(i => (i.Name, Literal(values[i.Name], ShapeOf(i.Kind)))));
        var (set, diagnostics) = ProblemSetLoader.Load(yaml, "random.yaml");
        Assert.True(set is not null, yaml + string.Join("\n", diagnostics));
        var solution = Solver.Solve(ProblemCompiler.Compile(set!.Problems[0], set.Id, null));
        Assert.True(solution.Failure is null, yaml + solution.Failure);

        foreach (var (name, kind) in Inputs)
        {
            var backprop = solution.Gradients![name];
            for (var k = 0; k < values[name].Length; k++)
            {
                var env = Inputs.ToDictionary(i => i.Name, i => new DualTensor(ShapeOf(i.Kind),
                    values[i.Name].Select((v, j) => new Dual(v, i.Name == name && j == k ? 1 : 0)).ToArray()));
                var expected = root.Eval(env).Data[0].T;
                var got = backprop.Data[k];

                // Relative to the larger magnitude, floored at 1: a gradient that cancels to zero,
                // such as that of sum(softmax(x)), is left with rounding of order 1e-15.
                var scale = Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(got)));
                Assert.True(Math.Abs(expected - got) <= RelativeTolerance * scale,
                    $"d/d{name}[{k}] of {root.Text}: backprop {got}, dual numbers {expected}");
            }
        }
    }

    /// <summary>A random expression of the given kind, at most <paramref name="depth"/> operations deep.</summary>
    private static Term Build(Random random, Kind kind, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return Leaf(random, kind);
        }

        Term Sub(Kind k) => Build(random, k, depth - 1);
        switch (random.Next(4))
        {
            case 0:
                var f = new[] { "tanh", "sigmoid", "exp" }[random.Next(3)];
                var inner = Sub(kind);
                Func<Dual, Dual> g = f switch { "tanh" => Dual.Tanh, "sigmoid" => Dual.Sigmoid, _ => Dual.Exp };
                return new($"{f}({inner.Text})", e => inner.Eval(e).Map(g));
            case 1:
                // The right operand is of the same kind, or a row bias for a matrix, or a scalar.
                var left = Sub(kind);
                var right = Sub(kind == Kind.Matrix && random.Next(2) == 0 ? Kind.VectorN
                    : random.Next(4) == 0 ? Kind.Scalar : kind);
                var multiply = random.Next(3) == 0;
                return new($"({left.Text} {(multiply ? "*" : "+")} {right.Text})",
                    e => DualTensor.Zip(left.Eval(e), right.Eval(e), multiply ? (p, q) => p * q : (p, q) => p + q));
            case 2:
                return Product(random, kind, Sub);
            default:
                return Reduction(random, kind, Sub);
        }
    }

    private static Term Product(Random random, Kind kind, Func<Kind, Term> sub)
    {
        var (left, right) = kind switch
        {
            Kind.Matrix => (sub(Kind.Matrix), new Term("transpose(B) @ B", e => DualTensor.MatMul(Transpose(e["B"]), e["B"]))),
            Kind.VectorN => (sub(Kind.VectorM), sub(Kind.Matrix)),
            Kind.VectorM => (sub(Kind.Matrix), sub(Kind.VectorN)),
            _ => (sub(Kind.VectorN), sub(Kind.VectorN)),
        };
        return new($"({left.Text} @ {right.Text})", e => DualTensor.MatMul(left.Eval(e), right.Eval(e)));
    }

    private static Term Reduction(Random random, Kind kind, Func<Kind, Term> sub)
    {
        switch (kind)
        {
            case Kind.Matrix:
            case Kind.VectorN when random.Next(2) == 0:
            case Kind.VectorM when random.Next(2) == 0:
                var x = sub(kind);
                return new($"softmax({x.Text})", e => DualTensor.Softmax(x.Eval(e)));
            case Kind.VectorN:
                var columns = sub(Kind.Matrix);
                return new($"sum({columns.Text}, 0)", e => DualTensor.Sum(columns.Eval(e), 0));
            case Kind.VectorM:
                var rows = sub(Kind.Matrix);
                var lse = random.Next(2) == 0;
                return new($"{(lse ? "logsumexp" : "sum")}({rows.Text}, 1)",
                    e => lse ? DualTensor.LogSumExp(rows.Eval(e), 1) : DualTensor.Sum(rows.Eval(e), 1));
            default:
                var all = sub(new[] { Kind.Matrix, Kind.VectorN, Kind.VectorM }[random.Next(3)]);
                return new($"logsumexp({all.Text})", e => DualTensor.LogSumExp(all.Eval(e), null));
        }
    }

    private static Term Leaf(Random random, Kind kind)
    {
        var names = Inputs.Where(i => i.Kind == kind).Select(i => i.Name).ToArray();
        var name = names[random.Next(names.Length)];
        return new(name, e => e[name]);
    }

    private static DualTensor Transpose(DualTensor x) => new([x.Columns, x.Rows],
        Enumerable.Range(0, x.Data.Length).Select(k => x.Data[(k % x.Rows) * x.Columns + k / x.Rows]).ToArray());

    private static string Literal(double[] values, int[] shape)
    {
        string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string Row(IEnumerable<double> row) => "[" + string.Join(", ", row.Select(Number)) + "]";
        return shape.Length switch
        {
            0 => Number(values[0]),
            1 => Row(values),
            _ => "[" + string.Join(", ", values.Chunk(shape[1]).Select(Row)) + "]",
        };
    }

    private static string SetText(string expression, IEnumerable<(string Name, string Value)> inputs)
    {
        var text = new StringBuilder($"set: random\nproblems:\n  - id: p\n    nodes:\n      L: {expression}\n");
        text.Append("    inputs:\n");
        foreach (var (name, value) in inputs)
        {
            text.Append($"      {name}: {value}\n");
        }

        return text.ToString();
    }
}
