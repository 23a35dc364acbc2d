namespace Grader.Tests.Problems;

/// <summary>
/// Each fixture beside this file is a problem set with mistakes; every error it
/// must produce is asserted as the whole line a user sees, in order.
/// </summary>
public class ProblemSetLoaderErrorTests
{
    private static string[] ErrorsOf(string fixture)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Problems", "Fixtures", fixture));
        return Sets.Errors(text);
    }

    [Theory]
    [InlineData("unknown-key.yaml",
        "set.yaml:4:5: error: unknown key `nodez` in a problem (a mapping with `id:`, `nodes:` or `function:`, "
            + "and `inputs:`); did you mean `nodes`?")]
    [InlineData("duplicate-problem-id.yaml", "set.yaml:6:5: error: duplicate problem id `p` (first at line 3)")]
    [InlineData("duplicate-node.yaml", "set.yaml:6:7: error: duplicate key `f` (first at line 5)")]
    [InlineData("node-named-like-input.yaml",
        "set.yaml:5:7: error: node `x` has the name of an input; choose another name")]
    [InlineData("nodes-and-function.yaml",
        "set.yaml:5:5: error: a problem has either `nodes:` or `function:`, not both")]
    [InlineData("neither-nodes-nor-function.yaml",
        "set.yaml:3:5: error: a problem needs `nodes:` (named steps) or `function:` (one expression such as "
            + "`f = x * (y + z)`)")]
    [InlineData("bad-id.yaml",
        "set.yaml:1:6: error: invalid id `Section 3`: use lower case letters, digits, `-` and `_`, "
            + "starting with a letter or digit")]
    public void StructuralMistakeIsReportedWhereItIsWritten(string fixture, params string[] errors)
    {
        Assert.Equal(errors, ErrorsOf(fixture));
    }

    [Theory]
    [InlineData("non-numeric-inputs.yaml",
        "set.yaml:5:18: error: input `x`: unknown name `abc`: a value is a number or a constant expression "
            + "such as `1/4` or `e^-1`",
        "set.yaml:5:26: error: input `y`: `Infinity` is not a finite number",
        "set.yaml:5:39: error: input `z`: `1e999` is not a finite number",
        "set.yaml:5:49: error: input `w`: `NaN` is not a finite number",
        "set.yaml:5:61: error: input `v`: unknown name `x`: a value is a number or a "
            + "constant expression such as `1/4` or `e^-1`")]
    [InlineData("bad-tolerance.yaml",
        "set.yaml:6:23: error: `rel` must be a number from 0 to 1, got `2`",
        "set.yaml:10:16: error: a tolerance uses one rule: `sigfigs`, `decimals`, or `rel`/`abs`",
        "set.yaml:14:27: error: `sigfigs` must be a whole number from 1 to 15")]
    public void BadValueIsReportedWithTheOffendingText(string fixture, params string[] errors)
    {
        Assert.Equal(errors, ErrorsOf(fixture));
    }

    [Theory]
    [InlineData("forward-reference.yaml",
        "set.yaml:5:10: error: node `q` uses `f`, which is defined after it (line 6); "
            + "a node can use only inputs and earlier nodes")]
    [InlineData("self-reference.yaml",
        "set.yaml:6:10: error: node `f` uses itself; a node can use only inputs and earlier nodes")]
    public void NodeMayUseOnlyInputsAndEarlierNodes(string fixture, params string[] errors)
    {
        Assert.Equal(errors, ErrorsOf(fixture));
    }

    [Theory]
    [InlineData("bad-ask-key.yaml",
        "set.yaml:8:11: error: `d f/d x/y` is not an answer key: write a name such as `q`, "
            + "or a derivative such as `df/dx`",
        "set.yaml:8:23: error: `f+` is not an answer key: write a name such as `q`, or a derivative such as `df/dx`",
        "set.yaml:8:28: error: `dx/dq`: `x` is an input; a derivative is taken of a node, such as `df/dx`",
        "set.yaml:12:21: error: `df / dx` is asked twice")]
    [InlineData("ask-unknown-node.yaml",
        "set.yaml:8:11: error: `qq`: no node or input is named `qq`; did you mean `q`?",
        "set.yaml:8:15: error: `dff/dx`: no node or input is named `ff`; did you mean `f`?",
        "set.yaml:8:23: error: `df/dw`: no node or input is named `w`; did you mean `f`?")]
    [InlineData("gradient-without-dependence.yaml", "set.yaml:9:11: error: `df/dq`: `f` does not depend on `q`")]
    public void AskKeyMustNameSomethingTheGraphCanAnswer(string fixture, params string[] errors)
    {
        Assert.Equal(errors, ErrorsOf(fixture));
    }

    [Theory]
    [InlineData("unclosed-flow-mapping.yaml",
        "set.yaml:5:5: error: not valid YAML: the text cannot be read past this point")]
    [InlineData("unclosed-flow-sequence.yaml",
        "set.yaml:6:1: error: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'")]
    [InlineData("unclosed-quote.yaml",
        "set.yaml:1:6: error: not valid YAML: While scanning a quoted scalar, found unexpected end of stream")]
    [InlineData("empty.yaml", "set.yaml:1:1: error: empty file: expected a problem set with `set:` and `problems:`")]
    [InlineData("comment-only.yaml",
        "set.yaml:1:1: error: empty file: expected a problem set with `set:` and `problems:`")]
    public void UnreadableFileIsOneErrorNotAnException(string fixture, params string[] errors)
    {
        Assert.Equal(errors, ErrorsOf(fixture));
    }
}
