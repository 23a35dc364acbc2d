using Grader.Diagnostics;
using Grader.Syntax;

namespace Grader.Tests.Syntax;

/// <summary>
/// Parse errors, each asserted as the whole line a user sees. Every expression here
/// starts at line 3, column 10 of f.yaml, so offset k in it is column 10 + k.
/// </summary>
public class ParserErrorTests
{
    private static string? ErrorOf(string text)
    {
        var source = new ExpressionSource(text, new SourcePosition("f.yaml", 3, 10));
        return Parser.Parse(source).Error?.ToString();
    }

    [Theory]
    [InlineData("x * * y", "f.yaml:3:14: error: unexpected `*`, expected a number, a name or `(`")]
    [InlineData("a + b)", "f.yaml:3:15: error: unexpected `)`, expected an operator or the end of the expression")]
    [InlineData("x +", "f.yaml:3:13: error: unexpected end of expression, expected a number, a name or `(`")]
    [InlineData("max(x,", "f.yaml:3:16: error: unexpected end of expression, expected a number, a name or `(`")]
    [InlineData("x = 1", "f.yaml:3:12: error: unexpected `=`, expected an operator or the end of the expression")]
    public void UnexpectedTokenSaysWhatWasFoundAndExpected(string text, string error)
    {
        Assert.Equal(error, ErrorOf(text));
    }

    [Theory]
    [InlineData("(x + y", "f.yaml:3:16: error: missing `)` to close `(` opened at column 10")]
    [InlineData("x + (y * (z", "f.yaml:3:21: error: missing `)` to close `(` opened at column 19")]
    [InlineData("exp(x", "f.yaml:3:15: error: missing `,` or `)` to close `(` opened at column 13")]
    public void MissingClosingParenthesisReportsWhereItWasOpened(string text, string error)
    {
        Assert.Equal(error, ErrorOf(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyExpressionIsRefused(string text)
    {
        var column = 10 + text.Length;

        Assert.Equal($"f.yaml:3:{column}: error: empty expression, expected a number or a name", ErrorOf(text));
    }

    [Theory]
    [InlineData("2x", "f.yaml:3:11: error: unexpected `x` after `2`: "
        + "there is no implied multiplication; write `2 * x`")]
    [InlineData("(a)(b)", "f.yaml:3:13: error: unexpected `(` after `(a)`: "
        + "there is no implied multiplication; write `(a) * (b)`")]
    [InlineData("(a + b) c", "f.yaml:3:18: error: unexpected `c` after `(a + b)`: "
        + "there is no implied multiplication; write `(a + b) * c`")]
    [InlineData("x y", "f.yaml:3:12: error: unexpected `y` after `x`: "
        + "there is no implied multiplication; write `x * y`")]
    [InlineData("2 (x + 1)", "f.yaml:3:12: error: unexpected `(` after `2`: "
        + "there is no implied multiplication; write `2 * (x + 1)`")]
    public void ImpliedMultiplicationSuggestsTheProduct(string text, string error)
    {
        Assert.Equal(error, ErrorOf(text));
    }

    [Theory]
    [InlineData("x + $", "f.yaml:3:14: error: unexpected character `$`, expected a number, a name or `(`")]
    [InlineData("x + é", "f.yaml:3:14: error: unexpected character `é`, expected a number, a name or `(`")]
    [InlineData("x ; y", "f.yaml:3:12: error: unexpected character `;`, expected an operator or the end of the expression")]
    public void BadCharacterIsQuotedWithItsColumn(string text, string error)
    {
        Assert.Equal(error, ErrorOf(text));
    }

    [Fact]
    public void NumberTooLargeForADoubleIsRefused()
    {
        Assert.Equal("f.yaml:3:14: error: number `1e999` is too large", ErrorOf("x + 1e999"));
    }

    [Fact]
    public void ErrorOnASecondLineOfTheExpressionCountsLinesAndColumnsFromThere()
    {
        var source = new ExpressionSource("x +\n  * y", new SourcePosition("f.yaml", 3, 10));

        var error = Parser.Parse(source).Error;

        Assert.Equal("f.yaml:4:3: error: unexpected `*`, expected a number, a name or `(`", error?.ToString());
    }

    [Fact]
    public void FunctionWithoutNameAndEqualsSignIsExplained()
    {
        var source = new ExpressionSource("x * (y + z)", new SourcePosition("f.yaml", 3, 10));

        var error = Parser.ParseDefinition(source).Error;

        Assert.Equal("f.yaml:3:10: error: a function is written `NAME = EXPRESSION`, such as `f = x * (y + z)`",
            error?.ToString());
    }

    [Theory]
    [InlineData("", 10)]
    [InlineData("   ", 13)]
    public void EmptyFunctionIsExplainedWhereItEnds(string text, int column)
    {
        var source = new ExpressionSource(text, new SourcePosition("f.yaml", 3, 10));

        var error = Parser.ParseDefinition(source).Error;

        Assert.Equal($"f.yaml:3:{column}: error: a function is written `NAME = EXPRESSION`, such as `f = x * (y + z)`",
            error?.ToString());
    }
}
