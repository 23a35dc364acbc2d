using System.CommandLine;
using Grader.Reports;

namespace Grader.Cli.Commands;

/// <summary>`grader template SET`: a blank submission file for a student to fill in.</summary>
public static class TemplateCommand
{
    public static Command Create(CliConsole console)
    {
        var set = CommonOptions.Set();
        var student = CommonOptions.Student();
        var command = new Command("template", "Print a submission file with every asked key left blank.")
        {
            set, student,
        };
        command.SetAction(result => Run(console, result.GetValue(set)!, result.GetValue(student)));
        return command;
    }

    private static int Run(CliConsole console, string path, string? student)
    {
        var set = SetLoading.Load(path, console);
        if (set is null)
        {
            return ExitCode.Unusable;
        }

        console.Out.Write(TemplateWriter.Write(set, student));
        return ExitCode.Ok;
    }
}
