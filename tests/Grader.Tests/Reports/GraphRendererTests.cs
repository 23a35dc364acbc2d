using Grader.Reports;
using Snapshooter;
using Snapshooter.Xunit;

namespace Grader.Tests.Reports;

public sealed class GraphRendererTests
{
    private static readonly Lazy<Grader.Problems.ProblemSet> Section3 = new(() => Solutions.LoadShipped("section3.yaml"));

    public static TheoryData<string, GraphView> Section3Views() => new()
    {
        { "forward-backward", GraphView.Full },
        { "forward-backward", GraphView.Values },
        { "forward-backward", GraphView.Gradients },
        { "forward-backward", GraphView.Bare },
        { "sigmoid", GraphView.Full },
        { "square-plus", GraphView.Full },
        { "sum-times-sum", GraphView.Full },
    };

    [Theory]
    [MemberData(nameof(Section3Views))]
    public void DotOfSection3MatchesSnapshot(string problem, GraphView view)
    {
        var dot = GraphRenderer.Dot(Solutions.Solve(Section3.Value, problem), view);

        Snapshot.Match(dot, SnapshotNameExtension.Create(problem, view));
    }

    [Theory]
    [MemberData(nameof(Section3Views))]
    public void MermaidOfSection3MatchesSnapshot(string problem, GraphView view)
    {
        var mermaid = GraphRenderer.Mermaid(Solutions.Solve(Section3.Value, problem), view);

        Snapshot.Match(mermaid, SnapshotNameExtension.Create(problem, view));
    }

    [Fact]
    public void FullDotShowsEveryValueAndGradientOfForwardBackward()
    {
        var dot = GraphRenderer.Dot(Solutions.Solve(Section3.Value, "forward-backward"), GraphView.Full);

        string[] expected = ["q = 2", "f = 6", "df/dx = 2", "df/dy = 3", "df/dz = 3", "df/dq = 3", "df/df = 1"];
        Assert.All(expected, text => Assert.Contains(text, dot, StringComparison.Ordinal));
    }

    [Fact]
    public void EdgesFollowTheForwardPassFromInputsToOutput()
    {
        var dot = GraphRenderer.Dot(Solutions.Solve(Section3.Value, "forward-backward"), GraphView.Full);

        var edges = dot.Split('\n').Where(l => l.Contains("->", StringComparison.Ordinal)).Select(l => l.Trim());
        Assert.Equal(["\"y\" -> \"q\";", "\"z\" -> \"q\";", "\"x\" -> \"f\";", "\"q\" -> \"f\";"], edges);
    }

    [Theory]
    [InlineData("dot")]
    [InlineData("mermaid")]
    public void FailedSolutionIsDrawnBare(string format)
    {
        var yaml = "set: t\nproblems:\n  - id: p\n    nodes: { f: log(x) }\n    inputs: { x: -1 }\n";
        var solution = Solutions.Solve(Solutions.LoadText(yaml), "p");
        Func<GraphView, string> render = format == "dot"
            ? view => GraphRenderer.Dot(solution, view)
            : view => GraphRenderer.Mermaid(solution, view);

        var full = render(GraphView.Full);

        Assert.True(solution.Failed);
        Assert.Equal(render(GraphView.Bare), full);
    }

    [Theory]
    [InlineData("x * q", "x * q")]
    [InlineData("a < b & c > d", "a &lt; b &amp; c &gt; d")]
    [InlineData("say \"hi\"", "say &quot;hi&quot;")]
    public void HtmlEscapesWhatDotLabelsTreatAsMarkup(string text, string escaped)
    {
        Assert.Equal(escaped, GraphRenderer.Html(text));
    }

    [Theory]
    [InlineData("exp(t1)", "exp(t1)")]
    [InlineData("[[1, 2], [3, 4]]", "#91;#91;1, 2#93;, #91;3, 4#93;#93;")]
    [InlineData("say \"hi\"", "say #quot;hi#quot;")]
    [InlineData("a < b & c > d", "a #lt; b #amp; c #gt; d")]
    [InlineData("#1;", "#35;1;")]
    public void MermaidTextEscapesWhatEndsALabelOrStartsMarkup(string text, string escaped)
    {
        Assert.Equal(escaped, GraphRenderer.MermaidText(text));
    }

    [Fact]
    public void OutputIsTheSameOnEveryRun()
    {
        var first = GraphRenderer.Dot(Solutions.Solve(Section3.Value, "sigmoid"), GraphView.Full);
        var reloaded = Solutions.LoadShipped("section3.yaml");
        var second = GraphRenderer.Dot(Solutions.Solve(reloaded, "sigmoid"), GraphView.Full);

        Assert.Equal(first, second);
    }
}
