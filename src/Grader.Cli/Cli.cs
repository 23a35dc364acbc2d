using System.CommandLine;
using Grader.Cli.Commands;

namespace Grader.Cli;

/// <summary>Exit statuses, as the spec fixes them.</summary>
public static class ExitCode
{
    public const int Ok = 0;

    /// <summary>
    /// The work is wrong: a submission below the pass mark, a gradient mismatch, an unsolvable problem.
    /// </summary>
    public const int WorkWrong = 1;

    /// <summary>The command cannot do its job: bad arguments, an unreadable or invalid problem set.</summary>
    public const int Unusable = 2;
}

/// <summary>The command line: builds the commands, parses, runs, and catches what nothing else did.</summary>
public static class Cli
{
    /// <param name="terminal">Whether output and error go to a person's terminal (colour, progress).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, bool terminal = false)
    {
        var console = new CliConsole(output, error, terminal);
        var root = new RootCommand(
            "Grader: reference answers, gradient checks and grading for backpropagation worksheets.");
        root.Subcommands.Add(SolveCommand.Create(console));
        root.Subcommands.Add(VerifyCommand.Create(console));
        root.Subcommands.Add(GradeCommand.Create(console));
        root.Subcommands.Add(TemplateCommand.Create(console));
        root.Subcommands.Add(GraphCommand.Create(console));
        root.Subcommands.Add(NewCommand.Create(console));

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                var message = problem.Message.Replace("\n\t", " ", StringComparison.Ordinal).Replace('\n', ' ');
                error.WriteLine($"grader: error: {message}");
            }

            error.WriteLine("Run `grader --help` for usage.");
            return ExitCode.Unusable;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception failure)
        {
            error.WriteLine($"grader: internal error: {failure.Message}");
            if (Environment.GetEnvironmentVariable("GRADER_DEBUG") is "1")
            {
                error.WriteLine(failure.ToString());
            }
            else
            {
                error.WriteLine("Set GRADER_DEBUG=1 to see where it happened, and please report it.");
            }

            return ExitCode.Unusable;
        }
    }
}

/// <summary>Where commands write: standard output for results, standard error for diagnostics.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool Terminal = false);
