namespace Grader.Tests.Problems;

/// <summary>An error inside an expression in YAML points at the file's line and column.</summary>
public class ExpressionPositionTests
{
    [Theory]
    [InlineData("x + * 2", "set.yaml:5:14: error: unexpected `*`, expected a number, a name or `(`")]
    [InlineData("'x + * 2'", "set.yaml:5:15: error: unexpected `*`, expected a number, a name or `(`")]
    [InlineData("\"x + * 2\"", "set.yaml:5:15: error: unexpected `*`, expected a number, a name or `(`")]
    [InlineData("  x + * 2", "set.yaml:5:16: error: unexpected `*`, expected a number, a name or `(`")]
    [InlineData("x + $", "set.yaml:5:14: error: unexpected character `$`, expected a number, a name or `(`")]
    [InlineData("(x + 1", "set.yaml:5:16: error: missing `)` to close `(` opened at column 10")]
    public void NodeExpressionColumnIsCountedFromTheFile(string written, string error)
    {
        Assert.Equal([error], Sets.Errors(Sets.OneNode(written)));
    }

    [Theory]
    [InlineData("f = x + * 2", "set.yaml:4:23: error: unexpected `*`, expected a number, a name or `(`")]
    [InlineData("'f = x + * 2'", "set.yaml:4:24: error: unexpected `*`, expected a number, a name or `(`")]
    [InlineData("\"f = x + * 2\"", "set.yaml:4:24: error: unexpected `*`, expected a number, a name or `(`")]
    public void FunctionExpressionColumnIsCountedFromTheFile(string written, string error)
    {
        Assert.Equal([error], Sets.Errors(Sets.OneFunction(written, "x: 1")));
    }

    [Fact]
    public void NodeInFlowMappingMapsItsColumn()
    {
        const string yaml = """
            set: s
            problems:
              - id: p
                nodes: { q: x + 1, f: q ** * 2 }
                inputs: { x: 1 }
            """;

        Assert.Equal(["set.yaml:4:32: error: unexpected `*`, expected a number, a name or `(`"], Sets.Errors(yaml));
    }
}
