namespace Grader.Tests.Cli;

/// <summary>Runs the command line in process and captures what it writes.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = Grader.Cli.Cli.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
