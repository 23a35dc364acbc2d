using Grader.Diagnostics;
using Grader.Syntax;

namespace Grader.Tests.Syntax;

public class ParserPrecedenceTests
{
    [Theory]
    [InlineData("-x^2", "(-(x ^ 2))")]
    [InlineData("-x**2", "(-(x ^ 2))")]
    [InlineData("2^3^2", "(2 ^ (3 ^ 2))")]
    [InlineData("2**3**2", "(2 ^ (3 ^ 2))")]
    [InlineData("2**3^2", "(2 ^ (3 ^ 2))")]
    [InlineData("x^-y", "(x ^ (-y))")]
    [InlineData("a - b - c", "((a - b) - c)")]
    [InlineData("a / b / c", "((a / b) / c)")]
    [InlineData("a + b * c", "(a + (b * c))")]
    [InlineData("a * b + c", "((a * b) + c)")]
    [InlineData("a * b ^ c", "(a * (b ^ c))")]
    [InlineData("-a * b", "((-a) * b)")]
    [InlineData("a * -b", "(a * (-b))")]
    [InlineData("--a", "(-(-a))")]
    [InlineData("+a", "a")]
    [InlineData("(a + b) * c", "((a + b) * c)")]
    [InlineData("A @ B + c", "((A @ B) + c)")]
    [InlineData("max(a, b + c) ^ 2", "(max(a, (b + c)) ^ 2)")]
    [InlineData("exp(-x) * 2", "(exp((-x)) * 2)")]
    [InlineData("1e-3 + .5", "(0.001 + 0.5)")]
    public void OperatorsGroupByPrecedenceAndAssociativity(string text, string grouped)
    {
        var result = Parser.Parse(ExpressionSource.Detached(text));

        Assert.Null(result.Error);
        Assert.Equal(grouped, ExprPrinter.Print(result.Expr!));
    }

    [Fact]
    public void DoubleStarParsesToTheSameTreeAsCaret()
    {
        var caret = Parser.Parse(ExpressionSource.Detached("x ^ y ^ -z"));
        var stars = Parser.Parse(ExpressionSource.Detached("x ** y ** -z"));

        Assert.Equal(ExprPrinter.Print(caret.Expr!), ExprPrinter.Print(stars.Expr!));
    }

    [Fact]
    public void NodeOffsetsPointIntoTheirSourceText()
    {
        var source = new ExpressionSource("x * (y + z)", new SourcePosition("f.yaml", 1, 1));
        var product = (BinaryExpr)Parser.Parse(source).Expr!;

        Assert.Equal("x", source.Slice(product.Left.Start, product.Left.End));
        Assert.Equal("(y + z)", source.Slice(product.Right.Start, product.Right.End));
        Assert.Equal("x * (y + z)", source.Slice(product.Start, product.End));
        Assert.Equal(2, product.OperatorStart);
    }
}
