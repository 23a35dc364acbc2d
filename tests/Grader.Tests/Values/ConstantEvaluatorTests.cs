using Grader.Diagnostics;
using Grader.Syntax;
using Grader.Values;
using Xunit;

namespace Grader.Tests.Values;

public class ConstantEvaluatorTests
{
    private static (double Value, Diagnostic? Error) Evaluate(string text) =>
        ConstantEvaluator.Evaluate(new ExpressionSource(text, new SourcePosition("a.yaml", 3, 8)));

    [Theory]
    [InlineData("0.25", 0.25)]
    [InlineData("1/4", 0.25)]
    [InlineData("-e^-1", -0.36787944117144233)]       // -exp(-1)
    [InlineData("3*sqrt(2)", 4.242640687119285)]      // 3 × 1.4142135623730951
    [InlineData("2*pi", 6.283185307179586)]
    [InlineData("\u22120.5", -0.5)]                   // a Unicode minus sign, as pasted from a document
    [InlineData("2 \u00d7 3", 6)]                     // a times sign
    public void ConstantExpressionsHaveTheirValue(string text, double expected)
    {
        var (value, error) = Evaluate(text);

        Assert.Null(error);
        Assert.Equal(expected, value, 1e-14);
    }

    [Theory]
    [InlineData("x + 1", "a.yaml:3:8: error: unknown name `x`: a value is a number or a constant expression such as `1/4` or `e^-1`")]
    [InlineData(".inf", "a.yaml:3:8: error: `.inf` is not a finite number")]
    [InlineData("1/0", "a.yaml:3:9: error: `1/0`: division by zero: both operands are constants")]
    public void AValueThatIsNotAConstantNumberIsExplained(string text, string expected)
    {
        var (_, error) = Evaluate(text);

        Assert.Equal(expected, error?.ToString());
    }
}
