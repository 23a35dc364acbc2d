using System.CommandLine;
using Grader.Graphs;
using Grader.Reports;
using Grader.Solving;

namespace Grader.Cli.Commands;

/// <summary>`grader solve SET`: the answer key.</summary>
public static class SolveCommand
{
    public static Command Create(CliConsole console)
    {
        var set = CommonOptions.Set();
        var problem = new Option<string?>("--problem") { Description = "Solve only the problem with this id." };
        var student = CommonOptions.Student();
        var format = CommonOptions.Format("text", "json", "markdown");

        var command = new Command(
            "solve", "Print the answer key: every node's value and gradient, and every asked answer.")
        {
            set, problem, student, format,
        };
        command.SetAction(result => Run(console, result.GetValue(set)!, result.GetValue(problem),
            result.GetValue(student), result.GetValue(format)!));
        return command;
    }

    private static int Run(CliConsole console, string path, string? problemId, string? student, string format)
    {
        var set = SetLoading.Load(path, console);
        if (set is null)
        {
            return ExitCode.Unusable;
        }

        var problems = SetLoading.Select(set, problemId, console);
        if (problems.Count == 0)
        {
            return ExitCode.Unusable;
        }

        var solutions = problems.Select(p => Solver.Solve(ProblemCompiler.Compile(p, set.Id, student))).ToList();
        console.Out.Write(format switch
        {
            "json" => SolveReport.Json(set, solutions, student),
            "markdown" => SolveReport.Markdown(set, solutions, student, MermaidBlock),
            _ => SolveReport.Text(set, solutions, student),
        });

        foreach (var failed in solutions.Where(s => s.Failed))
        {
            console.Error.WriteLine(failed.Failure!.ToString());
        }

        return solutions.Any(s => s.Failed) ? ExitCode.WorkWrong : ExitCode.Ok;
    }

    /// <summary>A fenced block that GitHub and most Markdown viewers draw as the graph.</summary>
    private static string MermaidBlock(Solution solution) =>
        "```mermaid\n" + GraphRenderer.Mermaid(solution, GraphView.Full) + "```\n";
}
