using System.Text;
using Grader.Graphs;
using Grader.Solving;
using Grader.Values;

namespace Grader.Reports;

/// <summary>
/// Draws a problem's computational graph as students know it: inputs on the left,
/// edges along the forward pass, and in each node its name, operation, value and,
/// set apart in red, the output's gradient at that node. A solution that failed is
/// drawn bare, since it has no values to show.
/// </summary>
public static class GraphRenderer
{
    private const string ValueColor = "#1a4f8b";
    private const string GradientColor = "#b3261e";
    private const string OperationColor = "#555555";

    public static string Dot(Solution solution, GraphView view)
    {
        var problem = solution.Problem;
        var shown = Shown(solution, view);
        var text = new StringBuilder();
        text.Append("digraph ").Append(DotId(problem.Problem.Id)).Append(" {\n");
        text.Append("  rankdir=LR;\n");
        text.Append("  labelloc=t;\n");
        text.Append("  fontname=\"Helvetica\";\n");
        text.Append("  label=<").Append(DotTitle(solution, shown)).Append(">;\n");
        text.Append("  node [shape=plain, fontname=\"Helvetica\", fontsize=12];\n");
        text.Append("  edge [color=\"#666666\", arrowsize=0.8];\n");

        foreach (var node in problem.Nodes)
        {
            text.Append('\n').Append("  ").Append(DotId(node.Name)).Append(" [label=<\n");
            text.Append(DotTable(solution, node, shown)).Append("  >];\n");
        }

        // Inputs share the leftmost column, as on a worksheet, even when one is used late.
        var inputs = problem.Nodes.Where(n => n.IsInput).Select(n => DotId(n.Name) + ";");
        text.Append("\n  { rank=min; ").Append(string.Join(" ", inputs)).Append(" }\n\n");
        foreach (var (from, to) in Edges(problem))
        {
            text.Append("  ").Append(DotId(from)).Append(" -> ").Append(DotId(to)).Append(";\n");
        }

        return text.Append("}\n").ToString();
    }

    public static string Mermaid(Solution solution, GraphView view)
    {
        var problem = solution.Problem;
        var shown = Shown(solution, view);
        var text = new StringBuilder();
        text.Append("flowchart LR\n");

        foreach (var node in problem.Nodes)
        {
            var label = MermaidLabel(solution, node, shown);
            text.Append("  ").Append(MermaidId(node.Name)).Append("[\"").Append(label).Append("\"]\n");
        }

        foreach (var (from, to) in Edges(problem))
        {
            text.Append("  ").Append(MermaidId(from)).Append(" --> ").Append(MermaidId(to)).Append('\n');
        }

        text.Append("  classDef input fill:#f3f3f3,stroke:#888888\n");
        text.Append("  classDef step fill:#ffffff,stroke:#333333\n");
        text.Append("  classDef output fill:#fff8e1,stroke:#333333,stroke-width:2px\n");
        foreach (var (kind, names) in NodeClasses(problem))
        {
            var ids = string.Join(",", names.Select(MermaidId));
            text.Append("  class ").Append(ids).Append(' ').Append(kind).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Which rows the nodes carry, after falling back for what the solution lacks.</summary>
    private readonly record struct Rows(bool Values, bool Gradients);

    private static Rows Shown(Solution solution, GraphView view)
    {
        if (solution.Failed || view == GraphView.Bare)
        {
            return new Rows(false, false);
        }

        var hasGradients = solution.Gradients is not null;
        return view switch
        {
            GraphView.Values => new Rows(true, false),
            GraphView.Gradients => new Rows(false, hasGradients),
            _ => new Rows(true, hasGradients),
        };
    }

    /// <summary>One edge from each name a node uses to the node, in node order, then order of first use.</summary>
    private static IEnumerable<(string From, string To)> Edges(CompiledProblem problem) =>
        problem.Nodes.SelectMany(node => node.Uses.Select(used => (used, node.Name)));

    private static IEnumerable<(string Kind, List<string> Names)> NodeClasses(CompiledProblem problem)
    {
        var output = problem.Output.Name;
        var inputs = problem.Nodes.Where(n => n.IsInput).Select(n => n.Name).ToList();
        var steps = problem.Nodes.Where(n => !n.IsInput && n.Name != output).Select(n => n.Name).ToList();
        var classes = new[] { ("input", inputs), ("step", steps), ("output", new List<string> { output }) };
        foreach (var (kind, names) in classes)
        {
            if (names.Count > 0)
            {
                yield return (kind, names);
            }
        }
    }

    private static string ValueText(Solution solution, GraphNode node) =>
        $"{node.Name} = {Format.Inline(solution.Values[node.Name])}";

    private static string GradientText(Solution solution, GraphNode node) =>
        $"d{solution.Problem.Output.Name}/d{node.Name} = "
            + $"{(solution.GradientAt(node) is { } g ? Format.Inline(g) : "-")}";

    private static string DotTitle(Solution solution, Rows shown)
    {
        var problem = solution.Problem.Problem;
        var title = Html(SolveReport.ProblemHeading(problem));
        if (solution.Problem.Student is { } student)
        {
            title += Html($" (student {student})");
        }

        var legend = new List<string>();
        if (shown.Values)
        {
            legend.Add($"<font color=\"{ValueColor}\">value</font>");
        }

        if (shown.Gradients)
        {
            var output = Html(solution.Problem.Output.Name);
            legend.Add($"<font color=\"{GradientColor}\">gradient d{output}/d·</font>");
        }

        return legend.Count == 0 ? $"<b>{title}</b>" : $"<b>{title}</b><br/>{string.Join(", ", legend)}";
    }

    /// <summary>An HTML-like table: name and operation, the value, then the gradient in its own colour.</summary>
    private static string DotTable(Solution solution, GraphNode node, Rows shown)
    {
        var isOutput = node == solution.Problem.Output;
        var header = node.IsInput ? "#eeeeee" : isOutput ? "#ffe9a8" : "#ffffff";
        var border = isOutput ? 2 : 1;
        var table = new StringBuilder();
        table.Append($"    <table border=\"{border}\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"4\">\n");
        table.Append($"      <tr><td bgcolor=\"{header}\"><b>{Html(node.Name)}</b><br/>")
            .Append($"<font color=\"{OperationColor}\" point-size=\"10\">{Html(node.Operation)}</font></td></tr>\n");

        if (shown.Values)
        {
            table.Append($"      <tr><td><font color=\"{ValueColor}\">")
                .Append(Html(ValueText(solution, node))).Append("</font></td></tr>\n");
        }

        if (shown.Gradients)
        {
            table.Append($"      <tr><td bgcolor=\"#fdecea\"><font color=\"{GradientColor}\">")
                .Append(Html(GradientText(solution, node))).Append("</font></td></tr>\n");
        }

        return table.Append("    </table>\n").ToString();
    }

    private static string MermaidLabel(Solution solution, GraphNode node, Rows shown)
    {
        var lines = new List<string>
        {
            $"<b>{MermaidText(node.Name)}</b>",
            $"<i>{MermaidText(node.Operation)}</i>",
        };

        if (shown.Values)
        {
            lines.Add(MermaidText(ValueText(solution, node)));
        }

        if (shown.Gradients)
        {
            lines.Add($"<u>{MermaidText(GradientText(solution, node))}</u>");
        }

        return string.Join("<br/>", lines);
    }

    /// <summary>A quoted DOT id: names are identifiers, but quoting keeps keywords such as `node` safe.</summary>
    private static string DotId(string name)
    {
        var escaped = name.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal);
        return $"\"{escaped}\"";
    }

    /// <summary>Text inside a DOT HTML-like label, where &amp;, &lt;, &gt; and quotes are markup.</summary>
    public static string Html(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>A Mermaid node id that neither a keyword (`end`) nor edge syntax (`--o`, `--x`) can capture.</summary>
    private static string MermaidId(string name) => "n_" + name;

    /// <summary>
    /// Text inside a quoted Mermaid label. Mermaid reads `#name;` and `#123;` as entities,
    /// so quotes, markup and brackets (which read as a matrix or as node shapes to a
    /// careless parser) are written that way, and so is `#` itself.
    /// </summary>
    public static string MermaidText(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '"' => "#quot;",
                '#' => "#35;",
                '&' => "#amp;",
                '<' => "#lt;",
                '>' => "#gt;",
                '[' => "#91;",
                ']' => "#93;",
                '`' => "#96;",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }
}
