using Grader.Checking;
using System.Globalization;
using System.Text;
using CsCheck;
using Grader.Solving;

namespace Grader.Tests.Solving;

/// <summary>
/// Random smooth expressions, solved by Grader in `nodes` form and in `function`
/// form, against forward-mode differentiation written here.
/// </summary>
public class ReferenceAgreementTests
{
    private static readonly Gen<Case> Cases = Gen.Select(RandomExpression.Tree(4),
        Gen.Double[-2, 2], Gen.Double[-2, 2], Gen.Double[-2, 2], (e, x, y, z) => new Case(e, x, y, z));

    /// <summary>An expression and its inputs; printed when a sample fails.</summary>
    internal sealed record Case(RandomExpression Expr, double X, double Y, double Z)
    {
        public override string ToString() => $"f = {Expr} at x = {Number(X)}, y = {Number(Y)}, z = {Number(Z)}";
    }

    [Fact]
    public void NodesFormAgreesWithForwardModeDifferentiation()
    {
        Fixed(Cases, 200, c => AssertAgrees(NodesForm(c.Expr), c));
    }

    [Fact]
    public void FunctionFormAgreesWithForwardModeDifferentiation()
    {
        Fixed(Cases, 200, c => AssertAgrees($"      function: f = {c.Expr}\n", c));
    }

    [Fact]
    public void EveryNamedNodeHasTheValueOfItsSubexpression()
    {
        Fixed(Cases, 100, c =>
        {
            var solution = Solver.Solve(Sets.Compile(Set(NodesForm(c.Expr), c)));
            foreach (var (sub, name) in NodeNames(c.Expr))
            {
                AssertClose(sub.Evaluate(c.X, c.Y, c.Z).Value, solution.Values[name].ScalarValue, name);
            }
        });
    }

    /// <summary>The same <paramref name="count"/> cases on every run, so that CI cannot be flaky.</summary>
    private static void Fixed(Gen<Case> cases, int count, Action<Case> assert)
    {
        cases.Array[count].Sample(all =>
        {
            foreach (var c in all)
            {
                try
                {
                    assert(c);
                }
                catch (Exception failure)
                {
                    throw new Xunit.Sdk.XunitException($"{c}\n{failure.Message}");
                }
            }
        }, seed: "0N0XIzNsQ0O2", iter: 1);
    }

    private static void AssertAgrees(string problem, Case c)
    {
        var compiled = Sets.Compile(Set(problem, c));
        var expected = c.Expr.Evaluate(c.X, c.Y, c.Z);

        var solution = Solver.Solve(compiled);

        Assert.Null(solution.Failure);
        AssertClose(expected.Value, solution.Values["f"].ScalarValue, "f");
        AssertClose(expected.Dx, solution.Gradients!["x"].ScalarValue, "df/dx");
        AssertClose(expected.Dy, solution.Gradients!["y"].ScalarValue, "df/dy");
        AssertClose(expected.Dz, solution.Gradients!["z"].ScalarValue, "df/dz");

        var check = GradientChecker.Check(compiled);
        Assert.All(check.Checks, c => Assert.True(
            c.Status == CheckStatus.Ok && (c.RelError <= 1e-8 || c.AbsError <= GradientChecker.AbsoluteTolerance),
            $"{c.Key}: backprop {c.Backprop:R}, numeric {c.Numeric:R}, rel error {c.RelError:R}, {c.Status}"));
    }

    /// <summary>
    /// Relative error at most 1e-9. Below 1e-6 the two sides may have cancelled
    /// differently (backprop and forward mode sum the same terms in another order),
    /// so small numbers are compared absolutely, to 1e-15.
    /// </summary>
    private static void AssertClose(double expected, double actual, string what)
    {
        var scale = Math.Max(Math.Abs(expected), 1e-6);
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * scale, $"{what}: expected {expected:R}, got {actual:R}");
    }

    private static string Set(string problem, Case c) =>
        "set: s\nproblems:\n  - id: p\n" + problem.Replace("      ", "    ")
        + $"    inputs: {{ x: {Number(c.X)}, y: {Number(c.Y)}, z: {Number(c.Z)} }}\n";

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Every operation its own node n1, n2, …, the last named f.</summary>
    private static string NodesForm(RandomExpression expr)
    {
        var names = NodeNames(expr);
        var text = new StringBuilder("      nodes:\n");
        if (expr.IsLeaf)
        {
            return text.Append($"        f: {expr}\n").ToString();
        }

        foreach (var (sub, name) in names)
        {
            var body = sub.Text(child => child.IsLeaf ? child.ToString() : names[child]);
            text.Append($"        {name}: {body}\n");
        }

        return text.ToString();
    }

    private static Dictionary<RandomExpression, string> NodeNames(RandomExpression expr)
    {
        var names = new Dictionary<RandomExpression, string>(ReferenceEqualityComparer.Instance);
        foreach (var sub in expr.Operations())
        {
            names[sub] = ReferenceEquals(sub, expr) ? "f" : $"n{names.Count + 1}";
        }

        return names;
    }
}
