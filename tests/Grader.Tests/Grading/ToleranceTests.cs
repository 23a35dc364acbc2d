using Xunit;
using Grader.Problems;

namespace Grader.Tests.Grading;

public class ToleranceTests
{
    // Each row: the rule, the reference, the answer, and whether it is accepted.
    // The allowance is worked by hand in the comment of each group.
    [Theory]
    // rel 1e-3 of 2 is 0.002 (abs 1e-9 is smaller): 2.0019 inside, 2.0021 outside.
    [InlineData("rel", 1e-3, 2.0, 2.0019, true)]
    [InlineData("rel", 1e-3, 2.0, 1.9981, true)]
    [InlineData("rel", 1e-3, 2.0, 2.0021, false)]
    [InlineData("rel", 1e-3, 2.0, 1.9979, false)]
    // rel 1e-3 of -400 is 0.4.
    [InlineData("rel", 1e-3, -400.0, -400.39, true)]
    [InlineData("rel", 1e-3, -400.0, -400.41, false)]
    // sigfigs 3 of 0.235004: the third figure is the thousandths, half a unit is 0.0005,
    // so the accepted interval is [0.234504, 0.235504].
    [InlineData("sigfigs", 3, 0.235004, 0.235, true)]
    [InlineData("sigfigs", 3, 0.235004, 0.2355, true)]
    [InlineData("sigfigs", 3, 0.235004, 0.23451, true)]
    [InlineData("sigfigs", 3, 0.235004, 0.2356, false)]
    [InlineData("sigfigs", 3, 0.235004, 0.2345, false)]
    // sigfigs 3 of 1234: the third figure is the tens, units of 10, half a unit 5; 1239 sits exactly on the edge.
    [InlineData("sigfigs", 3, 1234.0, 1239.0, true)]
    [InlineData("sigfigs", 3, 1234.0, 1229.0, true)]
    [InlineData("sigfigs", 3, 1234.0, 1239.5, false)]
    // decimals 2: half a unit in the second decimal place is 0.005 whatever the size.
    [InlineData("decimals", 2, 0.12345, 0.12, true)]
    [InlineData("decimals", 2, 0.12345, 0.1284, true)]
    [InlineData("decimals", 2, 0.12345, 0.13, false)]
    [InlineData("decimals", 2, 0.12345, 0.1285, false)]
    [InlineData("decimals", 0, 41.7, 42.0, true)]
    [InlineData("decimals", 0, 41.7, 41.0, false)]
    // A reference of 0: the relative and significant-figure bounds are 0, the floor 1e-9 applies.
    [InlineData("rel", 1e-3, 0.0, 0.0, true)]
    [InlineData("rel", 1e-3, 0.0, 5e-10, true)]
    [InlineData("rel", 1e-3, 0.0, -5e-10, true)]
    [InlineData("rel", 1e-3, 0.0, 2e-9, false)]
    [InlineData("sigfigs", 3, 0.0, 5e-10, true)]
    [InlineData("sigfigs", 3, 0.0, 1e-6, false)]
    // decimals 2 of 0 is still 0.005: the decimal bound does not depend on the reference.
    [InlineData("decimals", 2, 0.0, 0.004, true)]
    [InlineData("decimals", 2, 0.0, 0.006, false)]
    public void ToleranceAcceptsExactlyTheAnswersWithinItsBound(
        string rule, double parameter, double expected, double got, bool accepted)
    {
        var tolerance = Make(rule, parameter);

        Assert.Equal(accepted, tolerance.Accepts(expected, got));
    }

    [Theory]
    // rel 1e-3 or abs 0.01: for 1 the absolute bound is the larger (0.01) ...
    [InlineData(1.0, 1.009, true)]
    [InlineData(1.0, 1.011, false)]
    // ... for 1000 the relative one is (1.0).
    [InlineData(1000.0, 1000.9, true)]
    [InlineData(1000.0, 1001.1, false)]
    public void RelativeOrAbsoluteAcceptsAnAnswerWithinEitherBound(double expected, double got, bool accepted)
    {
        var tolerance = Tolerance.RelAbs(1e-3, 0.01);

        Assert.Equal(accepted, tolerance.Accepts(expected, got));
    }

    [Theory]
    [InlineData("rel", 1e-3, 0.235004, 0.000235004)]
    [InlineData("rel", 1e-3, 0.0, 1e-9)]
    [InlineData("sigfigs", 3, 0.235004, 0.0005)]
    [InlineData("sigfigs", 1, 7.0, 0.5)]
    [InlineData("sigfigs", 3, 0.0, 1e-9)]
    [InlineData("decimals", 2, 123.456, 0.005)]
    [InlineData("decimals", 0, 0.0, 0.5)]
    public void AllowanceIsHalfAUnitInTheLastPlaceOrTheRelativeBound(
        string rule, double parameter, double expected, double allowance)
    {
        var tolerance = Make(rule, parameter);

        Assert.Equal(allowance, tolerance.Allowance(expected), allowance * 1e-9);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ANonFiniteAnswerIsNeverAccepted(double got)
    {
        Assert.False(Tolerance.RelAbs(1, double.MaxValue).Accepts(1, got));
    }

    private static Tolerance Make(string rule, double parameter) => rule switch
    {
        "rel" => Tolerance.RelAbs(parameter, Tolerance.DefaultFloor),
        "sigfigs" => Tolerance.SigFigs((int)parameter),
        _ => Tolerance.DecimalPlaces((int)parameter),
    };
}
