using System.Text;
using System.Text.RegularExpressions;
using Grader.Graphs;
using Grader.Problems;

namespace Grader.Reports;

/// <summary>
/// A blank submission file: every asked key with its value left empty, and comments
/// that give each problem's function or steps and the student's own inputs.
/// </summary>
public static partial class TemplateWriter
{
    public const string SchemaComment = "# yaml-language-server: $schema=../schemas/submission.schema.json";

    [GeneratedRegex("^[A-Za-z0-9_/]+$")]
    private static partial Regex PlainKey();

    public static string Write(ProblemSet set, string? student)
    {
        var text = new StringBuilder();
        text.Append(SchemaComment).Append('\n');
        text.Append("# Answers to ").Append(OneLine(SolveReport.Heading(set))).Append(".\n");
        text.Append("# Fill in each value: a number, an expression such as 1/4 or e^-1, or a list for a vector.\n");
        text.Append("# Then run: grader grade PROBLEM_SET THIS_FILE\n");
        text.Append("set: ").Append(set.Id).Append('\n');
        if (student is not null)
        {
            text.Append("student: ").Append(Quote(student)).Append('\n');
        }

        text.Append("answers:\n");
        foreach (var problem in set.Problems)
        {
            var compiled = ProblemCompiler.Compile(problem, set.Id, student);
            text.Append("  # ").Append(OneLine(SolveReport.ProblemHeading(problem))).Append('\n');
            if (problem.Function is { } function)
            {
                text.Append("  #   function: ").Append(OneLine(function)).Append(", in steps:\n");
            }

            foreach (var node in compiled.Nodes.Where(n => !n.IsInput))
            {
                text.Append("  #   ").Append(node.Name).Append(" = ").Append(OneLine(node.Operation)).Append('\n');
            }

            var inputs = compiled.Inputs.Select(p => $"{p.Key} = {Format.Inline(p.Value)}");
            text.Append("  #   inputs: ").AppendJoin(", ", inputs).Append('\n');
            if (problem.Upstream is { } upstream)
            {
                text.Append("  #   upstream gradient at ")
                    .Append(compiled.Output.Name)
                    .Append(": ")
                    .Append(Format.Inline(upstream))
                    .Append('\n');
            }

            text.Append("  ").Append(problem.Id).Append(":\n");
            foreach (var key in compiled.Keys)
            {
                text.Append("    ").Append(Quote(key.Text)).Append(":\n");
            }
        }

        return text.ToString();
    }

    /// <summary>Line breaks become spaces, so that text from the set cannot end a YAML comment.</summary>
    private static string OneLine(string text) => LineBreaks().Replace(text, " ");

    /// <summary>Every character that YAML reads as a line break.</summary>
    [GeneratedRegex("[\r\n\u0085\u2028\u2029]+")]
    private static partial Regex LineBreaks();

    private static string Quote(string key) => PlainKey().IsMatch(key) ? key : $"\"{Escape(key)}\"";

    /// <summary>
    /// Text for a YAML double-quoted scalar: a backslash or quote is escaped, and so is
    /// every control or line-break character, so that the value reads back unchanged.
    /// </summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '\\' or '"')
            {
                escaped.Append('\\').Append(c);
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                escaped.Append($"\\u{(int)c:X4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }
}
