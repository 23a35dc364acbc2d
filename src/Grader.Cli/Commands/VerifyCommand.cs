using System.CommandLine;
using Grader.Checking;
using Grader.Reports;

namespace Grader.Cli.Commands;

/// <summary>`grader verify SET...`: every problem well formed, backprop against finite differences.</summary>
public static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var sets = new Argument<string[]>("SET")
        {
            Description = "Problem sets (YAML).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CommonOptions.Format("text", "json");

        var command = new Command(
            "verify", "Check every problem: well formed, solvable, and backprop agreeing with finite differences.")
        {
            sets, format,
        };
        command.SetAction(result => Run(console, result.GetValue(sets)!, result.GetValue(format)!));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, string format)
    {
        var verified = new List<VerifiedSet>();
        var unusable = false;
        foreach (var path in paths)
        {
            var set = SetLoading.Load(path, console);
            if (set is null)
            {
                unusable = true;
                continue;
            }

            var checks = set.Problems.Select(p => ProblemVerifier.Verify(p, set.Id)).ToList();
            verified.Add(new VerifiedSet(path, set.Id, checks));
        }

        console.Out.Write(format == "json" ? VerifyReport.Json(verified) : VerifyReport.Text(verified));
        if (unusable)
        {
            return ExitCode.Unusable;
        }

        return VerifyReport.AllOk(verified) ? ExitCode.Ok : ExitCode.WorkWrong;
    }
}
