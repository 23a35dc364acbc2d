using System.CommandLine;
using Grader.Graphs;
using Grader.Reports;
using Grader.Solving;

namespace Grader.Cli.Commands;

/// <summary>`grader graph SET --problem ID`: the computational graph, with values and gradients on it.</summary>
public static class GraphCommand
{
    public static Command Create(CliConsole console)
    {
        var set = CommonOptions.Set();
        var problem = new Option<string>("--problem") { Description = "The problem to draw.", Required = true };
        var student = CommonOptions.Student();
        var format = CommonOptions.Format("dot", "mermaid");
        var show = new Option<string>("--show")
        {
            Description = "What each node shows besides its name and operation (bare: a blank worksheet).",
            DefaultValueFactory = _ => "full",
        };
        show.AcceptOnlyFromAmong("full", "values", "gradients", "bare");

        var command = new Command("graph", "Draw a problem's computational graph as Graphviz DOT or Mermaid.")
        {
            set, problem, student, format, show,
        };
        command.SetAction(result => Run(console, result.GetValue(set)!, result.GetValue(problem)!,
            result.GetValue(student), result.GetValue(format)!, ParseView(result.GetValue(show)!)));
        return command;
    }

    private static GraphView ParseView(string show) => show switch
    {
        "values" => GraphView.Values,
        "gradients" => GraphView.Gradients,
        "bare" => GraphView.Bare,
        _ => GraphView.Full,
    };

    private static int Run(CliConsole console, string path, string problemId, string? student, string format,
        GraphView view)
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

        var solution = Solver.Solve(ProblemCompiler.Compile(problems[0], set.Id, student));
        var graph = format == "mermaid" ? GraphRenderer.Mermaid(solution, view) : GraphRenderer.Dot(solution, view);
        console.Out.Write(graph);

        if (solution.Failed)
        {
            console.Error.WriteLine(solution.Failure!.ToString());
            return ExitCode.WorkWrong;
        }

        return ExitCode.Ok;
    }
}
