using System.Numerics;

namespace Grader.Tapes;

/// <summary>
/// The two inner loops of the matrix product, in SIMD lanes. Only the order of the
/// additions in <see cref="Dot"/> differs from a plain loop, by rounding alone.
/// </summary>
internal static class Kernels
{
    /// <summary>y += a x.</summary>
    public static void AddScaled(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var scale = new Vector<double>(a);
            for (; k <= x.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                var sum = new Vector<double>(y[k..]) + scale * new Vector<double>(x[k..]);
                sum.CopyTo(y[k..]);
            }
        }

        for (; k < x.Length; k++)
        {
            y[k] += a * x[k];
        }
    }

    /// <summary>Σ a_k b_k.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var k = 0;
        var total = 0.0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<double>.Count)
        {
            var lanes = Vector<double>.Zero;
            for (; k <= a.Length - Vector<double>.Count; k += Vector<double>.Count)
            {
                lanes += new Vector<double>(a[k..]) * new Vector<double>(b[k..]);
            }

            total = Vector.Sum(lanes);
        }

        for (; k < a.Length; k++)
        {
            total += a[k] * b[k];
        }

        return total;
    }
}
