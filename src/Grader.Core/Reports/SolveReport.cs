using System.Text;
using System.Text.Json;
using Grader.Problems;
using Grader.Solving;

namespace Grader.Reports;

/// <summary>The answer key of a problem set, as text, JSON or Markdown.</summary>
public static class SolveReport
{
    public static string Heading(ProblemSet set) => set.Title is null ? set.Id : $"{set.Title} ({set.Id})";

    public static string ProblemHeading(Problem problem) =>
        problem.Title is null ? problem.Id : $"{problem.Id}: {problem.Title}";

    public static string Text(ProblemSet set, IReadOnlyList<Solution> solutions, string? student)
    {
        var text = new StringBuilder();
        text.Append(Heading(set));
        text.Append(student is null ? "\n" : $", student {student}\n");
        foreach (var solution in solutions)
        {
            var problem = solution.Problem;
            text.Append('\n').Append(ProblemHeading(problem.Problem)).Append('\n');
            if (problem.Problem.Function is { } function)
            {
                text.Append("  function: ").Append(function).Append('\n');
            }

            if (solution.Failure is { } failure)
            {
                text.Append("  cannot be solved: ").Append(failure).Append('\n');
                continue;
            }

            text.Append('\n').Append(NodeTable(solution, Format.Grid).Render()).Append('\n');
            var answers = new TextTable("answer", "value").AlignRight(1);
            foreach (var answer in solution.Answers)
            {
                answers.Add(answer.Key.Text, Format.Grid(answer.Value));
            }

            text.Append(answers.Render());
        }

        return text.ToString();
    }

    /// <summary>Node, operation, value and the output's gradient at each node.</summary>
    public static TextTable NodeTable(Solution solution, Func<Values.Tensor, string> format)
    {
        var problem = solution.Problem;
        var table = new TextTable("node", "operation", "value", $"d{problem.Output.Name}/d·").AlignRight(2, 3);
        foreach (var node in problem.Nodes)
        {
            var gradient = solution.GradientAt(node) is { } g ? format(g) : "-";
            table.Add(node.Name, node.Operation, format(solution.Values[node.Name]), gradient);
        }

        return table;
    }

    public static string Markdown(ProblemSet set, IReadOnlyList<Solution> solutions, string? student,
        Func<Solution, string>? diagram = null)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(Heading(set)).Append("\n\n");
        if (student is not null)
        {
            text.Append("Answer key for student `").Append(student).Append("`.\n\n");
        }

        foreach (var solution in solutions)
        {
            var problem = solution.Problem.Problem;
            text.Append("## ").Append(ProblemHeading(problem)).Append("\n\n");
            if (problem.Function is { } function)
            {
                text.Append("Function: `").Append(function).Append("`\n\n");
            }

            if (solution.Failure is { } failure)
            {
                text.Append("Cannot be solved: `").Append(failure.ToString()).Append("`\n\n");
                continue;
            }

            if (diagram is not null)
            {
                text.Append(diagram(solution)).Append('\n');
            }

            text.Append("| node | operation | value | d").Append(solution.Problem.Output.Name).Append("/d· |\n");
            text.Append("| --- | --- | ---: | ---: |\n");
            foreach (var node in solution.Problem.Nodes)
            {
                var gradient = solution.GradientAt(node) is { } g ? Format.Inline(g) : "-";
                text.Append($"| `{node.Name}` | `{Format.MarkdownCell(node.Operation)}` | ")
                    .Append(Format.Inline(solution.Values[node.Name])).Append(" | ").Append(gradient).Append(" |\n");
            }

            text.Append("\n| answer | value |\n| --- | ---: |\n");
            foreach (var answer in solution.Answers)
            {
                text.Append($"| `{answer.Key.Text}` | {Format.Inline(answer.Value)} |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static string Json(
        ProblemSet set, IReadOnlyList<Solution> solutions, string? student) => JsonOutput.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("set", set.Id);
        w.StringOrNull("title", set.Title);
        w.StringOrNull("student", student);
        w.WriteStartArray("problems");
        foreach (var solution in solutions)
        {
            WriteProblem(w, solution);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void WriteProblem(Utf8JsonWriter w, Solution solution)
    {
        var problem = solution.Problem;
        w.WriteStartObject();
        w.WriteString("id", problem.Problem.Id);
        w.StringOrNull("title", problem.Problem.Title);
        w.WriteStartObject("inputs");
        foreach (var (name, value) in problem.Inputs)
        {
            w.Tensor(name, value);
        }

        w.WriteEndObject();
        if (solution.Failure is { } failure)
        {
            w.WriteString("error", failure.ToString());
        }

        w.WriteStartObject("answers");
        foreach (var answer in solution.Answers)
        {
            w.Tensor(answer.Key.Text, answer.Value);
        }

        w.WriteEndObject();
        w.WriteStartArray("nodes");
        foreach (var node in solution.Failed ? [] : problem.Nodes)
        {
            w.WriteStartObject();
            w.WriteString("name", node.Name);
            w.WriteString("operation", node.Operation);
            w.Tensor("value", solution.Values[node.Name]);
            if (solution.GradientAt(node) is { } gradient)
            {
                w.Tensor("gradient", gradient);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
