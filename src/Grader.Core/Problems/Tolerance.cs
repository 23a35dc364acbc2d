using Grader.Diagnostics;
using System.Globalization;
using Grader.Values;

namespace Grader.Problems;

public enum ToleranceKind
{
    RelativeOrAbsolute,
    SignificantFigures,
    Decimals,
}

/// <summary>
/// How close an answer must be. `rel`/`abs`: correct when within either bound.
/// `sigfigs: N`: within half a unit in the N-th significant figure of the reference.
/// `decimals: N`: within half a unit in the N-th decimal place. Every kind also
/// accepts an error up to the absolute floor, so that a reference of 0 is gradable.
/// </summary>
public sealed record Tolerance(ToleranceKind Kind, double Relative, double Absolute, int Digits)
{
    /// <summary>Below any error a person would call wrong, above rounding of double arithmetic.</summary>
    public const double DefaultFloor = 1e-9;

    public static readonly Tolerance Default = new(ToleranceKind.RelativeOrAbsolute, 1e-3, DefaultFloor, 0);

    public static Tolerance RelAbs(double relative, double absolute) =>
        new(ToleranceKind.RelativeOrAbsolute, relative, absolute, 0);

    public static Tolerance SigFigs(int digits, double floor = DefaultFloor) =>
        new(ToleranceKind.SignificantFigures, 0, floor, digits);

    public static Tolerance DecimalPlaces(int digits, double floor = DefaultFloor) =>
        new(ToleranceKind.Decimals, 0, floor, digits);

    /// <summary>The largest accepted distance from <paramref name="expected"/>.</summary>
    public double Allowance(double expected)
    {
        var magnitude = Math.Abs(expected);
        var bound = Kind switch
        {
            ToleranceKind.RelativeOrAbsolute => Relative * magnitude,
            ToleranceKind.SignificantFigures when magnitude > 0 =>
                0.5 * Math.Pow(10, Math.Floor(Math.Log10(magnitude)) - Digits + 1),
            ToleranceKind.Decimals => 0.5 * Math.Pow(10, -Digits),
            _ => 0,
        };

        // A hair more than the bound, so that an answer rounded exactly at the edge
        // is not refused for the last bit of its binary representation.
        return Math.Max(bound, Absolute) * (1 + 1e-12) + 1e-15 * magnitude;
    }

    public bool Accepts(double expected, double got) =>
        double.IsFinite(got) && Math.Abs(got - expected) <= Allowance(expected);

    public override string ToString() => Kind switch
    {
        ToleranceKind.RelativeOrAbsolute => $"rel {Format(Relative)} or abs {Format(Absolute)}",
        ToleranceKind.SignificantFigures => Words.Count(Digits, "significant figure"),
        _ => Words.Count(Digits, "decimal place"),
    };

    /// <summary>0.001, 0.05, 1e-09 → "0.001", "0.05", "1e-9".</summary>
    private static string Format(double value)
    {
        if (value == 0 || (Math.Abs(value) >= 1e-3 && Math.Abs(value) < 1e6))
        {
            return value.ToString("G4", CultureInfo.InvariantCulture);
        }

        return value.ToString("0.###e+0", CultureInfo.InvariantCulture);
    }

    /// <summary>The accepted interval around a reference, such as `[0.2348, 0.2352]`.</summary>
    public string Interval(double expected)
    {
        var allowance = Allowance(expected);
        return $"[{Numbers.Short(expected - allowance)}, {Numbers.Short(expected + allowance)}]";
    }
}
