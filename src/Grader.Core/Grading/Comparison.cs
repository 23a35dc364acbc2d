using Grader.Problems;
using Grader.Values;

namespace Grader.Grading;

/// <summary>
/// An answer compared element by element with a reference under a tolerance.
/// The worst element is the one with the largest error relative to its allowance.
/// </summary>
public readonly record struct Comparison(bool Accepted, int Worst, double AbsError, double? RelError)
{
    public static Comparison Of(Tensor expected, Tensor got, Tolerance tolerance)
    {
        var worst = 0;
        var worstRatio = -1.0;
        var accepted = true;
        for (var k = 0; k < expected.Count; k++)
        {
            var (e, g) = (expected.Data[k], got.Data[k]);
            accepted &= tolerance.Accepts(e, g);
            var ratio = Math.Abs(g - e) / tolerance.Allowance(e);
            if (double.IsNaN(ratio) || ratio > worstRatio)
            {
                worst = k;
                worstRatio = double.IsNaN(ratio) ? double.PositiveInfinity : ratio;
            }
        }

        var abs = Math.Abs(got.Data[worst] - expected.Data[worst]);
        double? rel = expected.Data[worst] == 0 ? (abs == 0 ? 0 : null) : abs / Math.Abs(expected.Data[worst]);
        return new Comparison(accepted, worst, abs, rel);
    }

    /// <summary>
    /// Whether <paramref name="got"/> is within tolerance of <paramref name="candidate"/> everywhere.
    /// </summary>
    public static bool Matches(Tensor candidate, Tensor got, Tolerance tolerance)
    {
        if (!candidate.SameShape(got))
        {
            return false;
        }

        for (var k = 0; k < got.Count; k++)
        {
            if (!tolerance.Accepts(candidate.Data[k], got.Data[k]))
            {
                return false;
            }
        }

        return true;
    }
}
